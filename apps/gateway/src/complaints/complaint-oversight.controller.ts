import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import { GetComplaintFigures, ListComplaintEscalations } from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import { Callers, type CallerRule } from '../auth/access';
import { ApiProblemResponse, ApiUpstreamProblems } from '../openapi/problem.responses';
import { securityOf } from '../openapi/security';
import {
  ComplaintFiguresRequest,
  ListComplaintEscalationsRequest,
  toGetComplaintFiguresV1,
  toListComplaintEscalationsV1,
} from './complaint-requests';
import {
  ComplaintEscalationsPageResponse,
  ComplaintFiguresResponse,
  toComplaintEscalationsPageResponse,
  toComplaintFiguresResponse,
} from './complaint-responses';

/** Mall management (any agency), an agency's admins (their own); surveys decides the scope. */
export const COMPLAINT_OVERSEERS = {
  officer: ['MALL_ADMIN', 'AGENCY_ADMIN'],
} as const satisfies CallerRule;

const ESCALATIONS = '/v1/complaint-escalations';
const FIGURES = '/v1/dashboards/complaints';

const forbidden = (instance: string, resource: string) => ({
  otherAgency: {
    summary: "Another agency's, or every agency's without being a mall admin",
    error: new DomainError('forbidden', 403, [], { resource }),
    instance,
  },
});
const anonymous = (instance: string, resource: string) => ({
  anonymous: {
    summary: 'No token',
    error: new DomainError('unauthenticated', 401, [], { resource }),
    instance,
  },
});

@ApiTags('complaints')
@Controller('v1')
export class ComplaintOversightController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('complaint-escalations')
  @Callers(COMPLAINT_OVERSEERS)
  @ApiOperation({
    operationId: 'listComplaintEscalations',
    summary: 'Complaints escalated to mall management',
    description:
      'Each missed deadline once (ADR 0034): `ROUTE` when the mall did not route a complaint ' +
      'within 3 working days, `ANSWER` when the agency did not answer within 5 (a reopened ' +
      "complaint's second round is a second escalation). The latest first, a page at a time, " +
      "each with the complaint's status now; also published as `ComplaintEscalated`. Mall " +
      "admins see every agency's (or one, `agencyCode`); an agency admin their own.",
    security: securityOf(COMPLAINT_OVERSEERS),
  })
  @ApiOkResponse({
    description: 'A page of escalations',
    type: ComplaintEscalationsPageResponse,
    examples: {
      page: {
        summary: 'One answer not given in time',
        value: {
          items: [
            {
              complaintNo: 'ADUK7M39QX2C',
              agencyCode: 'DUKCAPIL',
              stage: 'ANSWER',
              deadline: '2026-04-07T00:00:00.000+07:00',
              escalatedAt: '2026-04-07T00:00:41.204+07:00',
              status: 'ROUTED',
            },
          ],
        },
      },
    },
  })
  @ApiProblemResponse(400, 'A malformed agency code or cursor', {
    cursor: {
      summary: 'A cursor this list did not make',
      error: new DomainError('invalid_cursor', 400),
      instance: `${ESCALATIONS}?cursor=bm9wZQ`,
    },
  })
  @ApiProblemResponse(
    401,
    'No authenticated caller',
    anonymous(ESCALATIONS, 'complaint escalations'),
  )
  @ApiProblemResponse(
    403,
    'Not allowed this scope',
    forbidden(ESCALATIONS, 'complaint escalations'),
  )
  @ApiUpstreamProblems('surveys', ESCALATIONS)
  async escalations(
    @Query() query: ListComplaintEscalationsRequest,
  ): Promise<ComplaintEscalationsPageResponse> {
    return toComplaintEscalationsPageResponse(
      await this.rpc.request(ListComplaintEscalations, toListComplaintEscalationsV1(query)),
    );
  }

  @Get('dashboards/complaints')
  @Callers(COMPLAINT_OVERSEERS)
  @ApiOperation({
    operationId: 'getComplaintFigures',
    summary: 'Complaint handling per agency',
    description:
      'Over the complaints submitted from `from` up to the day before `to` (each in its ' +
      "agency's zone): received, routed before their routing deadline, first answered before " +
      "that round's deadline, escalated at least once, and the median working days from " +
      'routing to the first answer. Computed in one SQL aggregate. Mall admins: every agency or ' +
      'one; an agency admin: their own.',
    security: securityOf(COMPLAINT_OVERSEERS),
  })
  @ApiOkResponse({
    description: 'The figures, one row per agency with complaints in the range',
    type: ComplaintFiguresResponse,
    examples: {
      quarter: {
        summary: 'The first quarter of 2026',
        value: {
          from: '2026-01-01',
          to: '2026-04-01',
          agencies: [
            {
              agencyCode: 'DUKCAPIL',
              received: 4,
              routedOnTime: 2,
              answeredOnTime: 2,
              escalated: 3,
              medianAnswerWorkingDays: 4.5,
            },
          ],
        },
      },
    },
  })
  @ApiProblemResponse(400, 'A malformed date, or a range not 1 to 367 days long', {
    range: {
      summary: 'to before from',
      error: DomainError.validation([{ field: 'to', code: 'invalid_range' }]),
      instance: `${FIGURES}?from=2026-04-01&to=2026-01-01`,
    },
  })
  @ApiProblemResponse(401, 'No authenticated caller', anonymous(FIGURES, 'complaint figures'))
  @ApiProblemResponse(403, 'Not allowed this scope', forbidden(FIGURES, 'complaint figures'))
  @ApiUpstreamProblems('surveys', FIGURES)
  async figures(@Query() query: ComplaintFiguresRequest): Promise<ComplaintFiguresResponse> {
    return toComplaintFiguresResponse(
      await this.rpc.request(GetComplaintFigures, toGetComplaintFiguresV1(query)),
    );
  }
}
