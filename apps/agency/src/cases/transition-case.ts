import { DomainError, RETRY_AFTER_SECONDS } from '@satupintu/common';
import type {
  ApplicationStatusChangedV1,
  CaseV1,
  FormDataV2,
  PaymentDueV1,
  Principal,
  Status,
  TransitionCaseV1,
} from '@satupintu/contracts';
import {
  type CaseRecord,
  type TransitionRefusal,
  type WorkflowAction,
  type WorkflowCaller,
  type WorkingDayCalendar,
  decideTransition,
  isWaitingOnApplicant,
} from '@satupintu/domain';
import {
  type CaseFacts,
  type ServiceFacts,
  agencyFindings,
  factsNeeded,
} from '../rules/agency-rules';
import { workQueueAccess } from '../work-queue/work-queue-access';
import { type ServiceTerms, recordOf, statusChangeOf } from './case-records';

/** A case as a transition needs it, locked for the transaction. */
export interface LockedCase {
  applicationId: string;
  trackingNo: string;
  serviceCode: string;
  status: Status;
  timeZone: string;
}

export interface MoveCasePorts {
  /** The case's records, in sequence order. */
  history(applicationId: string): Promise<CaseRecord[]>;
  /** The service's terms from this agency's standard; undefined when it has none. */
  terms(serviceCode: string): Promise<ServiceTerms | undefined>;
  calendar(): WorkingDayCalendar;
  now(): Date;
  /**
   * Issues the case's output in the same transaction (ADR 0021), once per application: its
   * number, the existing one when the application has one already.
   */
  issueOutput(locked: LockedCase, record: CaseRecord, issuedBy: string): Promise<string>;
  /**
   * Appends the record, moves the case and publishes the change: one transaction with the lock.
   * An ISSUED change is published once its output's PDF is delivered (ADR 0021).
   */
  moveCase(record: CaseRecord, change: ApplicationStatusChangedV1): Promise<void>;
  /**
   * Entering AWAITING_PAYMENT: the fee due recorded in the same transaction (ADR 0022), given
   * the amount the officer assessed if any. Only the officers' transitions can get there.
   */
  paymentDue?(locked: LockedCase, amount: number | undefined, at: Date): Promise<PaymentDueV1>;
  /** RENEW_PAYMENT: a new code for the expired one, in the same transaction (ADR 0022). */
  renewPayment?(locked: LockedCase, at: Date): Promise<PaymentDueV1>;
  /**
   * Whom the case is for, as the agency holds it, for the agency's own rules: asked when a case
   * completes verification, which only the officers' and clients' transitions do.
   */
  parties?(applicationId: string): Promise<Pick<CaseFacts, 'applicant' | 'business'>>;
}

/**
 * What the agency asked intake for before it locked the case (no request while holding the
 * lock), for its own rules: the case's form, when a rule for the service needs it.
 */
export interface FetchedFacts {
  applicationId: string;
  form?: FormDataV2;
}

export type Moved = { ok: true; record: CaseRecord; change: ApplicationStatusChangedV1 };

/** The agency's own rules refuse the case leaving verification (ADR 0019): nothing moves. */
export interface RulesRefusal {
  ok: false;
  code: 'agency_rules_unmet';
  status: 422;
  params: { rules: string };
  errors: { field: string; code: string; params?: Record<string, string> }[];
}

/**
 * Decides one action on a locked case and, if allowed, records it: the next record of the
 * chain with the deadline after it, the case moved, the change published. A refusal changes
 * nothing and is answered as the workflow gave it.
 */
export async function moveCase(
  agencyCode: string,
  locked: LockedCase,
  action: WorkflowAction,
  caller: WorkflowCaller & { clientId?: string },
  given: { reason?: string; requirements?: readonly string[]; amount?: number },
  ports: MoveCasePorts,
  fetched?: FetchedFacts,
): Promise<Moved | TransitionRefusal | RulesRefusal> {
  const terms = await ports.terms(locked.serviceCode);
  const decision = decide(agencyCode, locked, action, caller, given, terms);
  if (!decision.ok) return decision;
  if (action === 'COMPLETE_VERIFICATION') {
    const refusal = await agencyRulesRefusal(agencyCode, locked, terms, ports, fetched);
    if (refusal) return refusal;
  }
  const history = await ports.history(locked.applicationId);
  const record = recordOf(locked.applicationId, history, decision.draft, {
    timeZone: locked.timeZone,
    calendar: ports.calendar(),
    now: ports.now(),
    ...(terms ? { timeLimit: terms.timeLimit } : {}),
  });
  const payment = await paymentOnEntry(locked, record, given.amount, ports);
  const change = { ...statusChangeOf(record, { ...locked, agencyCode }), ...payment };
  if (record.to === 'ISSUED') {
    // An officer by their subject, an agency's system by its client id (ADR 0021).
    const system = caller.kind === 'client' || caller.kind === 'system';
    const issuedBy = (system ? caller.clientId : undefined) ?? caller.subject ?? caller.kind;
    change.output = { number: await ports.issueOutput(locked, record, issuedBy) };
  }
  await ports.moveCase(record, change);
  return { ok: true, record, change };
}

function decide(
  agencyCode: string,
  current: Pick<LockedCase, 'status'>,
  action: WorkflowAction,
  caller: WorkflowCaller,
  given: { reason?: string; requirements?: readonly string[]; amount?: number },
  terms: ServiceTerms | undefined,
) {
  return decideTransition(current.status, action, caller, {
    agencyCode,
    ...given,
    // Without a standard the agency cannot name requirements nor say that a fee applies.
    serviceRequirements: terms?.requirements ?? [],
    feeApplies: terms?.feeApplies ?? false,
  });
}

function serviceFactsOf(serviceCode: string, terms: ServiceTerms | undefined): ServiceFacts {
  return {
    serviceCode,
    serviceCategories: terms?.categories ?? [],
    kbliFields: terms?.kbliFields ?? [],
    serviceRequiresNib: terms?.requiresNib ?? false,
  };
}

/**
 * The agency's own rules (`AGENCY_RULES`) on the facts it holds and those it fetched: a case
 * leaves verification only once they are met. Each finding names its requirement, so the verifier
 * can ask for exactly that (REQUEST_REVISION); what is named is a field or a party, never the
 * applicant's data.
 */
async function agencyRulesRefusal(
  agencyCode: string,
  locked: LockedCase,
  terms: ServiceTerms | undefined,
  ports: MoveCasePorts,
  fetched: FetchedFacts | undefined,
): Promise<RulesRefusal | undefined> {
  if (!ports.parties) throw new Error('a case completing verification needs the parties port');
  const service = serviceFactsOf(locked.serviceCode, terms);
  const form = fetched?.applicationId === locked.applicationId ? fetched.form : undefined;
  // Only when the service's standard changed between the fetch and the lock, so that a rule
  // needs the form now: a rule must never pass for lack of it, and a retry fetches it.
  if (factsNeeded(agencyCode, service).has('form') && !form)
    throw new DomainError('service_unavailable', 503, [], {
      service: 'intake',
      retryAfterSeconds: RETRY_AFTER_SECONDS,
    });
  const findings = agencyFindings(agencyCode, {
    ...service,
    ...(await ports.parties(locked.applicationId)),
    ...(form ? { form } : {}),
  });
  if (findings.length === 0) return undefined;
  return {
    ok: false,
    code: 'agency_rules_unmet',
    status: 422,
    params: { rules: [...new Set(findings.map((finding) => finding.rule))].join(', ') },
    errors: findings.map(({ requirement, code, params }) => ({
      field: requirement,
      code,
      ...(params ? { params } : {}),
    })),
  };
}

async function paymentOnEntry(
  locked: LockedCase,
  record: CaseRecord,
  amount: number | undefined,
  ports: MoveCasePorts,
): Promise<{ payment?: PaymentDueV1 }> {
  if (record.to !== 'AWAITING_PAYMENT') {
    if (amount !== undefined)
      throw DomainError.validation([{ field: 'amount', code: 'amount_not_assessed' }], 422);
    return {};
  }
  if (record.action === 'RENEW_PAYMENT') {
    // The amount stands as it was asked for; a renewal assesses nothing.
    if (amount !== undefined)
      throw DomainError.validation([{ field: 'amount', code: 'amount_not_assessed' }], 422);
    if (!ports.renewPayment) throw new Error('renewing a payment code needs the payments port');
    return { payment: await ports.renewPayment(locked, new Date(record.at)) };
  }
  if (!ports.paymentDue)
    throw new Error('a case entering AWAITING_PAYMENT needs the payments port');
  return { payment: await ports.paymentDue(locked, amount, new Date(record.at)) };
}

export interface TransitionCasePorts extends MoveCasePorts {
  /** The case named, locked until the transaction ends; undefined when the agency has none. */
  lockCase(by: { trackingNo?: string; applicationId?: string }): Promise<LockedCase | undefined>;
}

export interface FetchFactsPorts {
  /** The case named, as it stands, not locked; undefined when the agency has none. */
  findCase(by: { trackingNo?: string; applicationId?: string }): Promise<LockedCase | undefined>;
  terms(serviceCode: string): Promise<ServiceTerms | undefined>;
  /**
   * The case's form from intake's file of the application, asked for on behalf of the caller
   * (intake decides whether they may read it); undefined when intake knows no such application.
   */
  caseForm(trackingNo: string): Promise<FormDataV2 | undefined>;
}

/**
 * Before the case is locked: what the agency's rules for this transition need from intake, asked
 * for now so no request is made while the case's row is locked. Nothing is asked for unless the
 * action completes verification, the caller may take it on the case as it stands (a refusal is
 * left to the transaction, which decides it again on the locked case), and a rule of the agency
 * needs the form for the case's service. Intake away is its 503; intake not knowing an
 * application the agency has a case of is an inconsistency between the services, not the
 * caller's doing: an error (500), logged for the operators, which a retry would not mend.
 */
export async function fetchFacts(
  agencyCode: string,
  principal: Principal,
  request: TransitionCaseV1,
  ports: FetchFactsPorts,
): Promise<FetchedFacts | undefined> {
  if (request.action !== 'COMPLETE_VERIFICATION') return undefined;
  if (workQueueAccess(principal, agencyCode) !== 'allowed') return undefined;
  const found = await ports.findCase(caseNamed(request));
  if (!found) return undefined;
  const terms = await ports.terms(found.serviceCode);
  if (!decide(agencyCode, found, request.action, principal, givenOf(request), terms).ok)
    return undefined;
  if (!factsNeeded(agencyCode, serviceFactsOf(found.serviceCode, terms)).has('form'))
    return undefined;
  const form = await ports.caseForm(found.trackingNo);
  if (!form)
    throw new Error(
      `intake knows no application ${found.trackingNo}, of which agency ${agencyCode} has a case`,
    );
  return { applicationId: found.applicationId, form };
}

function caseNamed(request: TransitionCaseV1): { trackingNo?: string; applicationId?: string } {
  return {
    ...(request.trackingNo ? { trackingNo: request.trackingNo } : {}),
    ...(request.applicationId ? { applicationId: request.applicationId } : {}),
  };
}

function givenOf(request: TransitionCaseV1) {
  return {
    ...(request.reason !== undefined ? { reason: request.reason } : {}),
    ...(request.requirements !== undefined ? { requirements: request.requirements } : {}),
    ...(request.amount !== undefined ? { amount: request.amount } : {}),
  };
}

/**
 * An officer or the agency's system acts on a case. Who may act on the agency's cases at all
 * is checked before the case is looked up, so a stranger learns nothing of which exist.
 */
export async function transitionCase(
  agencyCode: string,
  principal: Principal,
  request: TransitionCaseV1,
  ports: TransitionCasePorts,
  fetched?: FetchedFacts,
): Promise<CaseV1> {
  const resource = `${request.action} on cases of ${agencyCode}`;
  const access = workQueueAccess(principal, agencyCode);
  if (access !== 'allowed')
    throw new DomainError(access, access === 'unauthenticated' ? 401 : 403, [], { resource });
  const locked = await ports.lockCase(caseNamed(request));
  if (!locked)
    throw new DomainError('application_not_found', 404, [], {
      trackingNo: request.trackingNo ?? request.applicationId ?? '',
    });
  const moved = await moveCase(
    agencyCode,
    locked,
    request.action,
    principal,
    givenOf(request),
    ports,
    fetched,
  );
  if (!moved.ok) throw new DomainError(moved.code, moved.status, moved.errors, moved.params);
  const { payment } = moved.change;
  return { ...caseOf(agencyCode, locked, moved.record), ...(payment ? { payment } : {}) };
}

export function caseOf(agencyCode: string, locked: LockedCase, record: CaseRecord): CaseV1 {
  return {
    agencyCode,
    applicationId: locked.applicationId,
    trackingNo: locked.trackingNo,
    serviceCode: locked.serviceCode,
    status: record.to,
    sequence: record.sequence,
    ...(record.deadline !== undefined ? { deadline: record.deadline } : {}),
    paused: isWaitingOnApplicant(record.to),
    changedAt: record.at,
  };
}
