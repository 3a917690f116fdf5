import type {
  ComplaintItemV1,
  ComplaintKindV1,
  ComplaintStepV1,
  ComplaintSubjectKind,
  ComplaintV1,
} from '@satupintu/contracts';
import {
  complaintDue,
  toZonedIso,
  type ComplaintDue,
  type ComplaintState,
  type ComplaintStatus,
  type WorkingDayCalendar,
} from '@satupintu/domain';
import type { ComplaintParties } from './complaint-access';

/** A complaint as the `complaints` table holds it. */
export interface ComplaintRecord extends ComplaintParties {
  id: string;
  kind: ComplaintKindV1;
  status: ComplaintStatus;
  subjectKind: ComplaintSubjectKind;
  trackingNo: string | null;
  serviceCode: string;
  applicationId: string | null;
  bundleCaseId: string | null;
  stepKey: string | null;
  timeZone: string;
  contactEmail: string | null;
  contactPhone: string | null;
  text: string;
  submittedAt: Date;
  routedAt: Date | null;
  answerRoundFrom: Date | null;
  answeredAt: Date | null;
  firstAnsweredAt: Date | null;
  disputedAt: Date | null;
  closedAt: Date | null;
  routeDueAt: Date;
  firstAnswerDueAt: Date | null;
  answerWorkingDays: number | null;
  dueWhat: ComplaintDue['what'] | null;
  dueAt: Date | null;
  calendarVersions: string;
}

export interface ComplaintStepRecord {
  step: ComplaintStepV1['step'];
  at: Date;
  text: string | null;
  stage: 'ROUTE' | 'ANSWER' | null;
}

const optional = (date: Date | null) => date ?? undefined;

/** The domain's state of a stored complaint. */
export function stateOf(record: ComplaintRecord): ComplaintState {
  const state: ComplaintState = {
    status: record.status,
    timeZone: record.timeZone,
    submittedAt: record.submittedAt,
  };
  const dates = {
    routedAt: optional(record.routedAt),
    answerRoundFrom: optional(record.answerRoundFrom),
    answeredAt: optional(record.answeredAt),
    disputedAt: optional(record.disputedAt),
    closedAt: optional(record.closedAt),
  };
  for (const [key, value] of Object.entries(dates))
    if (value) Object.assign(state, { [key]: value });
  return state;
}

/**
 * A stamp of the calendar a deadline was counted on (each year held and its version): when the
 * calendar is amended, the open complaints counted on the old one are counted again.
 */
export function calendarStamp(versions: ReadonlyMap<number, number>): string {
  return [...versions]
    .sort(([a], [b]) => a - b)
    .map(([year, version]) => `${year}:${version}`)
    .join(',');
}

/**
 * The deadline columns for a state on a calendar: what it waits for now and until when, and the
 * deadlines the figures judge by (routing; the first answering round).
 */
export function deadlinesOf(
  state: ComplaintState,
  calendar: WorkingDayCalendar,
  record?: Pick<ComplaintRecord, 'routeDueAt' | 'firstAnswerDueAt'>,
): Pick<ComplaintRecord, 'dueWhat' | 'dueAt' | 'routeDueAt' | 'firstAnswerDueAt'> {
  const due = complaintDue(state, calendar);
  const firstRound = state.status === 'ROUTED' && !state.disputedAt;
  return {
    dueWhat: due?.what ?? null,
    dueAt: due?.by ?? null,
    routeDueAt: state.status === 'SUBMITTED' || !record ? due!.by : record.routeDueAt,
    firstAnswerDueAt: firstRound ? due!.by : (record?.firstAnswerDueAt ?? null),
  };
}

const dueOf = (record: ComplaintRecord) =>
  record.dueWhat && record.dueAt
    ? { what: record.dueWhat, by: toZonedIso(record.dueAt, record.timeZone) }
    : undefined;

/** The complaint as its reporter and its handlers see it; times in the agency's zone. */
export function complaintView(record: ComplaintRecord, steps: ComplaintStepRecord[]): ComplaintV1 {
  const due = dueOf(record);
  return {
    complaintNo: record.complaintNo,
    kind: record.kind,
    status: record.status,
    subjectKind: record.subjectKind,
    ...(record.trackingNo ? { trackingNo: record.trackingNo } : {}),
    serviceCode: record.serviceCode,
    agencyCode: record.agencyCode,
    text: record.text,
    submittedAt: toZonedIso(record.submittedAt, record.timeZone),
    ...(due ? { due } : {}),
    disputable: record.status === 'ANSWERED' && record.disputedAt === null,
    steps: steps.map((step) => ({
      step: step.step,
      at: toZonedIso(step.at, record.timeZone),
      ...(step.text !== null ? { text: step.text } : {}),
      ...(step.stage !== null ? { stage: step.stage } : {}),
    })),
  };
}

export function complaintItem(record: ComplaintRecord): ComplaintItemV1 {
  const due = dueOf(record);
  return {
    complaintNo: record.complaintNo,
    kind: record.kind,
    status: record.status,
    agencyCode: record.agencyCode,
    submittedAt: toZonedIso(record.submittedAt, record.timeZone),
    ...(due ? { due } : {}),
  };
}
