import { DomainError, type FieldError } from '@satupintu/common';
import type {
  ApplicationReceiptV1,
  ApplicationSubmittedV2,
  SubmitApplicationV1,
} from '@satupintu/contracts';
import { parseNik, toZonedIso, type RegionIndex } from '@satupintu/domain';

/** What intake stores: the event's facts and the applicant's details, which only intake keeps. */
export interface NewApplication extends ApplicationSubmittedV2 {
  applicant: { nik: string; name: string; birthDate?: string };
}

export interface SubmitApplicationPorts {
  regions: RegionIndex;
  findService(
    code: string,
  ): Promise<{ code: string; agencyCode: string; agencyTimeZone: string } | undefined>;
  /**
   * Stores the application and its event together; false if the tracking number is taken. The
   * event names the application and carries no personal data.
   */
  add(application: NewApplication, event: ApplicationSubmittedV2): Promise<boolean>;
  newId(): string;
  newTrackingNo(): string;
  now(): Date;
}

/** Random tracking numbers collide about once in 10^12; a few tries is more than enough. */
const TRACKING_NO_ATTEMPTS = 5;

/**
 * Accepts an application: the applicant's NIK must be a real one (region, birth date, serial,
 * and the stated birth date if given), the service must be in the catalog. Every problem is
 * reported at once, per field. On success the owning agency is told through the outbox.
 */
export async function submitApplication(
  input: SubmitApplicationV1,
  ports: SubmitApplicationPorts,
): Promise<ApplicationReceiptV1> {
  const errors: FieldError[] = [];
  const nik = parseNik(input.applicant.nik, ports.regions, {
    birthDate: input.applicant.birthDate,
  });
  if (!nik.ok) errors.push({ field: 'applicant.nik', code: nik.problem });
  const service = await ports.findService(input.serviceCode);
  if (!service)
    errors.push({
      field: 'serviceCode',
      code: 'unknown_service',
      params: { serviceCode: input.serviceCode },
    });
  if (errors.length > 0 || !service || !nik.ok) throw DomainError.validation(errors, 422);

  const now = ports.now();
  const submittedAt = now.toISOString();
  const applicationId = ports.newId();
  for (let attempt = 0; attempt < TRACKING_NO_ATTEMPTS; attempt++) {
    const event: ApplicationSubmittedV2 = {
      applicationId,
      trackingNo: ports.newTrackingNo(),
      serviceCode: service.code,
      agencyCode: service.agencyCode,
      agencyTimeZone: service.agencyTimeZone,
      channel: input.channel ?? 'WEB',
      submittedAt,
    };
    const application: NewApplication = {
      ...event,
      applicant: {
        nik: nik.value.nik,
        name: input.applicant.name.trim(),
        ...(input.applicant.birthDate ? { birthDate: input.applicant.birthDate } : {}),
      },
    };
    if (await ports.add(application, event)) {
      return {
        applicationId,
        trackingNo: event.trackingNo,
        status: 'SUBMITTED',
        serviceCode: event.serviceCode,
        agencyCode: event.agencyCode,
        channel: event.channel,
        submittedAt: toZonedIso(now, service.agencyTimeZone),
      };
    }
  }
  throw new Error(`no free tracking number after ${TRACKING_NO_ATTEMPTS} attempts`);
}
