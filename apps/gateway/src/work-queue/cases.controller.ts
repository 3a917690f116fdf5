import {
  applyDecorators,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
} from '@nestjs/common';
import {
  ApiBody,
  ApiNoContentResponse,
  ApiExtension,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { DomainError, SUBJECT_TOKEN_PATTERN } from '@satupintu/common';
import { CheckCaseHistory, ClaimCase, ReleaseCase, TransitionCase } from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import { ApiBodyProblems } from '../accounts/accounts.openapi';
import {
  ApiTrackingNoParam,
  mistypedTrackingNoExample,
  trackingNoFromPath,
} from '../applications/tracking-number.param';
import { Callers, type CallerRule, OfAgency } from '../auth/access';
import { AGENCY_CODE } from '../openapi/formats';
import { ApiProblemResponse, ApiUpstreamProblems } from '../openapi/problem.responses';
import { securityOf } from '../openapi/security';
import { CaseTransitionRequest, toTransitionCaseV1 } from './case-transition.request';
import {
  CaseClaimResponse,
  CaseResponse,
  toCaseClaimResponse,
  toCaseResponse,
} from './case.response';
import { CaseHistoryCheckResponse, toCaseHistoryCheckResponse } from './history-check.response';

const INSTANCE = '/v1/agencies/DUKCAPIL/cases/K7M39QX2C/transitions';

/** The agency's verifiers and approvers, and its own system; the agency decides each action. */
export const CASE_MOVERS = {
  officer: ['VERIFIER', 'APPROVER'],
  client: true,
} as const satisfies CallerRule;

/** An audit of the agency: its admin, or a mall admin; the agency decides again. */
export const HISTORY_CHECKERS = {
  officer: ['AGENCY_ADMIN', 'MALL_ADMIN'],
} as const satisfies CallerRule;

const CHECK_INSTANCE = '/v1/agencies/DUKCAPIL/history-check';
const CLAIM_INSTANCE = '/v1/agencies/DUKCAPIL/cases/K7M39QX2C/claim';

export const ApiAgencyCodeParam = () =>
  ApiParam({
    name: 'agencyCode',
    description: 'The agency that keeps the cases',
    schema: { type: 'string', maxLength: AGENCY_CODE.maxLength, pattern: AGENCY_CODE.pattern },
    example: 'DUKCAPIL',
  });

/** The agency and one of its cases, as every operation on a case names them. */
export const ApiCaseParams = () =>
  applyDecorators(
    ApiAgencyCodeParam(),
    ApiTrackingNoParam('The case’s tracking number, canonical or as a person types it', {
      canonical: 'K7M39QX2C',
      typed: 'k7m3-9qx2-c',
    }),
    ApiExtension(
      'x-missing-resource',
      'A tracking number the agency has no case for is a 404; an agency nobody runs is answered 503 naming it.',
    ),
  );

export function agencyCodeOf(raw: string): string {
  if (!SUBJECT_TOKEN_PATTERN.test(raw))
    throw DomainError.validation([{ field: 'agencyCode', code: 'agency_code_format' }]);
  return raw;
}

const CASE_EXAMPLE = {
  agencyCode: 'DUKCAPIL',
  applicationId: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
  trackingNo: 'K7M39QX2C',
  serviceCode: 'DUKCAPIL-AKTA-LAHIR',
  status: 'NEEDS_REVISION',
  sequence: 2,
  deadline: '2026-11-25T00:00:00.000+07:00',
  paused: true,
  changedAt: '2026-11-23T10:00:00.000+07:00',
};

@ApiTags('agencies')
@Controller('v1/agencies')
export class CasesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post(':agencyCode/cases/:trackingNo/transitions')
  @Callers(CASE_MOVERS)
  @OfAgency('agencyCode')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'transitionCase',
    summary: 'Move a case along the workflow',
    description:
      "An officer of the agency, or the agency's own system (scope `agency:<CODE>:work`, acting " +
      'as verifier and approver), acts on one of its cases (ADR 0019). The request goes to that ' +
      "agency's deployment, which decides in this order: who may (403: a verifier cannot " +
      'approve, reject or issue; an approver cannot verify), whether the case allows the action ' +
      'now (409 `illegal_transition` naming its current status), and what must come with it ' +
      '(422: a reason to reject or to ask for a revision; the requirement keys to correct). ' +
      "Completing verification also runs the agency's own rules (ADR 0019: Dukcapil serves a " +
      "registered NIK; DPMPTSP's business services need a business with a valid NIB holding " +
      'each KBLI the form names in a field of type `kbli`): a rule not met is a 422 ' +
      '`agency_rules_unmet` naming the rule and, per requirement at fault (`applicant`, ' +
      '`business`, a form field), what is wrong, and nothing changes. Where a rule needs the ' +
      "form, the agency asks intake for the case's file as the caller, before it locks the case: " +
      'while intake is away the answer is 503 naming intake, with `Retry-After`, and nothing ' +
      'changes. `RENEW_PAYMENT` gives a case ' +
      'whose payment code expired unpaid a new code, for the same amount, with a new expiry ' +
      '(ADR 0022): a step recorded in the history that keeps the case `AWAITING_PAYMENT`, on ' +
      'the timeline with the new code; the old code stays refused as expired; a code still ' +
      'valid is not replaced (409 `payment_not_expired`). ' +
      'Allowed, the transition is recorded as the next record of the case’s hash-chained ' +
      'history with the caller, the role it was allowed by, the reason and the time; the ' +
      "deadline of the service's time limit is computed again (it pauses while the case waits " +
      'on the applicant); and the change goes on the timeline, all in one transaction. ' +
      'No `Idempotency-Key` is needed: a transition creates nothing, and repeating one that ' +
      'was made is answered 409 `illegal_transition`, since the case has moved on.',
    security: securityOf(CASE_MOVERS),
  })
  @ApiCaseParams()
  @ApiBody({
    type: CaseTransitionRequest,
    examples: {
      revision: {
        summary: 'Send it back for a clearer family card scan',
        value: {
          action: 'REQUEST_REVISION',
          reason: 'The family card scan is unreadable; upload a clearer one.',
          requirements: ['KK'],
        },
      },
      verified: { summary: 'Verification complete', value: { action: 'COMPLETE_VERIFICATION' } },
      rejected: {
        summary: 'Reject, saying why',
        value: { action: 'REJECT', reason: 'The child was born in another regency.' },
      },
      renewed: {
        summary: 'A new payment code for one that expired unpaid',
        value: { action: 'RENEW_PAYMENT', reason: 'The applicant asked at the counter.' },
      },
    },
  })
  @ApiOkResponse({
    description: 'Recorded: the case as it is now',
    type: CaseResponse,
    examples: {
      revision: { summary: 'Sent back: the clock paused', value: CASE_EXAMPLE },
      approved: {
        summary: 'Approved',
        value: {
          ...CASE_EXAMPLE,
          status: 'APPROVED',
          sequence: 6,
          paused: false,
          changedAt: '2026-11-24T14:05:00.000+07:00',
        },
      },
    },
  })
  @ApiBodyProblems(
    INSTANCE,
    DomainError.validation([
      { field: 'action', code: 'must_be_one_of', params: { values: 'START_VERIFICATION, …' } },
    ]),
    'An action that does not exist',
    {
      ...mistypedTrackingNoExample('/v1/agencies/DUKCAPIL/cases/K7M39QX2D/transitions'),
      agencyCode: {
        summary: 'An agency code in lower case',
        error: DomainError.validation([{ field: 'agencyCode', code: 'agency_code_format' }]),
        instance: '/v1/agencies/dukcapil/cases/K7M39QX2C/transitions',
      },
    },
  )
  @ApiProblemResponse(401, 'No authenticated caller', {
    anonymous: {
      summary: 'An anonymous caller',
      error: new DomainError('unauthenticated', 401, [], { resource: 'cases of DUKCAPIL' }),
      instance: INSTANCE,
    },
  })
  @ApiProblemResponse(
    403,
    'The caller may not do this action on this agency’s cases: another agency, or the wrong role',
    {
      wrongRole: {
        summary: 'A verifier approving',
        error: new DomainError('forbidden', 403, [], { resource: 'APPROVE on cases of DUKCAPIL' }),
        instance: INSTANCE,
      },
      otherAgency: {
        summary: 'An officer of another agency',
        error: new DomainError('forbidden', 403, [], { resource: 'cases of DUKCAPIL' }),
        instance: INSTANCE,
      },
    },
  )
  @ApiProblemResponse(404, 'The agency has no case with this tracking number', {
    notFound: {
      summary: 'No such case here',
      error: new DomainError('application_not_found', 404, [], { trackingNo: 'K7M39QX2C' }),
      instance: INSTANCE,
    },
  })
  @ApiProblemResponse(
    409,
    'The case’s current status does not allow the action (it is named), or a renewal of a payment code still valid',
    {
      illegal: {
        summary: 'Approving a case still being verified',
        error: new DomainError('illegal_transition', 409, [], {
          status: 'VERIFYING',
          action: 'APPROVE',
        }),
        instance: INSTANCE,
      },
      notExpired: {
        summary: 'A new payment code while the current one is valid',
        error: new DomainError('payment_not_expired', 409, [], {
          paymentCode: '880800123456789012',
          expiresAt: '2026-11-26T10:00:00.000+07:00',
        }),
        instance: INSTANCE,
      },
    },
  )
  @ApiProblemResponse(
    422,
    "Well formed, but incomplete: no reason where one is required, requirement keys the service does not have, or requirements with another action; or the agency's own rules not met as verification completes",
    {
      noReason: {
        summary: 'A rejection without a reason',
        error: DomainError.validation([{ field: 'reason', code: 'required' }], 422),
        instance: INSTANCE,
      },
      requirements: {
        summary: 'A revision request naming an unknown requirement',
        error: DomainError.validation(
          [
            {
              field: 'requirements.0',
              code: 'unknown_requirement',
              params: { requirement: 'KTP' },
            },
          ],
          422,
        ),
        instance: INSTANCE,
      },
      agencyRules: {
        summary: 'Dukcapil: the applicant’s NIK is not registered to an account',
        error: new DomainError(
          'agency_rules_unmet',
          422,
          [{ field: 'applicant', code: 'nik_not_registered' }],
          { rules: 'dukcapil.registered-applicant' },
        ),
        instance: INSTANCE,
      },
      kbli: {
        summary: 'DPMPTSP: the form names a KBLI the business does not hold',
        error: new DomainError(
          'agency_rules_unmet',
          422,
          [{ field: 'kbli', code: 'kbli_not_held', params: { kbli: '10710' } }],
          { rules: 'dpmptsp.business-nib-and-kbli' },
        ),
        instance: '/v1/agencies/DPMPTSP/cases/K7M39QX2C/transitions',
      },
    },
  )
  @ApiUpstreamProblems('DUKCAPIL', INSTANCE)
  async transition(
    @Param('agencyCode') agencyCode: string,
    @Param('trackingNo') raw: string,
    @Body() body: CaseTransitionRequest,
  ): Promise<CaseResponse> {
    const to = agencyCodeOf(agencyCode);
    const request = toTransitionCaseV1(trackingNoFromPath(raw), body);
    return toCaseResponse(await this.rpc.request(TransitionCase, request, { to }));
  }

  @Get(':agencyCode/history-check')
  @Callers(HISTORY_CHECKERS)
  @OfAgency('agencyCode')
  @ApiOperation({
    operationId: 'checkCaseHistory',
    summary: "Check every case's history of an agency",
    description:
      'Reads every case of the agency with its history and checks each chain (ADR 0019): a ' +
      'record edited, deleted, repeated or moved breaks it where it happened; a case with fewer ' +
      'records than it counts has lost its last ones. Answers the counts and the broken cases. ' +
      "For the agency's admin and mall admins. It reads the whole history: run it as an audit, " +
      'not on every page view. The same check runs from the command line: ' +
      '`npm run check:history -- --agency DUKCAPIL`.',
    security: securityOf(HISTORY_CHECKERS),
  })
  @ApiAgencyCodeParam()
  @ApiExtension(
    'x-missing-resource',
    'An agency nobody runs is answered 503 naming it: no deployment of it answers the request.',
  )
  @ApiOkResponse({
    description: 'Checked',
    type: CaseHistoryCheckResponse,
    examples: {
      intact: {
        summary: 'Every history holds',
        value: {
          agencyCode: 'DUKCAPIL',
          checkedAt: '2026-12-03T01:00:00.000Z',
          cases: 1523,
          records: 6120,
          intact: 1523,
          broken: [],
        },
      },
      edited: {
        summary: 'One record edited in the database',
        value: {
          agencyCode: 'DUKCAPIL',
          checkedAt: '2026-12-03T01:00:00.000Z',
          cases: 1523,
          records: 6120,
          intact: 1522,
          broken: [
            {
              applicationId: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
              trackingNo: 'K7M39QX2C',
              problem: 'hash_mismatch',
              sequence: 2,
              expectedSequence: 2,
            },
          ],
        },
      },
    },
  })
  @ApiProblemResponse(400, 'A malformed agency code', {
    agencyCode: {
      summary: 'An agency code in lower case',
      error: DomainError.validation([{ field: 'agencyCode', code: 'agency_code_format' }]),
      instance: '/v1/agencies/dukcapil/history-check',
    },
  })
  @ApiProblemResponse(401, 'No authenticated caller', {
    anonymous: {
      summary: 'An anonymous caller',
      error: new DomainError('unauthenticated', 401, [], { resource: 'case history of DUKCAPIL' }),
      instance: CHECK_INSTANCE,
    },
  })
  @ApiProblemResponse(403, 'The caller is not an admin of this agency, nor a mall admin', {
    verifier: {
      summary: 'A verifier of the agency',
      error: new DomainError('forbidden', 403, [], { resource: 'case history of DUKCAPIL' }),
      instance: CHECK_INSTANCE,
    },
  })
  @ApiUpstreamProblems('DUKCAPIL', CHECK_INSTANCE)
  async checkHistory(@Param('agencyCode') agencyCode: string): Promise<CaseHistoryCheckResponse> {
    const to = agencyCodeOf(agencyCode);
    return toCaseHistoryCheckResponse(await this.rpc.request(CheckCaseHistory, {}, { to }));
  }

  @Post(':agencyCode/cases/:trackingNo/claim')
  @Callers(CASE_MOVERS)
  @OfAgency('agencyCode')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'claimCase',
    summary: 'Claim a case from the work queue',
    description:
      'A verifier or approver of the agency (or its own system) takes a case, so that two do ' +
      'not work on it at once; the work queue shows who holds it. A case another holds is a 409 ' +
      'naming them and until when. A claim left alone lapses after the agency’s ' +
      '`CASE_CLAIM_MINUTES` (30 by default), and anyone may claim the case then; claiming one’s ' +
      'own case again extends it. Claims do not restrict transitions. No body, and no ' +
      '`Idempotency-Key` needed: repeating a claim only extends it.',
    security: securityOf(CASE_MOVERS),
  })
  @ApiCaseParams()
  @ApiOkResponse({
    description: 'Claimed (or extended)',
    type: CaseClaimResponse,
    examples: {
      claimed: {
        summary: 'Claimed for 30 minutes',
        value: {
          agencyCode: 'DUKCAPIL',
          applicationId: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
          trackingNo: 'K7M39QX2C',
          claimedBy: '0b7e7c52-3f7a-4c1e-9d55-2f1f6a0c9e11',
          claimedUntil: '2026-11-23T10:30:00.000+07:00',
        },
      },
    },
  })
  @ApiClaimProblems(CLAIM_INSTANCE)
  async claim(
    @Param('agencyCode') agencyCode: string,
    @Param('trackingNo') raw: string,
  ): Promise<CaseClaimResponse> {
    const to = agencyCodeOf(agencyCode);
    const request = { trackingNo: trackingNoFromPath(raw) };
    return toCaseClaimResponse(await this.rpc.request(ClaimCase, request, { to }));
  }

  @Delete(':agencyCode/cases/:trackingNo/claim')
  @Callers(CASE_MOVERS)
  @OfAgency('agencyCode')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'releaseCase',
    summary: 'Let a claimed case go',
    description:
      'Its holder lets the case go back to the queue. A case another holds is a 409 naming ' +
      'them; a case nobody holds (or whose claim lapsed) is let go already: 204.',
    security: securityOf(CASE_MOVERS),
  })
  @ApiCaseParams()
  @ApiNoContentResponse({ description: 'Let go: nobody holds the case' })
  @ApiClaimProblems(CLAIM_INSTANCE)
  async release(
    @Param('agencyCode') agencyCode: string,
    @Param('trackingNo') raw: string,
  ): Promise<void> {
    const to = agencyCodeOf(agencyCode);
    await this.rpc.request(ReleaseCase, { trackingNo: trackingNoFromPath(raw) }, { to });
  }
}

/** The problems of claiming and letting go, which answer alike. */
function ApiClaimProblems(instance: string) {
  return applyDecorators(
    ApiProblemResponse(400, 'A malformed agency code or a mistyped tracking number', {
      ...mistypedTrackingNoExample('/v1/agencies/DUKCAPIL/cases/K7M39QX2D/claim'),
      agencyCode: {
        summary: 'An agency code in lower case',
        error: DomainError.validation([{ field: 'agencyCode', code: 'agency_code_format' }]),
        instance: '/v1/agencies/dukcapil/cases/K7M39QX2C/claim',
      },
    }),
    ApiProblemResponse(401, 'No authenticated caller', {
      anonymous: {
        summary: 'An anonymous caller',
        error: new DomainError('unauthenticated', 401, [], { resource: 'cases of DUKCAPIL' }),
        instance,
      },
    }),
    ApiProblemResponse(403, 'The caller does not move this agency’s cases', {
      frontDesk: {
        summary: 'A front-desk officer',
        error: new DomainError('forbidden', 403, [], { resource: 'cases of DUKCAPIL' }),
        instance,
      },
    }),
    ApiProblemResponse(404, 'The agency has no case with this tracking number', {
      notFound: {
        summary: 'No such case here',
        error: new DomainError('application_not_found', 404, [], { trackingNo: 'K7M39QX2C' }),
        instance,
      },
    }),
    ApiProblemResponse(409, 'Another officer holds the case (named, with until when)', {
      claimed: {
        summary: 'Claimed by another verifier',
        error: new DomainError('case_claimed', 409, [], {
          trackingNo: 'K7M39QX2C',
          holder: '0b7e7c52-3f7a-4c1e-9d55-2f1f6a0c9e11',
          until: '2026-11-23T10:30:00.000+07:00',
        }),
        instance,
      },
    }),
    ApiUpstreamProblems('DUKCAPIL', instance),
  );
}
