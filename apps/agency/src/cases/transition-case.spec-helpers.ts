import type { ApplicationStatusChangedV1 } from '@satupintu/contracts';
import {
  type ApplicationStatus,
  type CaseRecord,
  type WorkflowAction,
  nextRecord,
  workingDayCalendar,
} from '@satupintu/domain';
import type { LockedCase } from './transition-case';

/** A valid chain of records for a case, one hour apart from 20 November 2026, 09:00 in Jakarta. */
export function chainOf(
  applicationId: string,
  steps: [ApplicationStatus, ApplicationStatus, WorkflowAction][],
): CaseRecord[] {
  const records: CaseRecord[] = [];
  steps.forEach(([from, to, action], i) => {
    const at = new Date(Date.UTC(2026, 10, 20, 2 + i)).toISOString();
    records.push(
      nextRecord(records[i - 1], {
        applicationId,
        from,
        to,
        action,
        actor: { kind: 'system' },
        at,
      }),
    );
  });
  return records;
}

/**
 * Ports for taking up an applicant's action on `locked` with `history`, at `now`: no standard,
 * no days off, no output; what moved is kept in `moved`.
 */
export function takeUpPorts(locked: LockedCase | undefined, history: CaseRecord[], now: Date) {
  const moved: { record: CaseRecord; change: ApplicationStatusChangedV1 }[] = [];
  return {
    moved,
    findCase: () => Promise.resolve(locked),
    history: () => Promise.resolve(history),
    terms: () => Promise.resolve(undefined),
    calendar: () => workingDayCalendar([]),
    now: () => now,
    issueOutput: () => Promise.reject(new Error('taking up an applicant’s action issues nothing')),
    moveCase: (record: CaseRecord, change: ApplicationStatusChangedV1) => {
      moved.push({ record, change });
      return Promise.resolve();
    },
  };
}
