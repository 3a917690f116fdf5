import type { ApplicationResubmittedV1, ApplicationStatusChangedV1 } from '@satupintu/contracts';
import type { WorkflowAction } from '@satupintu/domain';
import { type LockedCase, type MoveCasePorts, moveCase } from './transition-case';

export interface TakeUpResubmissionPorts extends MoveCasePorts {
  /** The case, locked until the transaction ends. */
  findCase(applicationId: string): Promise<LockedCase | undefined>;
}

export type TakeUp =
  | { taken: ApplicationStatusChangedV1 }
  /** Nothing done: no such case, or its status does not allow it (the status says which). */
  | { ignored: string };

/**
 * Something the applicant did in intake, relayed to this agency's case as the agency's own
 * process (the workflow's applicant-side actions): the next record, the case moved, the change
 * published. A case the action no longer fits is left as it is.
 */
export async function takeUpApplicantAction(
  agencyCode: string,
  event: { applicationId: string; agencyCode: string },
  action: Extract<WorkflowAction, 'RESUBMIT' | 'WITHDRAW'>,
  reason: string,
  ports: TakeUpResubmissionPorts,
): Promise<TakeUp> {
  if (event.agencyCode !== agencyCode)
    throw new Error(
      `application ${event.applicationId} belongs to ${event.agencyCode}, not ${agencyCode}`,
    );
  const locked = await ports.findCase(event.applicationId);
  if (!locked) return { ignored: 'NO_CASE' };
  const moved = await moveCase(
    agencyCode,
    locked,
    action,
    { kind: 'system', roles: [], scopes: [] },
    { reason },
    ports,
  );
  return moved.ok ? { taken: moved.change } : { ignored: locked.status };
}

/**
 * The applicant sent corrections for a case this agency sent back: verifying starts again
 * (RESUBMIT, NEEDS_REVISION → VERIFYING, with reason `resubmitted`). A case the agency never
 * sent back, or has moved on since (a second resubmission while it verifies the first), is left
 * as it is: the corrections are in intake for the agency to read either way.
 */
export function takeUpResubmission(
  agencyCode: string,
  resubmitted: ApplicationResubmittedV1,
  ports: TakeUpResubmissionPorts,
): Promise<TakeUp> {
  return takeUpApplicantAction(agencyCode, resubmitted, 'RESUBMIT', 'resubmitted', ports);
}
