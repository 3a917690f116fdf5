import { type WorkingDayCalendar, workingDayDeadline } from '../time/working-days';

/** After SP4N-LAPOR!: a complaint, a suggestion, or a request for information. */
export const COMPLAINT_KINDS = ['PENGADUAN', 'ASPIRASI', 'PERMINTAAN_INFORMASI'] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];

export type ComplaintStatus = 'SUBMITTED' | 'ROUTED' | 'ANSWERED' | 'REOPENED' | 'CLOSED';

/** The time limits, in working days on the shared calendar. */
export const COMPLAINT_LIMITS = {
  /** From submission: verified and routed to the agency that owns the matter. */
  route: 3,
  /** From routing (or from the reporter's dispute): answered by that agency. */
  answer: 5,
  /** From an answer the reporter does not dispute: closed by itself. */
  close: 10,
} as const;

export interface ComplaintState {
  status: ComplaintStatus;
  /** The zone of the mall whose calendar counts the days. */
  timeZone: string;
  submittedAt: Date;
  routedAt?: Date;
  /** When the agency's current round of answering began: the routing, or the dispute. */
  answerRoundFrom?: Date;
  answeredAt?: Date;
  /** The reporter disputes once; a second answer stands. */
  disputedAt?: Date;
  closedAt?: Date;
}

export type ComplaintAction = 'ROUTE' | 'ANSWER' | 'DISPUTE' | 'CLOSE';

/** What the complaint waits for now, and until when; nothing once closed. */
export interface ComplaintDue {
  /** ROUTE: mall staff verify and route it; ANSWER: the agency answers; CLOSE: it closes by itself. */
  what: 'ROUTE' | 'ANSWER' | 'CLOSE';
  by: Date;
}

export class ComplaintRefused extends Error {
  constructor(
    readonly action: ComplaintAction,
    readonly status: ComplaintStatus,
    readonly reason: 'illegal_transition' | 'dispute_used' | 'not_yet_due',
  ) {
    super(`${action} is not possible on a ${status} complaint (${reason})`);
  }
}

export function newComplaint(submittedAt: Date, timeZone: string): ComplaintState {
  return { status: 'SUBMITTED', timeZone, submittedAt };
}

export function complaintDue(
  state: ComplaintState,
  calendar: WorkingDayCalendar,
): ComplaintDue | undefined {
  const days = (from: Date, limit: number) =>
    workingDayDeadline(from, limit, state.timeZone, calendar);
  switch (state.status) {
    case 'SUBMITTED':
      return { what: 'ROUTE', by: days(state.submittedAt, COMPLAINT_LIMITS.route) };
    case 'ROUTED':
    case 'REOPENED':
      return { what: 'ANSWER', by: days(state.answerRoundFrom!, COMPLAINT_LIMITS.answer) };
    case 'ANSWERED':
      return { what: 'CLOSE', by: days(state.answeredAt!, COMPLAINT_LIMITS.close) };
    case 'CLOSED':
      return undefined;
  }
}

/**
 * A deadline missed at `now`: mall staff did not route it in time, or the agency did not answer
 * in time. Mall management is told once per missed deadline (its `by` names it).
 */
export function complaintOverdue(
  state: ComplaintState,
  now: Date,
  calendar: WorkingDayCalendar,
): ComplaintDue | undefined {
  const due = complaintDue(state, calendar);
  return due && due.what !== 'CLOSE' && now.getTime() >= due.by.getTime() ? due : undefined;
}

/**
 * The complaint after `action` at `at`. Routing and answering may come late (then they were
 * escalated); a dispute only while the answer stands and only once; the closing only once the
 * reporter's ten working days have passed without one.
 */
export function actOnComplaint(
  state: ComplaintState,
  action: ComplaintAction,
  at: Date,
  calendar: WorkingDayCalendar,
): ComplaintState {
  const refuse = (reason: ComplaintRefused['reason'] = 'illegal_transition') => {
    throw new ComplaintRefused(action, state.status, reason);
  };
  switch (action) {
    case 'ROUTE':
      if (state.status !== 'SUBMITTED') refuse();
      return { ...state, status: 'ROUTED', routedAt: at, answerRoundFrom: at };
    case 'ANSWER':
      if (state.status !== 'ROUTED' && state.status !== 'REOPENED') refuse();
      return { ...state, status: 'ANSWERED', answeredAt: at };
    case 'DISPUTE': {
      if (state.status !== 'ANSWERED') refuse();
      if (state.disputedAt) refuse('dispute_used');
      if (at.getTime() >= complaintDue(state, calendar)!.by.getTime()) refuse();
      return { ...state, status: 'REOPENED', disputedAt: at, answerRoundFrom: at };
    }
    case 'CLOSE': {
      if (state.status !== 'ANSWERED') refuse();
      if (at.getTime() < complaintDue(state, calendar)!.by.getTime()) refuse('not_yet_due');
      return { ...state, status: 'CLOSED', closedAt: at };
    }
  }
}
