import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiExtension, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { DomainError, SUBJECT_TOKEN_PATTERN } from '@satupintu/common';
import { ListDeadlineAlerts } from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import { Callers, type CallerRule, OfAgency } from '../auth/access';
import { AGENCY_CODE } from '../openapi/formats';
import { ApiProblemResponse, ApiUpstreamProblems } from '../openapi/problem.responses';
import { securityOf } from '../openapi/security';
import { DeadlineAlertsRequest, toListDeadlineAlertsV1 } from './deadline-alerts.request';
import {
  DeadlineAlertsPageResponse,
  toDeadlineAlertsPageResponse,
} from './deadline-alerts.response';

/** The agency's admins, and mall administrators of any agency; tracking decides too. */
export const AGENCY_ALERT_READERS = {
  officer: ['AGENCY_ADMIN', 'MALL_ADMIN'],
} as const satisfies CallerRule;
export const MALL_ALERT_READERS = { officer: ['MALL_ADMIN'] } as const satisfies CallerRule;

const AGENCY_INSTANCE = '/v1/agencies/DUKCAPIL/deadline-alerts';
const MALL_INSTANCE = '/v1/deadline-alerts';

const PAGE_EXAMPLE = {
  items: [
    {
      trackingNo: 'K7M39QX2C',
      serviceCode: 'DUKCAPIL-KK',
      agencyCode: 'DUKCAPIL',
      kind: 'OVERDUE',
      deadline: '2026-11-25T00:00:00.000+07:00',
      raisedAt: '2026-11-25T00:00:00.412+07:00',
      status: 'IN_REVIEW',
    },
  ],
  nextCursor: 'WyIyMDI2LTExLTI0VDE3OjAwOjAwLjQxMloiLCI2ZjFjIiwiT1ZFUkRVRSJd',
};

const DESCRIPTION =
  'Tracking raises an alert once per case and kind (ADR 0027): `AT_RISK` when the case has used ' +
  'the configured share of its working days (the deadline counted in working days of the ' +
  "agency's calendar, paused while the case waits on the applicant), `OVERDUE` when its " +
  'deadline passed while it was still being worked on. A case that waits on the applicant is ' +
  'not alerted while it waits. The latest first, a page at a time (`nextCursor`); each with ' +
  "the case's status now. No personal data.";

const badCursor = (instance: string) => ({
  summary: 'A cursor this list did not make',
  error: new DomainError('invalid_cursor', 400),
  instance: `${instance}?cursor=bm9wZQ`,
});
const badKind = (instance: string) => ({
  summary: 'An unknown kind',
  error: DomainError.validation([{ field: 'kind', code: 'must_be_one_of' }]),
  instance: `${instance}?kind=LATE`,
});

@ApiTags('agencies')
@Controller('v1')
export class DeadlineAlertsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('agencies/:agencyCode/deadline-alerts')
  @Callers(AGENCY_ALERT_READERS)
  @OfAgency('agencyCode')
  @ApiOperation({
    operationId: 'listAgencyDeadlineAlerts',
    summary: "An agency's cases at risk or overdue",
    description: `${DESCRIPTION} For the agency's admins and mall administrators; the gateway refuses an officer of another agency early (403).`,
    security: securityOf(AGENCY_ALERT_READERS),
  })
  @ApiParam({
    name: 'agencyCode',
    description: 'The agency whose alerts to list',
    schema: { type: 'string', maxLength: AGENCY_CODE.maxLength, pattern: AGENCY_CODE.pattern },
    example: 'DUKCAPIL',
  })
  @ApiExtension(
    'x-missing-resource',
    'An agency none of whose cases was alerted, known or not, is answered an empty page: tracking knows agencies only by their cases.',
  )
  @ApiOkResponse({
    description: 'A page of alerts',
    type: DeadlineAlertsPageResponse,
    examples: { page: { summary: 'One overdue case, more to come', value: PAGE_EXAMPLE } },
  })
  @ApiProblemResponse(400, 'A malformed agency code, kind, filter or cursor', {
    agencyCode: {
      summary: 'An agency code in lower case',
      error: DomainError.validation([{ field: 'agencyCode', code: 'agency_code_format' }]),
      instance: '/v1/agencies/dukcapil/deadline-alerts',
    },
    kind: badKind(AGENCY_INSTANCE),
    cursor: badCursor(AGENCY_INSTANCE),
  })
  @ApiProblemResponse(401, 'No authenticated caller', {
    anonymous: {
      summary: 'An anonymous caller',
      error: new DomainError('unauthenticated', 401, [], { resource: 'deadline alerts' }),
      instance: AGENCY_INSTANCE,
    },
  })
  @ApiProblemResponse(403, "The caller is not this agency's admin nor a mall administrator", {
    otherAgency: {
      summary: 'An admin of another agency',
      error: new DomainError('forbidden', 403, [], { resource: 'deadline alerts of DUKCAPIL' }),
      instance: AGENCY_INSTANCE,
    },
  })
  @ApiUpstreamProblems('tracking', AGENCY_INSTANCE)
  async ofAgency(
    @Param('agencyCode') agencyCode: string,
    @Query() query: DeadlineAlertsRequest,
  ): Promise<DeadlineAlertsPageResponse> {
    if (!SUBJECT_TOKEN_PATTERN.test(agencyCode)) {
      throw DomainError.validation([{ field: 'agencyCode', code: 'agency_code_format' }]);
    }
    const page = await this.rpc.request(
      ListDeadlineAlerts,
      toListDeadlineAlertsV1(query, agencyCode),
    );
    return toDeadlineAlertsPageResponse(page);
  }

  @Get('deadline-alerts')
  @Callers(MALL_ALERT_READERS)
  @ApiOperation({
    operationId: 'listDeadlineAlerts',
    summary: "Every agency's cases at risk or overdue",
    description: `${DESCRIPTION} Across all agencies, for mall administrators.`,
    security: securityOf(MALL_ALERT_READERS),
  })
  @ApiOkResponse({
    description: 'A page of alerts',
    type: DeadlineAlertsPageResponse,
    examples: { page: { summary: 'One overdue case, more to come', value: PAGE_EXAMPLE } },
  })
  @ApiProblemResponse(400, 'A malformed kind, filter or cursor', {
    kind: badKind(MALL_INSTANCE),
    cursor: badCursor(MALL_INSTANCE),
  })
  @ApiProblemResponse(401, 'No authenticated caller', {
    anonymous: {
      summary: 'An anonymous caller',
      error: new DomainError('unauthenticated', 401, [], { resource: 'deadline alerts' }),
      instance: MALL_INSTANCE,
    },
  })
  @ApiProblemResponse(403, 'The caller is not a mall administrator', {
    agencyAdmin: {
      summary: "An agency's admin",
      error: new DomainError('forbidden', 403, [], { resource: 'deadline alerts' }),
      instance: MALL_INSTANCE,
    },
  })
  @ApiUpstreamProblems('tracking', MALL_INSTANCE)
  async ofMall(@Query() query: DeadlineAlertsRequest): Promise<DeadlineAlertsPageResponse> {
    const page = await this.rpc.request(ListDeadlineAlerts, toListDeadlineAlertsV1(query));
    return toDeadlineAlertsPageResponse(page);
  }
}
