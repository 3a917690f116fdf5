import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import { VerifyOutput, type VerifyOutputV1 } from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import { createHash } from 'node:crypto';
import { Public } from '../auth/access';
import { ApiProblemResponse, ApiUpstreamProblems } from '../openapi/problem.responses';
import { askIssuingAgency } from './issuing-agency';
import { MallAgencies } from './mall-agencies';
import { MAX_VERIFIED_PDF_BYTES, documentNoFromPath } from './output.request';
import {
  OutputVerificationResponse,
  REVOKED_EXAMPLE,
  VERIFICATION_EXAMPLE,
  toOutputVerificationResponse,
} from './output.response';
import {
  ApiDocumentNoParam,
  ApiOutputNotFound,
  malformedDocumentNoExample,
} from './outputs.openapi';
import { PDF_CONTENT_TYPE } from './pdf-body';

const INSTANCE = '/v1/verify/DUKCAPIL-2026-000042';

const ANSWER =
  'No personal data: not the holder, not even masked (numbers are sequential), and not why a ' +
  'revoked output was revoked. The holder is on the paper, which `signed.pdfSha256` binds.';

/**
 * Anyone holding an output (a bank, an employer, another agency) checks it here: by its number
 * or QR code, and with the file itself. Routed to the agency the number names (ADR 0021).
 */
@ApiTags('outputs')
@Controller('v1/verify')
export class VerificationController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly agencies: MallAgencies,
  ) {}

  @Get(':documentNo')
  @Public()
  @ApiOperation({
    operationId: 'verifyOutput',
    summary: 'Verify an output by its number',
    description:
      'Whether a document is one an agency of the mall issued and still stands by (`VALID`, or ' +
      '`REVOKED`), who issued it, what it is and when, and the signed statement with its ' +
      'Ed25519 signature. The QR code on every output points here. To check a file: compare ' +
      "`sha256sum` of it with `signed.pdfSha256`, and the signature with the agency's output " +
      'keys (`GET /v1/agencies/{agencyCode}/output-keys`), offline; or send the file to ' +
      `\`POST\` this address. ${ANSWER}`,
    security: [],
  })
  @ApiDocumentNoParam('The number printed on the output, or in its QR code')
  @ApiOkResponse({
    description: 'The output, and whether it stands',
    type: OutputVerificationResponse,
    examples: {
      valid: { summary: 'A birth certificate in force', value: VERIFICATION_EXAMPLE },
      revoked: { summary: 'One its agency revoked', value: REVOKED_EXAMPLE },
    },
  })
  @ApiProblemResponse(
    400,
    'Not a document number (AGENCY-YEAR-NUMBER)',
    malformedDocumentNoExample('/v1/verify/DUKCAPIL-26-42'),
  )
  @ApiOutputNotFound('/v1/verify/DUKCAPIL-2026-999999')
  @ApiUpstreamProblems('DUKCAPIL', INSTANCE)
  async verify(@Param('documentNo') raw: string): Promise<OutputVerificationResponse> {
    return this.ask(raw);
  }

  @Post(':documentNo')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'verifyOutputFile',
    summary: 'Verify an output’s file',
    description:
      'As `GET`, and whether the PDF sent as the body (`application/pdf`, at most 10 MiB) is ' +
      'this document, byte for byte: `pdf.authentic`. A changed byte anywhere is ' +
      '`digest_mismatch`. The file is hashed here and not kept or passed on: the agency is ' +
      `sent only its SHA-256. Changes nothing, so no \`Idempotency-Key\`. ${ANSWER}`,
    security: [],
  })
  @ApiDocumentNoParam('The number printed on the output, or in its QR code')
  @ApiConsumes(PDF_CONTENT_TYPE)
  @ApiBody({
    description: 'The PDF, exactly as received',
    schema: { type: 'string', format: 'binary', maxLength: MAX_VERIFIED_PDF_BYTES },
    examples: { pdf: { summary: 'The output’s file', value: '(the bytes of the PDF)' } },
  })
  @ApiOkResponse({
    description: 'The output, and whether the file is it',
    type: OutputVerificationResponse,
    examples: {
      authentic: {
        summary: 'The very file the agency issued',
        value: { ...VERIFICATION_EXAMPLE, pdf: { authentic: true } },
      },
      altered: {
        summary: 'A file with a byte changed',
        value: { ...VERIFICATION_EXAMPLE, pdf: { authentic: false, reason: 'digest_mismatch' } },
      },
    },
  })
  @ApiProblemResponse(400, 'Not a document number, or no file sent', {
    ...malformedDocumentNoExample('/v1/verify/DUKCAPIL-26-42'),
    empty: {
      summary: 'An empty body',
      error: DomainError.validation([{ field: 'pdf', code: 'required' }]),
      instance: INSTANCE,
    },
  })
  @ApiOutputNotFound('/v1/verify/DUKCAPIL-2026-999999')
  @ApiProblemResponse(413, 'The file is larger than 10 MiB: no output is', {
    tooLarge: {
      summary: 'A file over the limit',
      error: new DomainError('payload_too_large', 413, [], { limit: MAX_VERIFIED_PDF_BYTES }),
      instance: INSTANCE,
    },
  })
  @ApiProblemResponse(415, 'The body is not sent as `application/pdf`', {
    notPdf: {
      summary: 'A JSON body',
      error: new DomainError('unsupported_media_type', 415),
      instance: INSTANCE,
    },
  })
  @ApiUpstreamProblems('DUKCAPIL', INSTANCE)
  async verifyFile(
    @Param('documentNo') raw: string,
    @Body() pdf: Buffer,
  ): Promise<OutputVerificationResponse> {
    if (!Buffer.isBuffer(pdf)) throw new DomainError('unsupported_media_type', 415);
    if (pdf.length === 0) throw DomainError.validation([{ field: 'pdf', code: 'required' }]);
    return this.ask(raw, createHash('sha256').update(pdf).digest('hex'));
  }

  private async ask(raw: string, pdfSha256?: string): Promise<OutputVerificationResponse> {
    const { documentNo, agencyCode } = documentNoFromPath(raw);
    const request: VerifyOutputV1 = { documentNo, ...(pdfSha256 ? { pdfSha256 } : {}) };
    const answer = await askIssuingAgency(
      agencyCode,
      () => this.rpc.request(VerifyOutput, request, { to: agencyCode }),
      this.agencies,
      () => new DomainError('output_not_found', 404, [], { documentNo }),
    );
    return toOutputVerificationResponse(answer);
  }
}
