import type { ApplicationStatusChangedV1, ApplicationSubmittedV2 } from '@satupintu/contracts';
import { canTransition } from '@satupintu/domain';

export interface NewCase {
  applicationId: string;
  trackingNo: string;
  serviceCode: string;
  channel: string;
  timeZone: string;
  submittedAt: string;
  applicantId?: string;
  businessId?: string;
}

export interface ReceiveApplicationPorts {
  /** Adds the case in its first status; false when the agency already has it. */
  addCase(
    newCase: NewCase,
    status: 'VERIFYING',
    change: ApplicationStatusChangedV1,
  ): Promise<boolean>;
  now(): Date;
}

/**
 * An application for one of this agency's services arrives: the agency opens a case and starts
 * verifying it at once, and says so on the shared timeline.
 */
export async function receiveApplication(
  agencyCode: string,
  submitted: ApplicationSubmittedV2,
  ports: ReceiveApplicationPorts,
): Promise<ApplicationStatusChangedV1 | undefined> {
  if (submitted.agencyCode !== agencyCode) {
    throw new Error(
      `application ${submitted.applicationId} belongs to ${submitted.agencyCode}, not ${agencyCode}`,
    );
  }
  if (!canTransition('SUBMITTED', 'VERIFYING'))
    throw new Error('status rules forbid SUBMITTED → VERIFYING');
  const change: ApplicationStatusChangedV1 = {
    applicationId: submitted.applicationId,
    trackingNo: submitted.trackingNo,
    agencyCode,
    agencyTimeZone: submitted.agencyTimeZone,
    from: 'SUBMITTED',
    to: 'VERIFYING',
    changedAt: ports.now().toISOString(),
  };
  const added = await ports.addCase(
    {
      applicationId: submitted.applicationId,
      trackingNo: submitted.trackingNo,
      serviceCode: submitted.serviceCode,
      channel: submitted.channel,
      timeZone: submitted.agencyTimeZone,
      submittedAt: submitted.submittedAt,
      ...(submitted.applicantId ? { applicantId: submitted.applicantId } : {}),
      ...(submitted.businessId ? { businessId: submitted.businessId } : {}),
    },
    'VERIFYING',
    change,
  );
  return added ? change : undefined;
}
