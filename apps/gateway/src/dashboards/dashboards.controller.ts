import { applyDecorators, Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import {
  DrawPerformanceChart,
  ExportPerformance,
  GetPerformance,
  MAX_PERFORMANCE_PERIODS,
  type GetPerformanceV1,
} from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import type { FastifyReply } from 'fastify';
import { Callers, type CallerRule } from '../auth/access';
import { ApiJsonOrCsv } from '../openapi/json-or-csv.openapi';
import { ApiProblemResponse, ApiUpstreamProblems } from '../openapi/problem.responses';
import { securityOf } from '../openapi/security';
import { CSV_CONTENT_TYPE, prefersCsv } from './performance-format';
import {
  PerformanceChartRequest,
  PerformanceRequest,
  toDrawPerformanceChartV1,
  toGetPerformanceV1,
} from './performance.request';
import { PerformanceResponse } from './performance.response';

/** Mall admins (any agency) and each agency's admin (their own); tracking decides the scope. */
export const DASHBOARD_READERS = {
  officer: ['MALL_ADMIN', 'AGENCY_ADMIN'],
} as const satisfies CallerRule;

const INSTANCE = '/v1/dashboards/performance?period=month&from=2026-01-01&to=2026-06-30';

const PERIOD_EXAMPLE = {
  period: '2026-01-01',
  submitted: 40,
  byChannel: { WEB: 12, MOBILE: 3, COUNTER: 20, KIOSK: 4, CALL_CENTER: 0, PORTAL: 1 },
  decided: 35,
  rejected: 3,
  revised: 7,
  withStandard: 35,
  withinStandard: 31,
  medianDays: 2,
  p90Days: 6.4,
  withinStandardShare: 0.8857142857142857,
  revisionRate: 0.2,
  rejectionRate: 0.08571428571428572,
  bundlesCompleted: 2,
  bundlesFailed: 0,
  bundleMedianDays: 8,
  bundleP90Days: 8,
};

const PERFORMANCE_EXAMPLE = {
  period: 'month',
  from: '2026-01-01',
  to: '2026-01-31',
  agencyCode: 'DUKCAPIL',
  asOf: '2026-02-01T02:00:00.000Z',
  now: { open: 14, atRisk: 2, overdue: 1 },
  periods: [PERIOD_EXAMPLE],
};

const CSV_EXAMPLE =
  'periodKind,period,agencyCode,serviceCode,submitted,byChannel.WEB,byChannel.MOBILE,' +
  'byChannel.COUNTER,byChannel.KIOSK,byChannel.CALL_CENTER,byChannel.PORTAL,decided,rejected,' +
  'revised,withStandard,withinStandard,medianDays,p90Days,withinStandardShare,revisionRate,' +
  'rejectionRate,bundlesCompleted,bundlesFailed,bundleMedianDays,bundleP90Days\r\n' +
  'month,2026-01-01,DUKCAPIL,,40,12,3,20,4,0,1,35,3,7,35,31,2,6.4,0.8857142857142857,0.2,' +
  '0.08571428571428572,2,0,8,8\r\n';

/** A CSV of at most a header and 366 records of some 25 short fields. */
const CSV_MAX_LENGTH = 400 * 1024;
/** A chart of at most 366 bars with their labels. */
const SVG_MAX_LENGTH = 2 * 1024 * 1024;

const CSV_DISPOSITION = {
  'Content-Disposition': {
    description: 'An attachment, named by the periods asked',
    required: true,
    schema: {
      type: 'string',
      maxLength: 80,
      example: 'attachment; filename="performance-month-2026-01-01-2026-01-31.csv"',
    },
  },
} as const;

/** The figures' definitions, said once for the three forms of them. */
const DEFINITIONS =
  'Periods are days, months, quarters or years of each case’s agency’s time zone; the answer ' +
  'covers every whole period from the one holding `from` to the one holding `to` (at most ' +
  `${MAX_PERFORMANCE_PERIODS}). Per period (ADR 0029): applications submitted, in all and per ` +
  'channel; those decided (ISSUED or REJECTED; a withdrawal is not a decision) with the median ' +
  'and 90th percentile of their working days from submission to decision, the share decided by ' +
  'their deadline (of those with one), the revision rate (decided after at least one revision, ' +
  'of those decided) and the rejection rate (rejected, of those decided); bundles completed and ' +
  'failed, and the median and 90th percentile of a completed bundle’s working days from its ' +
  'first submission to its end. Rates are fractions; null where nothing was counted. `now`: ' +
  'cases open at the moment of the answer, those at risk (past the at-risk instant, before the ' +
  'deadline) and overdue (deadline reached), the last two among running cases only (not waiting ' +
  'on the applicant). A mall admin may ask for the whole mall, an agency (`agencyCode`) or a ' +
  'service (`serviceCode`, with or without the agency); an agency admin sees their own agency ' +
  'only (the default for them), another agency is a 403. No personal data.';

const ApiPerformanceProblems = (instance: string) =>
  applyDecorators(
    ApiProblemResponse(400, 'A malformed period, date, agency code or measure', {
      period: {
        summary: 'An unknown kind of period',
        error: DomainError.validation([
          {
            field: 'period',
            code: 'must_be_one_of',
            params: { values: 'day, month, quarter, year' },
          },
        ]),
        instance: '/v1/dashboards/performance?period=week&from=2026-01-01&to=2026-01-31',
      },
      order: {
        summary: '`to` before `from`',
        error: DomainError.validation([{ field: 'to', code: 'period_order' }]),
        instance: '/v1/dashboards/performance?period=day&from=2026-03-02&to=2026-03-01',
      },
      tooMany: {
        summary: 'More periods than a dashboard answers at once',
        error: DomainError.validation([
          { field: 'to', code: 'too_many_periods', params: { max: MAX_PERFORMANCE_PERIODS } },
        ]),
        instance: '/v1/dashboards/performance?period=day&from=2025-01-01&to=2026-12-31',
      },
    }),
    ApiProblemResponse(401, 'No authenticated caller', {
      anonymous: {
        summary: 'An anonymous caller',
        error: new DomainError('unauthenticated', 401, [], { resource: 'dashboards' }),
        instance,
      },
    }),
    ApiProblemResponse(403, 'Not a mall admin, nor an admin of the agency asked for', {
      otherAgency: {
        summary: 'The admin of another agency',
        error: new DomainError('forbidden', 403, [], { resource: 'dashboards of PUPR' }),
        instance: `${instance}&agencyCode=PUPR`,
      },
    }),
    ApiUpstreamProblems('tracking', instance),
  );

@ApiTags('dashboards')
@ApiExtraModels(PerformanceResponse)
@Controller('v1/dashboards')
export class DashboardsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('performance')
  @Callers(DASHBOARD_READERS)
  @ApiOperation({
    operationId: 'getPerformance',
    summary: 'Service performance by period',
    description:
      `${DEFINITIONS} As JSON, or as CSV with \`Accept: text/csv\` (preferred over JSON by its ` +
      'weight; the same as `GET /v1/dashboards/performance.csv`).',
    security: securityOf(DASHBOARD_READERS),
  })
  @ApiJsonOrCsv({
    description: 'The figures, one entry per period',
    model: PerformanceResponse,
    examples: { month: { summary: 'One agency, one month', value: PERFORMANCE_EXAMPLE } },
    csvMaxLength: CSV_MAX_LENGTH,
    csvExample: CSV_EXAMPLE,
  })
  @ApiPerformanceProblems(INSTANCE)
  async performance(
    @Query() query: PerformanceRequest,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PerformanceResponse | string> {
    void reply.header('vary', 'Accept');
    const request = toGetPerformanceV1(query);
    if (prefersCsv(accept)) return this.csv(request, reply);
    return this.rpc.request(GetPerformance, request);
  }

  @Get('performance.csv')
  @Callers(DASHBOARD_READERS)
  @ApiOperation({
    operationId: 'exportPerformance',
    summary: 'Service performance by period, as CSV',
    description:
      `${DEFINITIONS} CSV (RFC 4180): a header, then one record per period; the columns are the ` +
      'JSON fields (`byChannel.WEB` …); an empty field is a figure with nothing counted. Text a ' +
      "spreadsheet would run as a formula is led by `'`.",
    security: securityOf(DASHBOARD_READERS),
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'The figures, one record per period',
    headers: CSV_DISPOSITION,
    content: {
      'text/csv': { schema: { type: 'string', maxLength: CSV_MAX_LENGTH }, example: CSV_EXAMPLE },
    },
  })
  @ApiPerformanceProblems(INSTANCE.replace('performance', 'performance.csv'))
  async export(
    @Query() query: PerformanceRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return this.csv(toGetPerformanceV1(query), reply);
  }

  @Get('performance/chart.svg')
  @Callers(DASHBOARD_READERS)
  @ApiOperation({
    operationId: 'drawPerformanceChart',
    summary: 'One performance measure as an SVG chart',
    description:
      `${DEFINITIONS} Draws one measure (\`measure\`) as a bar chart, one bar per period; a ` +
      'period without the figure (nothing decided: no median) keeps a grey bar at zero. Each ' +
      'bar carries its period and value in `aria-label`.',
    security: securityOf(DASHBOARD_READERS),
  })
  @ApiProduces('image/svg+xml')
  @ApiOkResponse({
    description: 'The chart',
    content: {
      'image/svg+xml': {
        schema: { type: 'string', maxLength: SVG_MAX_LENGTH },
        example:
          '<svg xmlns="http://www.w3.org/2000/svg" class="marks" width="300" height="300">…</svg>',
      },
    },
  })
  @ApiPerformanceProblems(
    '/v1/dashboards/performance/chart.svg?measure=medianDays&period=month&from=2026-01-01&to=2026-06-30',
  )
  async chart(
    @Query() query: PerformanceChartRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { svg } = await this.rpc.request(DrawPerformanceChart, toDrawPerformanceChartV1(query));
    // Drawn by the service from the figures alone; still, an SVG opened on its own runs nothing.
    void reply
      .header('content-type', 'image/svg+xml; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    return svg;
  }

  private async csv(request: GetPerformanceV1, reply: FastifyReply): Promise<string> {
    const { csv } = await this.rpc.request(ExportPerformance, request);
    void reply
      .header('content-type', CSV_CONTENT_TYPE)
      .header(
        'content-disposition',
        `attachment; filename="performance-${request.period}-${request.from}-${request.to}.csv"`,
      );
    return csv;
  }
}
