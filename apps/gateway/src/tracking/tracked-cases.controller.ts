import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiExtension, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { DomainError, SUBJECT_TOKEN_PATTERN } from '@satupintu/common';
import { ListTrackedCases } from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import { Callers, OfAgency } from '../auth/access';
import { AGENCY_CODE } from '../openapi/formats';
import { securityOf } from '../openapi/security';
import { ApiProblemResponse, ApiUpstreamProblems } from '../openapi/problem.responses';
import { ApiStatusFilter, WORK_QUEUE_READERS } from '../work-queue/work-queue.controller';
import { TrackedCasesRequest, toListTrackedCasesV1 } from './tracking-views.request';
import { TrackedCasesPageResponse, toTrackedCasesPageResponse } from './tracking-views.response';
import { TRACKED_CASES_EXAMPLE } from './tracking-views.examples';

const INSTANCE = '/v1/agencies/DUKCAPIL/tracked-cases';

/**
 * One agency's cases as tracking follows them: the timeline's state, the deadline and how the
 * case stands against it now. The agency's own deployment serves its work queue; this is the
 * mall's view, answered by tracking, for the same callers.
 */
@ApiTags('tracking')
@Controller('v1/agencies')
export class TrackedCasesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get(':agencyCode/tracked-cases')
  @Callers(WORK_QUEUE_READERS)
  @OfAgency('agencyCode')
  @ApiOperation({
    operationId: 'listTrackedCases',
    summary: "An agency's cases against their deadlines",
    description:
      "One agency's cases as the mall's tracking follows them, newest first, a page at a time " +
      '(`nextCursor`): status, deadline, when each becomes at risk, whether it is at risk or ' +
      'overdue now, and how many revisions were asked. Filter by `status`, `serviceCode` and ' +
      '`risk`. For the agency’s officers, its own system (scope `agency:<CODE>:work`) and mall ' +
      'administrators; no personal data. Unlike the work queue (`GET /v1/agencies/{agencyCode}/' +
      'work-queue`, the agency’s own deployment, by deadline), tracking answers it, a moment ' +
      "behind the agency's own record.",
    security: securityOf(WORK_QUEUE_READERS),
  })
  @ApiParam({
    name: 'agencyCode',
    description: 'The agency whose cases to list',
    schema: { type: 'string', maxLength: AGENCY_CODE.maxLength, pattern: AGENCY_CODE.pattern },
    example: 'DUKCAPIL',
  })
  @ApiExtension(
    'x-missing-resource',
    'An agency with no cases, or that the mall does not have, is an empty list: tracking knows ' +
      'agencies only by the cases it followed.',
  )
  @ApiStatusFilter('Only cases in these statuses')
  @ApiOkResponse({
    description: 'A page of cases',
    type: TrackedCasesPageResponse,
    examples: { page: { summary: 'A case at risk, more to come', value: TRACKED_CASES_EXAMPLE } },
  })
  @ApiProblemResponse(400, 'A malformed agency code, filter or cursor', {
    agencyCode: {
      summary: 'An agency code in lower case',
      error: DomainError.validation([{ field: 'agencyCode', code: 'agency_code_format' }]),
      instance: '/v1/agencies/dukcapil/tracked-cases',
    },
    cursor: {
      summary: 'A cursor this list did not make',
      error: new DomainError('invalid_cursor', 400),
      instance: `${INSTANCE}?cursor=bm9wZQ`,
    },
  })
  @ApiProblemResponse(401, 'No authenticated caller', {
    anonymous: {
      summary: 'An anonymous caller',
      error: new DomainError('unauthenticated', 401, [], { resource: 'tracked cases DUKCAPIL' }),
      instance: INSTANCE,
    },
  })
  @ApiProblemResponse(403, 'The caller is not an officer or the system of this agency', {
    otherAgency: {
      summary: 'An officer of another agency',
      error: new DomainError('forbidden', 403, [], { resource: 'tracked cases DUKCAPIL' }),
      instance: INSTANCE,
    },
  })
  @ApiUpstreamProblems('tracking', INSTANCE)
  async list(
    @Param('agencyCode') agencyCode: string,
    @Query() query: TrackedCasesRequest,
  ): Promise<TrackedCasesPageResponse> {
    if (!SUBJECT_TOKEN_PATTERN.test(agencyCode)) {
      throw DomainError.validation([{ field: 'agencyCode', code: 'agency_code_format' }]);
    }
    return toTrackedCasesPageResponse(
      await this.rpc.request(ListTrackedCases, toListTrackedCasesV1(agencyCode, query)),
    );
  }
}
