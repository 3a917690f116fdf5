import {
  type ApplicationStatus,
  type CaseRecord,
  type WorkflowAction,
  nextRecord,
} from '@satupintu/domain';

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
