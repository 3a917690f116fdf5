import type { ApplicationStatusChangedV1, ApplicationSubmittedV2 } from '@satupintu/contracts';
import { type CaseRecord, type WorkingDayCalendar, decideTransition } from '@satupintu/domain';
import { type ServiceTerms, recordOf, statusChangeOf } from './case-records';

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
  /** Adds the case with its first record; false when the agency already has it. */
  addCase(
    newCase: NewCase,
    record: CaseRecord,
    change: ApplicationStatusChangedV1,
  ): Promise<boolean>;
  /** The service's terms from this agency's standard; undefined when it has none. */
  terms(serviceCode: string): Promise<ServiceTerms | undefined>;
  calendar(): WorkingDayCalendar;
  now(): Date;
}

/**
 * An application for one of this agency's services arrives: the agency opens a case and starts
 * verifying it at once (record 1 of its history, by its own process, the deadline clock
 * starting), and says so on the shared timeline.
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
  const decision = decideTransition(
    'SUBMITTED',
    'START_VERIFICATION',
    { kind: 'system', roles: [], scopes: [] },
    { agencyCode },
  );
  if (!decision.ok) throw new Error(`the workflow refuses to open a case: ${decision.code}`);
  const terms = await ports.terms(submitted.serviceCode);
  const record = recordOf(submitted.applicationId, [], decision.draft, {
    timeZone: submitted.agencyTimeZone,
    calendar: ports.calendar(),
    now: ports.now(),
    ...(terms ? { timeLimit: terms.timeLimit } : {}),
  });
  const change = statusChangeOf(record, {
    trackingNo: submitted.trackingNo,
    agencyCode,
    timeZone: submitted.agencyTimeZone,
  });
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
    record,
    change,
  );
  return added ? change : undefined;
}
