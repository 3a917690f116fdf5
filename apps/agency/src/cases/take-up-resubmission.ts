import type { ApplicationResubmittedV1, ApplicationStatusChangedV1 } from '@satupintu/contracts';
import { canTransition } from '@satupintu/domain';

/** A case as taking up a resubmission sees it. */
export interface CaseStanding {
  status: string;
  timeZone: string;
}

export interface TakeUpResubmissionPorts {
  findCase(applicationId: string): Promise<CaseStanding | undefined>;
  /** Moves the case and records and publishes the change, only if it is still in `change.from`. */
  moveCase(change: ApplicationStatusChangedV1): Promise<boolean>;
  now(): Date;
}

export type TakeUp =
  | { taken: ApplicationStatusChangedV1 }
  /** Nothing done: no such case, or the agency did not send it back (its status says which). */
  | { ignored: string };

/**
 * The applicant sent corrections for a case this agency sent back: verifying starts again
 * (NEEDS_REVISION → VERIFYING, on the shared timeline with reason `resubmitted`). A case the
 * agency never sent back, or has moved on since (a second resubmission while it verifies the
 * first), is left as it is: the corrections are in intake for the agency to read either way.
 */
export async function takeUpResubmission(
  agencyCode: string,
  resubmitted: ApplicationResubmittedV1,
  ports: TakeUpResubmissionPorts,
): Promise<TakeUp> {
  if (resubmitted.agencyCode !== agencyCode)
    throw new Error(
      `application ${resubmitted.applicationId} belongs to ${resubmitted.agencyCode}, not ${agencyCode}`,
    );
  const standing = await ports.findCase(resubmitted.applicationId);
  if (!standing) return { ignored: 'NO_CASE' };
  if (standing.status !== 'NEEDS_REVISION' || !canTransition('NEEDS_REVISION', 'VERIFYING'))
    return { ignored: standing.status };
  const change: ApplicationStatusChangedV1 = {
    applicationId: resubmitted.applicationId,
    trackingNo: resubmitted.trackingNo,
    agencyCode,
    agencyTimeZone: standing.timeZone,
    from: 'NEEDS_REVISION',
    to: 'VERIFYING',
    reason: 'resubmitted',
    changedAt: ports.now().toISOString(),
  };
  return (await ports.moveCase(change)) ? { taken: change } : { ignored: standing.status };
}
