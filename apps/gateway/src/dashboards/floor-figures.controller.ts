import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import { GetFloorFigures } from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import type { FastifyReply } from 'fastify';
import { Callers } from '../auth/access';
import { ApiJsonOrCsv } from '../openapi/json-or-csv.openapi';
import { ApiProblemResponse, ApiUpstreamProblems } from '../openapi/problem.responses';
import { securityOf } from '../openapi/security';
import { DASHBOARD_READERS } from './dashboards.controller';
import { FloorFiguresRequest, toGetFloorFiguresV1 } from './floor-figures.request';
import {
  FloorFiguresReportResponse,
  floorFiguresCsv,
  toFloorFiguresReportResponse,
} from './floor-figures.response';
import { CSV_CONTENT_TYPE, prefersCsv } from './performance-format';

const INSTANCE = '/v1/dashboards/queue?from=2026-03-02&to=2026-03-03&agencyCode=DUKCAPIL';

const FIGURES_EXAMPLE = {
  tickets: 8,
  called: 7,
  served: 6,
  noShows: 1,
  noShowRate: 0.14285714285714285,
  meanWaitSeconds: 612.4,
  medianWaitSeconds: 540,
  p90WaitSeconds: 1200,
  meanServiceSeconds: 431.5,
  medianServiceSeconds: 400,
  p90ServiceSeconds: 780,
};

const REPORT_EXAMPLE = {
  from: '2026-03-02',
  to: '2026-03-03',
  agencyCode: 'DUKCAPIL',
  total: FIGURES_EXAMPLE,
  agencies: [{ agencyCode: 'DUKCAPIL', ...FIGURES_EXAMPLE }],
  services: [{ agencyCode: 'DUKCAPIL', serviceCode: 'DUKCAPIL-KTP', ...FIGURES_EXAMPLE }],
  hours: [{ agencyCode: 'DUKCAPIL', hour: 9, ...FIGURES_EXAMPLE }],
};

/** A header and some 25,000 records of 15 short fields at the most. */
const CSV_MAX_LENGTH = 4 * 1024 * 1024;

@ApiTags('dashboards')
@ApiExtraModels(FloorFiguresReportResponse)
@Controller('v1/dashboards')
export class FloorFiguresController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('queue')
  @Callers(DASHBOARD_READERS)
  @ApiOperation({
    operationId: 'getQueueFigures',
    summary: 'Waiting and service times at the counters, and no-shows',
    description:
      "Over the tickets of the mall's days from `from` up to the day before `to` that were " +
      'checked in (walk-ins, and bookings once checked in), ADR 0037: how many, how many were ' +
      'called, served and not come (no-show), the no-show rate (of those finished), and the mean, ' +
      'median and 90th percentile of the wait (seconds from check-in to the first call) and of ' +
      'the service (seconds from the last call to served); for the whole scope, each agency, ' +
      "each service and each hour of the mall's clock in which tickets were checked in. " +
      'Computed in one SQL aggregate by the queue service; null where nothing was counted. ' +
      'Mall admins: every agency or one; an agency admin: their own (`agencyCode`). No personal ' +
      'data. As JSON, or as CSV with `Accept: text/csv` (a record per total, agency, service ' +
      'and hour).',
    security: securityOf(DASHBOARD_READERS),
  })
  @ApiJsonOrCsv({
    description: 'The figures',
    model: FloorFiguresReportResponse,
    examples: { day: { summary: 'One agency, one day', value: REPORT_EXAMPLE } },
    csvMaxLength: CSV_MAX_LENGTH,
    csvExample:
      'scope,agencyCode,serviceCode,hour,tickets,called,served,noShows,noShowRate,' +
      'meanWaitSeconds,medianWaitSeconds,p90WaitSeconds,meanServiceSeconds,' +
      'medianServiceSeconds,p90ServiceSeconds\r\n' +
      'total,DUKCAPIL,,,8,7,6,1,0.14285714285714285,612.4,540,1200,431.5,400,780\r\n',
  })
  @ApiProblemResponse(400, 'A malformed date or agency code, or a range not 1 to 367 days long', {
    range: {
      summary: 'to before from',
      error: DomainError.validation([{ field: 'to', code: 'invalid_range', params: { max: 367 } }]),
      instance: '/v1/dashboards/queue?from=2026-03-03&to=2026-03-02',
    },
  })
  @ApiProblemResponse(401, 'No authenticated caller', {
    anonymous: {
      summary: 'No token',
      error: new DomainError('unauthenticated', 401, [], { resource: 'queue figures' }),
      instance: INSTANCE,
    },
  })
  @ApiProblemResponse(403, "Another agency's, or every agency's without being a mall admin", {
    otherAgency: {
      summary: 'The admin of another agency',
      error: new DomainError('forbidden', 403, [], { resource: 'queue figures of DUKCAPIL' }),
      instance: INSTANCE,
    },
  })
  @ApiUpstreamProblems('queue', INSTANCE)
  async figures(
    @Query() query: FloorFiguresRequest,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FloorFiguresReportResponse | string> {
    void reply.header('vary', 'Accept');
    const request = toGetFloorFiguresV1(query);
    const report = await this.rpc.request(GetFloorFigures, request);
    if (!prefersCsv(accept)) return toFloorFiguresReportResponse(report);
    void reply
      .header('content-type', CSV_CONTENT_TYPE)
      .header(
        'content-disposition',
        `attachment; filename="queue-${request.agencyCode ?? 'mall'}-${request.from}-${request.to}.csv"`,
      );
    return floorFiguresCsv(report);
  }
}
