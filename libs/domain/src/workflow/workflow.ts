import { type ApplicationStatus, canTransition } from '../application-status/application-status';

/**
 * What can be done to a case, by the agency (its officers, its own system, its processes) or by
 * the applicant (through intake, which owns the application and tells the agency). Each action
 * moves the case along the shared status vocabulary; `canTransition` stays the single source of
 * which moves exist, and every rule below is one of them (the spec checks it). The one exception
 * is a step that keeps the status (`STATUS_KEEPING_ACTIONS`): recorded like a move, so that it is
 * in the case's chain and on the timeline, but no move of the vocabulary.
 */
export const WORKFLOW_ACTIONS = [
  'START_VERIFICATION',
  'REQUEST_REVISION',
  'RESUBMIT',
  'COMPLETE_VERIFICATION',
  'CONFIRM_PAYMENT',
  'RENEW_PAYMENT',
  'APPROVE',
  'REJECT',
  'ISSUE',
  'WITHDRAW',
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/**
 * Steps that leave the case where it is: a new payment code for a case whose code expired
 * (ADR 0022) keeps it in AWAITING_PAYMENT, with the new code on its record's event.
 */
export const STATUS_KEEPING_ACTIONS: readonly WorkflowAction[] = ['RENEW_PAYMENT'];

/** The officer roles that move cases; FRONT_DESK and AGENCY_ADMIN move none (see ADR 0019). */
export type WorkflowRole = 'VERIFIER' | 'APPROVER';

export interface ActionRule {
  /** The statuses the action starts from. */
  readonly from: readonly ApplicationStatus[];
  /** Where it may lead; COMPLETE_VERIFICATION has two, chosen by whether a fee applies. */
  readonly to: readonly ApplicationStatus[];
  /**
   * `agency`: the agency's decision, made by an officer of it, its own system or its processes.
   * `applicant`: the applicant's, checked by intake (owner, submitting client) and relayed.
   */
  readonly side: 'agency' | 'applicant';
  /** The officer roles that may, the first one held being the one recorded. */
  readonly roles: readonly WorkflowRole[];
  /** Whether the agency's own processes may, acting for no caller (receipt, payment callback). */
  readonly system: boolean;
  readonly reasonRequired: boolean;
}

const UNDECIDED: readonly ApplicationStatus[] = [
  'SUBMITTED',
  'VERIFYING',
  'NEEDS_REVISION',
  'AWAITING_PAYMENT',
  'IN_REVIEW',
];

const agency = (
  from: readonly ApplicationStatus[],
  to: readonly ApplicationStatus[],
  roles: readonly WorkflowRole[],
  system: boolean,
  reasonRequired = false,
): ActionRule => ({ from, to, side: 'agency', roles, system, reasonRequired });

const applicant = (from: readonly ApplicationStatus[], to: ApplicationStatus): ActionRule => ({
  from,
  to: [to],
  side: 'applicant',
  roles: [],
  system: true,
  reasonRequired: false,
});

/**
 * The transition table. A verifier checks documents and data: it starts verifying, sends a case
 * back, or completes verification. Only an approver decides (approves or rejects, from any
 * undecided status the vocabulary allows) and issues. A payment is confirmed only by the agency's
 * process that verified the bank's signed callback, never by hand. Issuing may also be done by
 * the agency's process (an output produced on approval).
 */
export const ACTION_RULES: Readonly<Record<WorkflowAction, ActionRule>> = {
  START_VERIFICATION: agency(['SUBMITTED'], ['VERIFYING'], ['VERIFIER'], true),
  REQUEST_REVISION: agency(['VERIFYING'], ['NEEDS_REVISION'], ['VERIFIER'], false, true),
  RESUBMIT: applicant(['NEEDS_REVISION'], 'VERIFYING'),
  COMPLETE_VERIFICATION: agency(
    ['VERIFYING'],
    ['AWAITING_PAYMENT', 'IN_REVIEW'],
    ['VERIFIER'],
    false,
  ),
  CONFIRM_PAYMENT: agency(['AWAITING_PAYMENT'], ['IN_REVIEW'], [], true),
  // The applicant asks at the counter or by phone; the agency's process may too (a future job).
  RENEW_PAYMENT: agency(['AWAITING_PAYMENT'], ['AWAITING_PAYMENT'], ['VERIFIER'], true),
  APPROVE: agency(['IN_REVIEW'], ['APPROVED'], ['APPROVER'], false),
  REJECT: agency(['SUBMITTED', 'VERIFYING', 'IN_REVIEW'], ['REJECTED'], ['APPROVER'], false, true),
  ISSUE: agency(['APPROVED'], ['ISSUED'], ['APPROVER'], true),
  WITHDRAW: applicant(UNDECIDED, 'WITHDRAWN'),
};

/**
 * Who asks, shaped like `Principal` of libs/contracts (which depends on this library, so the type
 * cannot be imported here): a principal can be passed as it is.
 */
export interface WorkflowCaller {
  readonly kind: 'anonymous' | 'applicant' | 'officer' | 'client' | 'system';
  readonly subject?: string;
  readonly roles: readonly string[];
  readonly agency?: string;
  readonly scopes: readonly string[];
}

/** Who did it, as the case's history keeps it. */
export interface RecordedActor {
  kind: 'applicant' | 'officer' | 'client' | 'system';
  subject?: string;
  /** The role the action was allowed by; absent for the applicant's side and for processes. */
  role?: WorkflowRole;
}

/** The scope an agency's own system holds (`agency:<CODE>:work`), as identity grants it. */
export const agencyWorkScope = (agencyCode: string) => `agency:${agencyCode}:work`;

/** The scope of a client that submits for applicants (a kiosk, the national portal). */
export const SUBMIT_SCOPE = 'applications:submit';

/**
 * An agency's own system (scope `agency:<CODE>:work`) acts with every role that moves cases: it
 * is the agency's back office, created by the agency's admin, and decides as the agency's
 * officers would. What it may not do an officer may not do either (confirm a payment by hand).
 */
export function rolesOfCaller(caller: WorkflowCaller, agencyCode: string): WorkflowRole[] {
  switch (caller.kind) {
    case 'officer':
      if (caller.agency !== agencyCode) return [];
      return caller.roles.filter((r): r is WorkflowRole => r === 'VERIFIER' || r === 'APPROVER');
    case 'client':
      return caller.scopes.includes(agencyWorkScope(agencyCode)) ? ['VERIFIER', 'APPROVER'] : [];
    case 'anonymous':
    case 'applicant':
    case 'system':
      return [];
  }
}

/** One refused field: the shape of `FieldError` in libs/common. */
export interface WorkflowProblem {
  field: string;
  code: string;
  params?: Record<string, string | number>;
}

export interface TransitionInput {
  /** The agency that owns the case (and whose officers and system may act on it). */
  agencyCode: string;
  /** Why: required to reject or to ask for a revision, an optional note otherwise. */
  reason?: string;
  /** For REQUEST_REVISION: the requirement keys the applicant must correct. */
  requirements?: readonly string[];
  /** For REQUEST_REVISION: every requirement key of the case's service. */
  serviceRequirements?: readonly string[];
  /** For COMPLETE_VERIFICATION: whether the service charges a fee (then payment comes first). */
  feeApplies?: boolean;
}

/** A decided transition, ready to be recorded (`nextRecord`) once it has a time and a case. */
export interface TransitionDraft {
  from: ApplicationStatus;
  to: ApplicationStatus;
  action: WorkflowAction;
  actor: RecordedActor;
  reason?: string;
  requirements?: string[];
}

export type TransitionRefusal =
  | { ok: false; code: 'unauthenticated'; status: 401; params: { resource: string }; errors: [] }
  | { ok: false; code: 'forbidden'; status: 403; params: { resource: string }; errors: [] }
  | {
      ok: false;
      code: 'illegal_transition';
      status: 409;
      params: { status: ApplicationStatus; action: WorkflowAction };
      errors: [];
    }
  | {
      ok: false;
      code: 'unprocessable';
      status: 422;
      params: Record<string, never>;
      errors: WorkflowProblem[];
    };

export type TransitionDecision =
  { ok: true; to: ApplicationStatus; draft: TransitionDraft } | TransitionRefusal;

/** The longest reason, in UTF-16 units after trimming: a paragraph, not a document. */
export const REASON_MAX_LENGTH = 1000;
/** More than any service's standard holds (20 documents, 50 fields). */
export const REVISION_REQUIREMENTS_MAX = 100;

/**
 * Decides one action on a case in `current`: who may (401/403), whether the case allows it now
 * (409 naming the current status), and whether what comes with it is complete (422 per field).
 * In that order, so a caller who may not act learns nothing of the case. Pure: the caller records
 * the draft, with its time, its deadline and its place in the chain.
 */
export function decideTransition(
  current: ApplicationStatus,
  action: WorkflowAction,
  caller: WorkflowCaller,
  input: TransitionInput,
): TransitionDecision {
  const rule = ACTION_RULES[action];
  const resource = `${action} on cases of ${input.agencyCode}`;
  if (caller.kind === 'anonymous')
    return { ok: false, code: 'unauthenticated', status: 401, params: { resource }, errors: [] };
  const actor = actorOf(rule, caller, input.agencyCode);
  if (!actor)
    return { ok: false, code: 'forbidden', status: 403, params: { resource }, errors: [] };
  if (!rule.from.includes(current))
    return {
      ok: false,
      code: 'illegal_transition',
      status: 409,
      params: { status: current, action },
      errors: [],
    };
  const problems: WorkflowProblem[] = [];
  const reason = checkReason(rule, input.reason, problems);
  const requirements =
    action === 'REQUEST_REVISION' ? checkRequirements(input, problems) : undefined;
  if (action !== 'REQUEST_REVISION' && input.requirements !== undefined)
    problems.push({ field: 'requirements', code: 'unknown_field' });
  if (problems.length > 0)
    return { ok: false, code: 'unprocessable', status: 422, params: {}, errors: problems };
  const to = targetOf(action, input);
  // The table is checked against the vocabulary by the spec; this guards a future edit of either.
  const allowed =
    current === to ? STATUS_KEEPING_ACTIONS.includes(action) : canTransition(current, to);
  if (!allowed) throw new Error(`the rules allow ${current} → ${to}, the vocabulary does not`);
  return {
    ok: true,
    to,
    draft: {
      from: current,
      to,
      action,
      actor,
      ...(reason !== undefined ? { reason } : {}),
      ...(requirements ? { requirements } : {}),
    },
  };
}

function actorOf(
  rule: ActionRule,
  caller: WorkflowCaller,
  agencyCode: string,
): RecordedActor | undefined {
  const subject = caller.subject !== undefined ? { subject: caller.subject } : {};
  if (rule.side === 'applicant') {
    // Intake has checked that this is the applicant, or the client that submitted for them.
    switch (caller.kind) {
      case 'applicant':
      case 'system':
        return { kind: caller.kind, ...subject };
      case 'client':
        return caller.scopes.includes(SUBMIT_SCOPE) ? { kind: 'client', ...subject } : undefined;
      case 'officer':
      case 'anonymous':
        return undefined;
    }
  }
  switch (caller.kind) {
    case 'system':
      return rule.system ? { kind: 'system', ...subject } : undefined;
    case 'officer':
    case 'client': {
      const held = rolesOfCaller(caller, agencyCode);
      const role = rule.roles.find((r) => held.includes(r));
      return role ? { kind: caller.kind, ...subject, role } : undefined;
    }
    case 'applicant':
    case 'anonymous':
      return undefined;
  }
}

function checkReason(
  rule: ActionRule,
  given: string | undefined,
  problems: WorkflowProblem[],
): string | undefined {
  if (given !== undefined && typeof given !== 'string') {
    problems.push({ field: 'reason', code: 'must_be_string' });
    return undefined;
  }
  const reason = given?.trim();
  if (!reason) {
    if (rule.reasonRequired) problems.push({ field: 'reason', code: 'required' });
    return undefined;
  }
  if (reason.length > REASON_MAX_LENGTH)
    problems.push({ field: 'reason', code: 'max_length', params: { max: REASON_MAX_LENGTH } });
  return reason;
}

function checkRequirements(input: TransitionInput, problems: WorkflowProblem[]): string[] {
  const known = input.serviceRequirements;
  if (!known) throw new Error('REQUEST_REVISION needs the service requirement keys');
  const given = input.requirements;
  if (given !== undefined && !Array.isArray(given)) {
    problems.push({ field: 'requirements', code: 'must_be_array' });
    return [];
  }
  if (!given || given.length === 0) {
    problems.push({ field: 'requirements', code: 'required' });
    return [];
  }
  if (given.length > REVISION_REQUIREMENTS_MAX) {
    problems.push({
      field: 'requirements',
      code: 'max_items',
      params: { max: REVISION_REQUIREMENTS_MAX },
    });
    return [];
  }
  const seen = new Set<string>();
  given.forEach((key: unknown, i) => {
    const field = `requirements.${i}`;
    if (typeof key !== 'string') problems.push({ field, code: 'must_be_string' });
    else if (seen.has(key)) problems.push({ field, code: 'duplicate' });
    else if (!known.includes(key))
      problems.push({ field, code: 'unknown_requirement', params: { requirement: key } });
    if (typeof key === 'string') seen.add(key);
  });
  return [...seen];
}

function targetOf(action: WorkflowAction, input: TransitionInput): ApplicationStatus {
  if (action !== 'COMPLETE_VERIFICATION') return ACTION_RULES[action].to[0];
  if (typeof input.feeApplies !== 'boolean')
    throw new Error('COMPLETE_VERIFICATION needs to know whether a fee applies');
  return input.feeApplies ? 'AWAITING_PAYMENT' : 'IN_REVIEW';
}
