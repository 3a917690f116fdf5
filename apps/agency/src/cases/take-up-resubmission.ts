import type { ApplicationResubmittedV1, ApplicationStatusChangedV1 } from '@satupintu/contracts';
import { type LockedCase, type MoveCasePorts, moveCase } from './transition-case';

export interface TakeUpResubmissionPorts extends MoveCasePorts {
  /** The case, locked until the transaction ends. */
  findCase(applicationId: string): Promise<LockedCase | undefined>;
}

export type TakeUp =
  | { taken: ApplicationStatusChangedV1 }
  /** Nothing done: no such case, or the agency did not send it back (its status says which). */
  | { ignored: string };

/**
 * The applicant sent corrections for a case this agency sent back: verifying starts again
 * (RESUBMIT, NEEDS_REVISION → VERIFYING, recorded as the agency's own process relaying intake's
 * word, with reason `resubmitted`). A case the agency never sent back, or has moved on since (a
 * second resubmission while it verifies the first), is left as it is: the corrections are in
 * intake for the agency to read either way.
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
  const locked = await ports.findCase(resubmitted.applicationId);
  if (!locked) return { ignored: 'NO_CASE' };
  const moved = await moveCase(
    agencyCode,
    locked,
    'RESUBMIT',
    { kind: 'system', roles: [], scopes: [] },
    { reason: 'resubmitted' },
    ports,
  );
  return moved.ok ? { taken: moved.change } : { ignored: locked.status };
}
