import type { ApplicationStatusChangedV1, ServiceStandardContentV1 } from '@satupintu/contracts';
import {
  type CaseClock,
  type CaseRecord,
  type ServiceTimeLimit,
  type TransitionDraft,
  type WorkingDayCalendar,
  caseClock,
  nextRecord,
  toZonedIso,
} from '@satupintu/domain';

/** What a case's transitions need to know of its service, from the agency's standard. */
export interface ServiceTerms {
  timeLimit: ServiceTimeLimit;
  /** A fixed amount above zero, or one assessed per case: payment comes before review. */
  feeApplies: boolean;
  /** The keys a revision request may name: the form's field names and the document kinds. */
  requirements: string[];
  /** The service's categories in the catalog, for the agency's own rules (`BUSINESS`, …). */
  categories: readonly string[];
  /** The form's fields of type `kbli`, for the agency's own rules. */
  kbliFields: readonly string[];
  /** The standard requires an NIB (a required field of type `nib`), for the agency's rules. */
  requiresNib: boolean;
}

export function termsOf(standard: ServiceStandardContentV1): ServiceTerms {
  return {
    timeLimit: standard.timeLimit,
    feeApplies: standard.fee.amount > 0 || standard.fee.assessed,
    requirements: [
      ...standard.requirements.fields.map((field) => field.name),
      ...standard.requirements.documents.map((document) => document.kind),
    ],
    categories: standard.categories,
    kbliFields: standard.requirements.fields
      .filter((field) => field.type === 'kbli')
      .map((field) => field.name),
    requiresNib: standard.requirements.fields.some(
      (field) => field.type === 'nib' && field.required,
    ),
  };
}

export interface RecordSettings {
  timeZone: string;
  calendar: WorkingDayCalendar;
  now: Date;
  /** Absent when the agency states no standard for the service: then the case has no deadline. */
  timeLimit?: ServiceTimeLimit;
}

/** The case's clock over its records (and the step about to be recorded), if it has a limit. */
export function clockOf(
  history: readonly { to: CaseRecord['to']; at: string }[],
  settings: RecordSettings,
): CaseClock | undefined {
  if (!settings.timeLimit) return undefined;
  return caseClock(settings.timeLimit, history, settings);
}

/**
 * The record that follows a case's `history` (read in sequence order) for a decided transition,
 * with the deadline the case has once it is made. Its time never goes back before the last
 * record's (replicas' clocks differ by a little): the history stays in time order.
 */
export function recordOf(
  applicationId: string,
  history: readonly CaseRecord[],
  draft: TransitionDraft,
  settings: RecordSettings,
): CaseRecord {
  const previous = history[history.length - 1];
  const now = new Date(Math.max(settings.now.getTime(), previous ? Date.parse(previous.at) : 0));
  const at = toZonedIso(now, settings.timeZone);
  const clock = clockOf([...history, { to: draft.to, at }], { ...settings, now });
  const deadline =
    clock && clock.state !== 'not_started'
      ? { deadline: toZonedIso(clock.deadline, settings.timeZone) }
      : {};
  return nextRecord(previous, { ...draft, applicationId, at, ...deadline });
}

/** What the rest of the mall hears of a record: the shared timeline's status change. */
export function statusChangeOf(
  record: CaseRecord,
  about: { trackingNo: string; agencyCode: string; timeZone: string },
): ApplicationStatusChangedV1 {
  return {
    applicationId: record.applicationId,
    trackingNo: about.trackingNo,
    agencyCode: about.agencyCode,
    agencyTimeZone: about.timeZone,
    from: record.from,
    to: record.to,
    ...(record.reason !== undefined ? { reason: record.reason } : {}),
    changedAt: new Date(record.at).toISOString(),
    sequence: record.sequence,
    ...(record.deadline !== undefined ? { deadline: record.deadline } : {}),
  };
}
