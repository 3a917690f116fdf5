import {
  applyDecorators,
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import {
  ExportSkmReport,
  GetSkmIndex,
  GetSkmReport,
  GetSkmTrend,
  ListSkmSuggestions,
  MAX_SKM_TREND_PERIODS,
  RenderSkmReport,
  SubmitKioskSkmResponse,
  SubmitSkmResponse,
} from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import type { FastifyReply } from 'fastify';
import { Callers, Public, type CallerRule } from '../auth/access';
import { CSV_CONTENT_TYPE } from '../dashboards/performance-format';
import {
  ApiIdempotencyKey,
  REPLAYED_HEADERS,
  invalidIdempotencyKeyExample,
} from '../idempotency/idempotency.openapi';
import { ApiBodyProblems } from '../accounts/accounts.openapi';
import { ApiProblemResponse, ApiUpstreamProblems } from '../openapi/problem.responses';
import { securityOf } from '../openapi/security';
import { SKM_INDEX_EXAMPLE, SKM_RECEIPT_EXAMPLE, SKM_REPORT_EXAMPLE } from './skm.examples';
import {
  SkmIndexRequest,
  SkmReportRequest,
  SkmSuggestionsRequest,
  SkmTrendRequest,
  toGetSkmIndexV1,
  toGetSkmReportV1,
  toGetSkmTrendV1,
  toListSkmSuggestionsV1,
} from './skm-index.request';
import {
  SubmitKioskSkmResponseRequest,
  SubmitSkmResponseRequest,
  toSubmitKioskSkmResponseV1,
  toSubmitSkmResponseV1,
} from './skm-response.request';
import {
  SkmIndexResponse,
  SkmReceiptResponse,
  SkmReportResponse,
  SkmSuggestionsPageResponse,
  SkmTrendResponse,
} from './skm.response';

const APPLICANTS = { applicant: true } as const satisfies CallerRule;
const KIOSKS = { client: ['surveys:kiosk'] } as const satisfies CallerRule;
/** Mall admins and survey analysts read any scope; an agency's admin their own agency's. */
export const SKM_READERS = {
  officer: ['MALL_ADMIN', 'SURVEY_ANALYST', 'AGENCY_ADMIN'],
} as const satisfies CallerRule;

const RESPONSES = '/v1/skm/responses';
const KIOSK_RESPONSES = '/v1/skm/kiosk-responses';
const INDEX = '/v1/skm/index?period=quarter&at=2026-02-15&serviceCode=DUKCAPIL-KK';
const REPORT = '/v1/skm/report?period=quarter&at=2026-02-15&serviceCode=DUKCAPIL-KK';

/** A report's CSV: a header and at most 40 records of some 30 short fields. */
const CSV_MAX_LENGTH = 64 * 1024;
/** A report page with its two charts. */
const HTML_MAX_LENGTH = 2 * 1024 * 1024;

const DEFINITIONS =
  'SKM after PermenPANRB 14/2017 (ADR 0032). Periods are quarters, semesters or years of the ' +
  "mall's local days (`MALL_TIME_ZONE`). Per element U1–U9: the respondents who answered it and " +
  'its NRR (sum of answers ÷ those respondents: an unanswered element counts in neither); the ' +
  'IKM Σ(NRR × weight) × 25 on the 25–100 scale, unrounded and rounded half up to two decimals, ' +
  'and its category (A ≥ 88.31, B ≥ 76.61, C ≥ 65.00, D below); null when an element was ' +
  'answered by nobody. The weight rule (1/9 exact by default; 0.111 or 0.11 as offices print ' +
  'it) is named in the answer. The served population is the applications of the scope finished ' +
  '(ISSUED or REJECTED) in the period, with the Krejcie & Morgan minimum sample for it and ' +
  '`sampleTooSmall` when fewer responded. Computed in the database over the responses, never ' +
  'loaded one by one.';

const ApiReadProblems = (instance: string) =>
  applyDecorators(
    ApiProblemResponse(400, 'A malformed period, date, code or weight rule', {
      period: {
        summary: 'An unknown kind of period',
        error: DomainError.validation([
          {
            field: 'period',
            code: 'must_be_one_of',
            params: { values: 'quarter, semester, year' },
          },
        ]),
        instance: instance.replace('quarter', 'month'),
      },
    }),
    ApiProblemResponse(401, 'No authenticated caller', {
      anonymous: {
        summary: 'An anonymous caller',
        error: new DomainError('unauthenticated', 401, [], { resource: 'SKM figures' }),
        instance,
      },
    }),
    ApiProblemResponse(
      403,
      'Not a mall admin or survey analyst, nor the admin of the agency asked for',
      {
        otherAgency: {
          summary: 'The admin of another agency',
          error: new DomainError('forbidden', 403, [], { resource: 'SKM figures of PUPR' }),
          instance: `${instance}&agencyCode=PUPR`,
        },
      },
    ),
    ApiUpstreamProblems('surveys', instance),
  );

const ApiReportProblems = (instance: string) =>
  applyDecorators(
    ApiProblemResponse(400, 'A malformed period, date, code, language or weight rule', {
      date: {
        summary: 'A day that does not exist',
        error: DomainError.validation([{ field: 'at', code: 'must_be_date' }]),
        instance: instance.replace('2026-02-15', '2026-02-30'),
      },
    }),
    ApiUpstreamProblems('surveys', instance),
  );

@ApiTags('skm')
@Controller('v1/skm')
export class SkmController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('responses')
  @HttpCode(201)
  @Callers(APPLICANTS)
  @ApiOperation({
    operationId: 'submitSkmResponse',
    summary: 'Rate a finished application (SKM)',
    description:
      'The signed-in applicant answers the satisfaction survey about one of their applications, ' +
      'once it is ISSUED or REJECTED: at most one response per application (a second is a 409, ' +
      'however close together they come). Answers by element code U1–U9, 1–4 each; an element ' +
      'left out stays unanswered and leaves only its own denominator. It counts on the day it is ' +
      "given (the mall's local day). Another applicant's application, or one surveys has not " +
      'heard of yet, is a 404.',
    security: securityOf(APPLICANTS),
  })
  @ApiBody({
    type: SubmitSkmResponseRequest,
    examples: {
      rated: {
        summary: 'U4 left unanswered',
        value: {
          trackingNo: 'K7M39QX2C',
          answers: { U1: 4, U2: 3, U3: 3, U5: 4, U6: 3, U7: 4, U8: 2, U9: 3 },
          respondent: {
            sex: 'F',
            ageBand: '30_TO_39',
            education: 'SMA',
            occupation: 'ENTREPRENEUR',
          },
          suggestion: 'Ruang tunggu perlu kipas angin.',
        },
      },
    },
  })
  @ApiResponse({
    status: 201,
    description: 'Recorded',
    type: SkmReceiptResponse,
    headers: REPLAYED_HEADERS,
    examples: { recorded: { summary: 'Recorded', value: SKM_RECEIPT_EXAMPLE } },
  })
  @ApiBodyProblems(
    RESPONSES,
    DomainError.validation([{ field: 'answers', code: 'skm_no_answer' }]),
    'Nothing answered',
    invalidIdempotencyKeyExample(RESPONSES),
  )
  @ApiProblemResponse(401, 'No valid access token', {
    anonymous: {
      summary: 'No token',
      error: new DomainError('unauthenticated', 401, [], { resource: 'SKM responses' }),
      instance: RESPONSES,
    },
  })
  @ApiProblemResponse(403, 'Not an applicant', {
    officer: {
      summary: 'An officer',
      error: new DomainError('forbidden', 403, [], { resource: 'SKM responses of applications' }),
      instance: RESPONSES,
    },
  })
  @ApiProblemResponse(404, "Not an application of the caller's", {
    notFound: {
      summary: "Another applicant's, or unknown",
      error: new DomainError('skm_case_not_found', 404, [], { trackingNo: 'K7M39QX2C' }),
      instance: RESPONSES,
    },
  })
  @ApiIdempotencyKey(RESPONSES, {
    409: {
      description: 'The application is not finished yet, or is rated already',
      examples: {
        notFinished: {
          summary: 'Still in progress',
          error: new DomainError('skm_case_not_finished', 409, [], { trackingNo: 'K7M39QX2C' }),
          instance: RESPONSES,
        },
        answered: {
          summary: 'Rated already',
          error: new DomainError('skm_already_answered', 409, [], { trackingNo: 'K7M39QX2C' }),
          instance: RESPONSES,
        },
      },
    },
  })
  @ApiUpstreamProblems('surveys', RESPONSES)
  submit(@Body() body: SubmitSkmResponseRequest): Promise<SkmReceiptResponse> {
    return this.rpc.request(SubmitSkmResponse, toSubmitSkmResponseV1(body));
  }

  @Post('kiosk-responses')
  @HttpCode(201)
  @Callers(KIOSKS)
  @ApiOperation({
    operationId: 'submitKioskSkmResponse',
    summary: 'Record an SKM response taken at a kiosk',
    description:
      'A kiosk (an API client with `surveys:kiosk`) records a visitor’s response about a service ' +
      "of an agency on a day (the mall's local day, not after today). Answers as for " +
      '`POST /v1/skm/responses`.',
    security: securityOf(KIOSKS),
  })
  @ApiBody({
    type: SubmitKioskSkmResponseRequest,
    examples: {
      kiosk: {
        summary: 'At the lobby kiosk',
        value: {
          agencyCode: 'DUKCAPIL',
          serviceCode: 'DUKCAPIL-KK',
          day: '2026-02-15',
          answers: { U1: 4, U2: 4, U3: 3, U4: 4, U5: 4, U6: 4, U7: 4, U8: 3, U9: 4 },
        },
      },
    },
  })
  @ApiResponse({
    status: 201,
    description: 'Recorded',
    type: SkmReceiptResponse,
    headers: REPLAYED_HEADERS,
    examples: {
      recorded: { summary: 'Recorded', value: { ...SKM_RECEIPT_EXAMPLE, source: 'KIOSK' } },
    },
  })
  @ApiBodyProblems(
    KIOSK_RESPONSES,
    DomainError.validation([{ field: 'day', code: 'must_be_date' }]),
    'A malformed day',
    invalidIdempotencyKeyExample(KIOSK_RESPONSES),
  )
  @ApiProblemResponse(401, 'No valid access token', {
    anonymous: {
      summary: 'No token',
      error: new DomainError('unauthenticated', 401, [], { resource: 'kiosk SKM responses' }),
      instance: KIOSK_RESPONSES,
    },
  })
  @ApiProblemResponse(403, 'Not a client with `surveys:kiosk`', {
    scope: {
      summary: 'The national portal',
      error: new DomainError('forbidden', 403, [], { resource: 'kiosk SKM responses' }),
      instance: KIOSK_RESPONSES,
    },
  })
  @ApiIdempotencyKey(KIOSK_RESPONSES, {
    422: {
      description: 'A service of another agency, or a day to come',
      examples: {
        future: {
          summary: 'Tomorrow',
          error: DomainError.validation(
            [{ field: 'day', code: 'day_in_future', params: { today: '2026-02-15' } }],
            422,
          ),
          instance: KIOSK_RESPONSES,
        },
      },
    },
  })
  @ApiUpstreamProblems('surveys', KIOSK_RESPONSES)
  submitAtKiosk(@Body() body: SubmitKioskSkmResponseRequest): Promise<SkmReceiptResponse> {
    return this.rpc.request(SubmitKioskSkmResponse, toSubmitKioskSkmResponseV1(body));
  }

  @Get('index')
  @Callers(SKM_READERS)
  @ApiOperation({
    operationId: 'getSkmIndex',
    summary: 'The SKM index of a period',
    description:
      `${DEFINITIONS} Of the whole mall, an agency (\`agencyCode\`) or a service (\`serviceCode\`), ` +
      'with the respondent profile, the count of suggestions and the elements weakest first.',
    security: securityOf(SKM_READERS),
  })
  @ApiOkResponse({
    description: 'The index',
    type: SkmIndexResponse,
    examples: { quarter: { summary: 'A quarter of one service', value: SKM_INDEX_EXAMPLE } },
  })
  @ApiReadProblems(INDEX)
  index(@Query() query: SkmIndexRequest): Promise<SkmIndexResponse> {
    return this.rpc.request(GetSkmIndex, toGetSkmIndexV1(query));
  }

  @Get('trend')
  @Callers(SKM_READERS)
  @ApiOperation({
    operationId: 'getSkmTrend',
    summary: 'The SKM index across periods',
    description: `${DEFINITIONS} Every period from the one holding \`from\` to the one holding \`to\`, at most ${MAX_SKM_TREND_PERIODS}, oldest first.`,
    security: securityOf(SKM_READERS),
  })
  @ApiOkResponse({
    description: 'One index per period',
    type: SkmTrendResponse,
    examples: {
      trend: {
        summary: 'One quarter',
        value: {
          serviceCode: 'DUKCAPIL-KK',
          timeZone: 'Asia/Jakarta',
          weightRule: 'EXACT',
          periods: [SKM_INDEX_EXAMPLE],
        },
      },
    },
  })
  @ApiReadProblems('/v1/skm/trend?period=quarter&from=2025-01-01&to=2026-12-31')
  trend(@Query() query: SkmTrendRequest): Promise<SkmTrendResponse> {
    return this.rpc.request(GetSkmTrend, toGetSkmTrendV1(query));
  }

  @Get('suggestions')
  @Callers(SKM_READERS)
  @ApiOperation({
    operationId: 'listSkmSuggestions',
    summary: "A period's SKM suggestions",
    description:
      'The free-text suggestions of the period and scope, the latest day first, a page at a time ' +
      '(`nextCursor`). For the staff only: a suggestion may name someone, so the public report ' +
      'counts them without their text.',
    security: securityOf(SKM_READERS),
  })
  @ApiOkResponse({
    description: 'A page of suggestions',
    type: SkmSuggestionsPageResponse,
    examples: {
      page: {
        summary: 'The last page',
        value: {
          items: [
            {
              responseId: '3b0c2d7e-9f51-4e0a-8d8e-0c6f4d1f2a77',
              day: '2026-02-15',
              agencyCode: 'DUKCAPIL',
              serviceCode: 'DUKCAPIL-KK',
              text: 'Ruang tunggu perlu kipas angin.',
            },
          ],
        },
      },
    },
  })
  @ApiReadProblems('/v1/skm/suggestions?period=quarter&at=2026-02-15')
  suggestions(@Query() query: SkmSuggestionsRequest): Promise<SkmSuggestionsPageResponse> {
    return this.rpc.request(ListSkmSuggestions, toListSkmSuggestionsV1(query));
  }

  @Get('report')
  @Public()
  @ApiOperation({
    operationId: 'getSkmReport',
    summary: 'The published SKM report of a period',
    description:
      `${DEFINITIONS} Public, for any of the mall's services, agencies or the whole mall: the ` +
      'index of the period, the trend of the periods before it (`trendPeriods`, 4 by default), and ' +
      'the follow-up plan (rencana tindak lanjut) with the public consultation forum that agreed ' +
      'it. No personal data: suggestions are counted, not shown. Also as CSV ' +
      '(`/v1/skm/report.csv`) and as a printable page (`/v1/skm/report.html`).',
    security: [],
  })
  @ApiOkResponse({
    description: 'The report',
    type: SkmReportResponse,
    examples: { report: { summary: 'One quarter of one service', value: SKM_REPORT_EXAMPLE } },
  })
  @ApiReportProblems(REPORT)
  report(@Query() query: SkmReportRequest): Promise<SkmReportResponse> {
    return this.rpc.request(GetSkmReport, toGetSkmReportV1(query));
  }

  @Get('report.csv')
  @Public()
  @ApiOperation({
    operationId: 'exportSkmReport',
    summary: 'The published SKM report as CSV',
    description:
      `${DEFINITIONS} CSV (RFC 4180): a header, then one record per period of the trend, the ` +
      'period reported last; per element its respondents and NRR (`U1.answered`, `U1.nrr`, …); ' +
      'an empty field where there is no figure.',
    security: [],
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'The figures, one record per period',
    content: {
      'text/csv': {
        schema: { type: 'string', maxLength: CSV_MAX_LENGTH },
        example:
          'period,periodStart,periodEnd,agencyCode,serviceCode,weightRule,weight,U1.answered,U1.nrr,…\r\n' +
          '2026-TW1,2026-01-01,2026-04-01,,DUKCAPIL-KK,EXACT,0.1111111111111111,4,3.25,…\r\n',
      },
    },
  })
  @ApiReportProblems(REPORT.replace('report', 'report.csv'))
  async export(
    @Query() query: SkmReportRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const request = toGetSkmReportV1(query);
    const { csv } = await this.rpc.request(ExportSkmReport, request);
    void reply
      .header('content-type', CSV_CONTENT_TYPE)
      .header(
        'content-disposition',
        `attachment; filename="skm-${request.period}-${request.at}.csv"`,
      );
    return csv;
  }

  @Get('report.html')
  @Public()
  @Header('Cache-Control', 'no-cache')
  @ApiOperation({
    operationId: 'renderSkmReport',
    summary: 'The published SKM report as a printable page',
    description:
      `${DEFINITIONS} One self-contained HTML page (no script, nothing loaded from elsewhere) ` +
      'with the figures, an SVG chart of the IKM across the trend and one of the element scores, ' +
      'the respondent profile and the follow-up plan; in Indonesian, or English with `lang=en`.',
    security: [],
  })
  @ApiProduces('text/html')
  @ApiOkResponse({
    description: 'The page',
    content: {
      'text/html': {
        schema: { type: 'string', maxLength: HTML_MAX_LENGTH },
        example: '<!DOCTYPE html>\n<html lang="id">…</html>\n',
      },
    },
  })
  @ApiReportProblems(REPORT.replace('report', 'report.html'))
  async render(
    @Query() query: SkmReportRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { html } = await this.rpc.request(RenderSkmReport, toGetSkmReportV1(query));
    // Made by the service from figures and escaped text; still, nothing on it may run.
    void reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    return html;
  }
}
