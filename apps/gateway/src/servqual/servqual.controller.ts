import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Post,
  Query,
  Res,
  applyDecorators,
} from '@nestjs/common';
import {
  ApiBody,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import {
  ExportServqualResults,
  GetServqualResults,
  SubmitServqualResponse,
  type GetServqualResultsV1,
} from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import type { FastifyReply } from 'fastify';
import { ApiBodyProblems } from '../accounts/accounts.openapi';
import { Callers, type CallerRule } from '../auth/access';
import { CSV_CONTENT_TYPE, prefersCsv } from '../dashboards/performance-format';
import {
  ApiIdempotencyKey,
  REPLAYED_HEADERS,
  invalidIdempotencyKeyExample,
} from '../idempotency/idempotency.openapi';
import { ApiJsonOrCsv } from '../openapi/json-or-csv.openapi';
import { ApiProblemResponse, ApiUpstreamProblems } from '../openapi/problem.responses';
import { securityOf } from '../openapi/security';
import {
  ServqualResultsRequest,
  SubmitServqualResponseRequest,
  toGetServqualResultsV1,
  toSubmitServqualResponseV1,
} from './servqual.request';
import {
  ServqualReceiptResponse,
  ServqualResultsResponse,
  toServqualReceiptResponse,
  toServqualResultsResponse,
} from './servqual.response';

/** Applicants (for a finished case of theirs) and kiosks (`surveys:kiosk`); surveys decides. */
export const SERVQUAL_RESPONDENTS = {
  applicant: true,
  client: ['surveys:kiosk'],
} as const satisfies CallerRule;
/** Mall admins and survey analysts (every service), agency admins (their agency's services). */
export const SERVQUAL_READERS = {
  officer: ['MALL_ADMIN', 'SURVEY_ANALYST', 'AGENCY_ADMIN'],
} as const satisfies CallerRule;

const RESPONSES = '/v1/servqual/responses';
const RESULTS = '/v1/servqual/results?serviceCode=PUPR-PBG&period=2026-TW1';
const CSV_MAX_LENGTH = 8 * 1024;

const DEFINITIONS =
  'SERVQUAL (Parasuraman, Zeithaml & Berry): 22 items in five dimensions (tangibles 1–4, ' +
  'reliability 5–9, responsiveness 10–13, assurance 14–17, empathy 18–22), each answered as ' +
  'expectation and perception on 1–5. Per item: the respondents who answered it, the mean ' +
  'expectation and perception and the gap, perception − expectation; per dimension the mean of ' +
  'its items’ gaps (over the items anyone answered). A negative gap is a service below what ' +
  'people expect. Computed by the database over the responses of the service whose day falls ' +
  'in the period. For mall admins and survey analysts (every service) and the admins of the service’s agency.';

const RESULTS_EXAMPLE = {
  serviceCode: 'PUPR-PBG',
  period: '2026-TW1',
  from: '2026-01-01',
  until: '2026-04-01',
  respondents: 40,
  items: [
    { item: 1, dimension: 'TANGIBLES', answered: 40, expectation: 4.6, perception: 3.9, gap: -0.7 },
    { item: 2, dimension: 'TANGIBLES', answered: 0 },
  ],
  dimensions: [
    { dimension: 'TANGIBLES', gap: -0.7 },
    { dimension: 'RELIABILITY', gap: -0.45 },
  ],
};
const CSV_EXAMPLE =
  'serviceCode,period,kind,item,dimension,answered,expectation,perception,gap\r\n' +
  'PUPR-PBG,2026-TW1,ITEM,1,TANGIBLES,40,4.6,3.9,-0.7\r\n' +
  'PUPR-PBG,2026-TW1,DIMENSION,,TANGIBLES,,,,-0.7\r\n';

const ApiResultsProblems = (instance: string) =>
  applyDecorators(
    ApiProblemResponse(400, 'A missing or malformed service code or period', {
      period: {
        summary: 'A semester that does not exist',
        error: DomainError.validation([{ field: 'period', code: 'must_be_period' }]),
        instance: instance.replace('2026-TW1', '2026-S3'),
      },
    }),
    ApiProblemResponse(401, 'No authenticated caller', {
      anonymous: {
        summary: 'An anonymous caller',
        error: new DomainError('unauthenticated', 401, [], { resource: 'SERVQUAL results' }),
        instance,
      },
    }),
    ApiProblemResponse(
      403,
      'Not a mall admin or survey analyst, nor an admin of the service’s agency',
      {
        otherAgency: {
          summary: 'The admin of another agency',
          error: new DomainError('forbidden', 403, [], {
            resource: 'SERVQUAL results of PUPR-PBG',
          }),
          instance,
        },
      },
    ),
    ApiUpstreamProblems('surveys', instance),
  );

@ApiTags('surveys')
@ApiExtraModels(ServqualResultsResponse)
@Controller('v1/servqual')
export class ServqualController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('responses')
  @HttpCode(201)
  @Callers(SERVQUAL_RESPONDENTS)
  @ApiOperation({
    operationId: 'submitServqualResponse',
    summary: 'Answer the SERVQUAL survey',
    description:
      'One respondent’s answers: for each item answered, what they expected and what they ' +
      'perceived, 1 to 5; an item left out stays unanswered and counts in no mean. An applicant ' +
      'answers for a case of theirs (`trackingNo` only), once, after it is finished (ISSUED or ' +
      'REJECTED; checked as for SKM): it counts for the case’s service on the mall’s day it ' +
      'finished. ' +
      'A kiosk (an API client with `surveys:kiosk`) answers for a service and the day its ' +
      'respondent was served (`serviceCode` and `day` only).',
    security: securityOf(SERVQUAL_RESPONDENTS),
  })
  @ApiBody({
    type: SubmitServqualResponseRequest,
    examples: {
      applicant: {
        summary: 'An applicant, for a finished case',
        value: {
          trackingNo: 'K7M39QX2C',
          answers: [
            { item: 1, expectation: 5, perception: 4 },
            { item: 5, expectation: 5, perception: 3 },
          ],
        },
      },
      kiosk: {
        summary: 'A kiosk, for a service and a day',
        value: {
          serviceCode: 'PUPR-PBG',
          day: '2026-05-04',
          answers: [{ item: 10, expectation: 4, perception: 4 }],
        },
      },
    },
  })
  @ApiResponse({
    status: 201,
    description: 'Recorded',
    type: ServqualReceiptResponse,
    headers: REPLAYED_HEADERS,
    examples: {
      recorded: {
        summary: 'A kiosk’s response',
        value: {
          responseId: '2f4e6a8c-0b1d-4e3f-9a5b-7c9d1e3f5a7b',
          serviceCode: 'PUPR-PBG',
          day: '2026-05-04',
          source: 'KIOSK',
          answered: 1,
        },
      },
    },
  })
  @ApiBodyProblems(
    RESPONSES,
    DomainError.validation([{ field: 'answers.0.perception', code: 'invalid' }]),
    'A perception of 6',
    {
      repeated: {
        summary: 'An item answered twice',
        error: DomainError.validation([
          { field: 'answers.1.item', code: 'item_repeated', params: { item: 5 } },
        ]),
        instance: RESPONSES,
      },
      source: {
        summary: 'An applicant naming a service instead of a case',
        error: DomainError.validation([{ field: 'trackingNo', code: 'servqual_source' }]),
        instance: RESPONSES,
      },
      mistyped: {
        summary: 'A tracking number whose check symbol does not match',
        error: new DomainError('invalid_tracking_number', 400),
        instance: RESPONSES,
      },
      ...invalidIdempotencyKeyExample(RESPONSES),
    },
  )
  @ApiProblemResponse(401, 'No authenticated caller', {
    anonymous: {
      summary: 'An anonymous caller',
      error: new DomainError('unauthenticated', 401, [], { resource: 'SERVQUAL responses' }),
      instance: RESPONSES,
    },
  })
  @ApiProblemResponse(403, 'Neither an applicant nor a kiosk client', {
    officer: {
      summary: 'An officer',
      error: new DomainError('forbidden', 403, [], { resource: 'SERVQUAL responses' }),
      instance: RESPONSES,
    },
  })
  @ApiProblemResponse(404, 'No such case of the applicant’s', {
    notFound: {
      summary: 'Another applicant’s case, or none',
      error: new DomainError('application_not_found', 404, [], { trackingNo: 'K7M39QX2C' }),
      instance: RESPONSES,
    },
  })
  @ApiIdempotencyKey(RESPONSES, {
    409: {
      description: 'The case is not finished, or was answered already',
      examples: {
        notFinished: {
          summary: 'A case still in review',
          error: new DomainError('servqual_case_not_finished', 409, [], {
            trackingNo: 'K7M39QX2C',
          }),
          instance: RESPONSES,
        },
        answered: {
          summary: 'A second response for the case',
          error: new DomainError('servqual_already_answered', 409, [], { trackingNo: 'K7M39QX2C' }),
          instance: RESPONSES,
        },
      },
    },
  })
  @ApiUpstreamProblems('surveys', RESPONSES)
  async submit(@Body() body: SubmitServqualResponseRequest): Promise<ServqualReceiptResponse> {
    return toServqualReceiptResponse(
      await this.rpc.request(SubmitServqualResponse, toSubmitServqualResponseV1(body)),
    );
  }

  @Get('results')
  @Callers(SERVQUAL_READERS)
  @ApiOperation({
    operationId: 'getServqualResults',
    summary: 'SERVQUAL gaps of a service in a period',
    description:
      `${DEFINITIONS} As JSON, or as CSV with \`Accept: text/csv\` (preferred over JSON by its ` +
      'weight; the same as `GET /v1/servqual/results.csv`).',
    security: securityOf(SERVQUAL_READERS),
  })
  @ApiJsonOrCsv({
    description: 'Every item and dimension',
    model: ServqualResultsResponse,
    examples: { quarter: { summary: 'A quarter (two of its items)', value: RESULTS_EXAMPLE } },
    csvMaxLength: CSV_MAX_LENGTH,
    csvExample: CSV_EXAMPLE,
  })
  @ApiResultsProblems(RESULTS)
  async results(
    @Query() query: ServqualResultsRequest,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ServqualResultsResponse | string> {
    void reply.header('vary', 'Accept');
    const request = toGetServqualResultsV1(query);
    if (prefersCsv(accept)) return this.csv(request, reply);
    return toServqualResultsResponse(await this.rpc.request(GetServqualResults, request));
  }

  @Get('results.csv')
  @Callers(SERVQUAL_READERS)
  @ApiOperation({
    operationId: 'exportServqualResults',
    summary: 'SERVQUAL gaps of a service in a period, as CSV',
    description:
      `${DEFINITIONS} CSV (RFC 4180): a header, a record per item (\`kind\` ITEM), then one per ` +
      'dimension (`kind` DIMENSION, its gap only); an empty field is a figure nobody answered.',
    security: securityOf(SERVQUAL_READERS),
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'A record per item and per dimension',
    headers: {
      'Content-Disposition': {
        description: 'An attachment, named by the service and period',
        required: true,
        schema: {
          type: 'string',
          maxLength: 100,
          example: 'attachment; filename="servqual-PUPR-PBG-2026-TW1.csv"',
        },
      },
    },
    content: {
      'text/csv': { schema: { type: 'string', maxLength: CSV_MAX_LENGTH }, example: CSV_EXAMPLE },
    },
  })
  @ApiResultsProblems(RESULTS.replace('results', 'results.csv'))
  async export(
    @Query() query: ServqualResultsRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return this.csv(toGetServqualResultsV1(query), reply);
  }

  private async csv(request: GetServqualResultsV1, reply: FastifyReply): Promise<string> {
    const { csv } = await this.rpc.request(ExportServqualResults, request);
    void reply
      .header('content-type', CSV_CONTENT_TYPE)
      .header(
        'content-disposition',
        `attachment; filename="servqual-${request.serviceCode}-${request.period}.csv"`,
      );
    return csv;
  }
}
