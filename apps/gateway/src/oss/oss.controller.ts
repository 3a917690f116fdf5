import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiExtension,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  ListUnmappedPermits,
  type OssInboundMethod,
  ReceiveFromOss,
  type PiaReplyBodyV1,
} from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import type { FastifyReply } from 'fastify';
import { Callers, Public, type CallerRule } from '../auth/access';
import { ApiUpstreamProblems } from '../openapi/problem.responses';
import { securityOf } from '../openapi/security';
import {
  OSS_TAG,
  OSS_TOKEN_SCHEME,
  PIA_REPLY_SCHEMA,
  RECEIVE_FILE_DS_EXAMPLE,
  RECEIVE_FILE_DS_SCHEMA,
  RECEIVE_NIB_EXAMPLE,
  RECEIVE_NIB_SCHEMA,
} from './oss.openapi';
import { PIA_STATUS_TEXT } from './pia-problems';
import {
  UnmappedPermitsQuery,
  UnmappedPermitsResponse,
  UNMAPPED_PERMITS_EXAMPLE,
} from './unmapped-permits.dto';

/** The PIA's reply for each status a method answers, as the document's `examples`. */
function piaAnswers(method: OssInboundMethod, ok: string, bad: string) {
  const key = `respon${method}`;
  const reply = (status: '1' | '2', keterangan: string): Record<string, PiaReplyBodyV1> => ({
    [key]: { status, keterangan },
  });
  const answer = (status: number, description: string, examples: Record<string, unknown>) =>
    ApiResponse({
      status,
      description,
      content: {
        'application/json': {
          schema: PIA_REPLY_SCHEMA(method),
          examples: Object.fromEntries(
            Object.entries(examples).map(([name, value]) => [name, { summary: name, value }]),
          ),
        },
      },
      ...(status === 503
        ? {
            headers: {
              'Retry-After': {
                description: 'Seconds to wait before sending again',
                required: true,
                schema: { type: 'integer', minimum: 1, maximum: 3600, example: 5 },
              },
            },
          }
        : status === 401
          ? {
              headers: {
                'WWW-Authenticate': {
                  description: 'The PIA Token is the credential: `Token realm="oss"`',
                  required: true,
                  schema: { type: 'string', maxLength: 100, example: 'Token realm="oss"' },
                },
              },
            }
          : {}),
    });
  return [
    ApiOkResponse({
      description: 'Received and recorded (`status` 1)',
      content: {
        'application/json': {
          schema: PIA_REPLY_SCHEMA(method),
          examples: { saved: { summary: 'Saved', value: reply('1', ok) } },
        },
      },
    }),
    answer(400, 'Data Parameter Salah: the first field that could not be taken is named', {
      'A field the PIA requires is empty': reply('2', `${PIA_STATUS_TEXT[400]}: ${bad}`),
      'The body is not JSON': reply('2', `${PIA_STATUS_TEXT[400]}: body`),
    }),
    answer(401, 'User Akses Tidak Valid: no Token, or not the one for this NIB today', {
      'Wrong, missing or stale Token': reply('2', PIA_STATUS_TEXT[401]),
    }),
    answer(413, 'The body is over 768 KiB', {
      'Too large': reply('2', 'Payload terlalu besar'),
    }),
    answer(415, 'Not `application/json`', {
      'Another media type': reply('2', 'Jenis media tidak didukung'),
    }),
    answer(429, 'Too many calls from this address in the current window', {
      'Rate limited': reply('2', 'Terlalu banyak permintaan'),
    }),
    answer(503, 'The oss service is not answering; send again after `Retry-After`', {
      Unavailable: reply('2', 'Layanan tidak tersedia'),
    }),
    answer(504, 'The oss service did not answer in time; sending again is safe', {
      Timeout: reply('2', 'Waktu tunggu layanan habis'),
    }),
  ];
}

function applyAll(decorators: MethodDecorator[]): MethodDecorator {
  return (target, key, descriptor) => {
    for (const decorator of decorators) decorator(target, key, descriptor);
  };
}

const MALL_ADMINS: CallerRule = { officer: ['MALL_ADMIN'] };

const TOKEN_HEADER = {
  name: 'Token',
  required: true,
  description:
    'SHA1(USERNAME + PASSWORD + NIB + DATE(Ymd)), lower-case hex (see the ossToken scheme)',
  schema: {
    type: 'string' as const,
    maxLength: 256,
    example: '5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8',
  },
};

/**
 * The methods of the PIA v4.3.22 that the mall hosts and OSS calls (ADR 0030). The body and the
 * Token go to the oss service as they came: it holds the credentials and reads the PIA's shapes,
 * and its answer is the PIA's own reply and HTTP status, which is sent as is.
 */
@ApiTags(OSS_TAG)
@Controller('v1/oss')
export class OssController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('receiveNIB')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'receiveNIB',
    summary: 'Receive NIB (OSS → mall)',
    description:
      'Mengirimkan Data NIB & Checklist Izin dari Sistem OSS ke Sistem K/L/D (PIA v4.3.22). OSS sends a ' +
      'business’s NIB data and the permits (`data_checklist`) it needs. The mall records the NIB, creates ' +
      'or updates the business and its owner (the person responsible by KTP) in its accounts, and for ' +
      'each permit its permit map knows (by `kd_izin`, and KBLI where it matters) opens an application of ' +
      'that catalog service for the person responsible (`penanggung_jwb` by KTP), naming the business, ' +
      'through the portal channel; a permit the map does not know is recorded and listed for mall admins ' +
      '(`GET /v1/oss/unmapped-permits`), never dropped. The same NIB sent again opens nothing twice ' +
      '(one application per NIB and `id_izin`). Fields the mall does not read are accepted and kept; an ' +
      'empty string counts as not given. A wrong, missing or stale Token is a 401 and a malformed body a ' +
      '400 naming the field, both in the PIA’s reply shape, and neither writes anything.',
    security: [{ [OSS_TOKEN_SCHEME]: [] }],
  })
  @ApiExtension('x-protocol', OSS_TAG)
  @ApiHeader(TOKEN_HEADER)
  @ApiBody({
    schema: RECEIVE_NIB_SCHEMA,
    examples: {
      nib: { summary: 'A NIB with two permits for the mall', value: RECEIVE_NIB_EXAMPLE },
    },
  })
  @applyAll(piaAnswers('receiveNIB', 'Berhasil menyimpan data', 'dataNIB.nib'))
  receiveNib(
    @Body() body: unknown,
    @Headers('token') token: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.forward('receiveNIB', body, token, reply);
  }

  @Post('receiveFileDS')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'receiveFileDS',
    summary: 'Receive File DS (OSS → mall)',
    description:
      'Mengirimkan Data File Izin Yang diterbitkan oleh OSS dan Sudah Di Tanda Tangani Secara ' +
      'Elektronik dari Sistem OSS ke Sistem K/L/D (PIA v4.3.22). OSS tells the mall where the signed ' +
      'file of a permit it sent in receiveNIB is (`file_izin` is a URL). The mall records it against ' +
      'that permit and answers; then it fetches the file (an https address, or a host the mall ' +
      'configured for OSS; PDF, JPEG or PNG by its bytes, at most 10 MiB), stores it and attaches it to ' +
      'the application the permit opened, retrying while OSS or the mall is away. A file for a permit ' +
      'the mall has no application for yet (one its permit map does not know, or one being opened) ' +
      'waits for it, and is fetched once the permit is opened. The same file again changes nothing. ' +
      'A permit OSS never sent for this NIB is a 400 naming `receiveFileDS.id_izin`.',
    security: [{ [OSS_TOKEN_SCHEME]: [] }],
  })
  @ApiExtension('x-protocol', OSS_TAG)
  @ApiHeader(TOKEN_HEADER)
  @ApiBody({
    schema: RECEIVE_FILE_DS_SCHEMA,
    examples: { file: { summary: 'The signed PBG', value: RECEIVE_FILE_DS_EXAMPLE } },
  })
  @applyAll(piaAnswers('receiveFileDS', 'Berhasil menyimpan data', 'receiveFileDS.file_izin'))
  receiveFileDs(
    @Body() body: unknown,
    @Headers('token') token: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.forward('receiveFileDS', body, token, reply);
  }

  @Get('unmapped-permits')
  @Callers(MALL_ADMINS)
  @ApiTags('services')
  @ApiOperation({
    operationId: 'listUnmappedOssPermits',
    summary: 'OSS permits no catalog service is mapped to',
    description:
      'The checklist permits OSS sent in receiveNIB that the permit map (`OSS_PERMIT_MAP` of the oss ' +
      'service) knows no service for, oldest first, cursor-paginated: what a mall admin adds to the ' +
      'map. Once mapped, the next receiveNIB of that NIB opens the application. Mall admins only.',
    security: securityOf(MALL_ADMINS),
  })
  @ApiOkResponse({
    description: 'A page of unmapped permits',
    type: UnmappedPermitsResponse,
    examples: { page: { summary: 'One unmapped permit', value: UNMAPPED_PERMITS_EXAMPLE } },
  })
  @ApiUpstreamProblems('oss', '/v1/oss/unmapped-permits')
  unmapped(@Query() query: UnmappedPermitsQuery) {
    return this.rpc.request(ListUnmappedPermits, {
      ...(query.cursor ? { cursor: query.cursor } : {}),
      ...(query.limit ? { limit: query.limit } : {}),
    });
  }

  private async forward(
    method: OssInboundMethod,
    body: unknown,
    token: string | undefined,
    reply: FastifyReply,
  ) {
    const answer = await this.rpc.request(ReceiveFromOss, {
      method,
      body: body ?? null,
      ...(token !== undefined ? { token: token.trim().slice(0, 256) } : {}),
    });
    void reply.status(answer.httpStatus);
    if (answer.httpStatus === 401) void reply.header('www-authenticate', 'Token realm="oss"');
    return answer.body;
  }
}
