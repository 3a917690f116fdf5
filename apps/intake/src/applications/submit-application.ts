import { DomainError, type FieldError } from '@satupintu/common';
import type {
  ApplicationReceiptV1,
  AttachedDocumentV2,
  ApplicationSubmittedV2,
  Channel,
  Principal,
  SubmitApplicationV2,
  SubmitterV2,
} from '@satupintu/contracts';
import { parseNik, toZonedIso, type RegionIndex } from '@satupintu/domain';
import { offeredDocumentProblems, type AttachDocumentsPorts } from '../documents/attach-documents';

/**
 * What intake stores: the event's facts and, for an applicant an officer or a client names by
 * NIK, the details they gave (only intake keeps them; the event carries ids only).
 */
export interface NewApplication extends ApplicationSubmittedV2 {
  applicant?: { nik: string; name: string; birthDate?: string };
  /** Uploaded documents to attach in the same transaction. */
  documents?: AttachedDocumentV2[];
}

export interface SubmitApplicationPorts extends AttachDocumentsPorts {
  regions: RegionIndex;
  findService(
    code: string,
  ): Promise<{ code: string; agencyCode: string; agencyTimeZone: string } | undefined>;
  /** Identity's applicant with this NIK, as intake follows them (undefined if not registered). */
  findApplicantByNik(nik: string): Promise<{ id: string } | undefined>;
  /** Whether the applicant owns or represents the business, as intake follows them. */
  actsFor(applicantId: string, businessId: string): Promise<boolean>;
  /**
   * Stores the application and its event together, with the receipt it answers (kept for a
   * replayed `Idempotency-Key`); false if the tracking number is taken. The event names the
   * application and carries no personal data.
   */
  add(
    application: NewApplication,
    event: ApplicationSubmittedV2,
    receipt: ApplicationReceiptV1,
  ): Promise<boolean>;
  newId(): string;
  newTrackingNo(): string;
  now(): Date;
}

/** Random tracking numbers collide about once in 10^12; a few tries is more than enough. */
const TRACKING_NO_ATTEMPTS = 5;

type SubmitterKind = SubmitterV2['kind'];

/**
 * The channels each kind of caller submits through, the first being the default: a citizen
 * online, an officer at the counter or on the phone, a client system at a kiosk, for the
 * national portal or for an app.
 */
export const CHANNELS_OF: Record<SubmitterKind, readonly Channel[]> = {
  applicant: ['WEB', 'MOBILE'],
  officer: ['COUNTER', 'CALL_CENTER'],
  client: ['PORTAL', 'KIOSK', 'WEB', 'MOBILE'],
};

/**
 * Who may submit: an applicant for themself, a front-desk officer for the applicant at their
 * counter, an API client with `applications:submit` for the applicant it names.
 */
export function submitterOf(principal: Principal): SubmitterV2 {
  const forbidden = () => new DomainError('forbidden', 403, [], { resource: 'applications' });
  switch (principal.kind) {
    case 'anonymous':
      throw new DomainError('unauthenticated', 401, [], { resource: 'applications' });
    case 'system':
      throw forbidden();
    case 'applicant':
      if (!principal.subject) throw forbidden();
      return { kind: 'applicant', subject: principal.subject };
    case 'officer':
      if (!principal.subject || !principal.roles.includes('FRONT_DESK')) throw forbidden();
      return { kind: 'officer', subject: principal.subject };
    case 'client':
      if (!principal.subject || !principal.clientId) throw forbidden();
      if (!principal.scopes.includes('applications:submit')) throw forbidden();
      return { kind: 'client', subject: principal.subject, clientId: principal.clientId };
  }
}

/**
 * Accepts an application. The caller decides who applies: a signed-in applicant is the
 * applicant; an officer or a client names one by a real NIK (region, birth date, serial, and
 * the stated birth date if given), linked to their account when they have one. The service
 * must be in the catalog, the channel one the caller submits through, and a business one the
 * applicant acts for. Every problem is reported at once, per field. On success the owning
 * agency is told through the outbox.
 */
export async function submitApplication(
  principal: Principal,
  input: SubmitApplicationV2,
  ports: SubmitApplicationPorts,
): Promise<ApplicationReceiptV1> {
  const submittedBy = submitterOf(principal);
  const errors: FieldError[] = [];

  let applicantId: string | undefined;
  let named: NewApplication['applicant'];
  if (submittedBy.kind === 'applicant') {
    applicantId = submittedBy.subject;
    if (input.applicant) errors.push({ field: 'applicant', code: 'applicant_is_caller' });
  } else if (!input.applicant) {
    errors.push({ field: 'applicant', code: 'required' });
  } else {
    const nik = parseNik(input.applicant.nik, ports.regions, {
      birthDate: input.applicant.birthDate,
    });
    if (!nik.ok) errors.push({ field: 'applicant.nik', code: nik.problem });
    else {
      named = {
        nik: nik.value.nik,
        name: input.applicant.name.trim(),
        ...(input.applicant.birthDate ? { birthDate: input.applicant.birthDate } : {}),
      };
      applicantId = (await ports.findApplicantByNik(nik.value.nik))?.id;
    }
  }

  const channels = CHANNELS_OF[submittedBy.kind];
  const channel = input.channel ?? channels[0];
  if (!channels.includes(channel))
    errors.push({
      field: 'channel',
      code: 'channel_not_for_caller',
      params: { values: channels.join(', ') },
    });

  // Only once the applicant is known: a wrong NIK is the problem to report, not the business.
  const applicantNamed = !errors.some((error) => error.field.startsWith('applicant'));
  if (
    input.businessId &&
    applicantNamed &&
    !(applicantId && (await ports.actsFor(applicantId, input.businessId)))
  )
    errors.push({ field: 'businessId', code: 'not_business_member' });

  const service = await ports.findService(input.serviceCode);
  if (!service)
    errors.push({
      field: 'serviceCode',
      code: 'unknown_service',
      params: { serviceCode: input.serviceCode },
    });
  errors.push(...(await offeredDocumentProblems(submittedBy, input.documents, ports)));
  if (errors.length > 0 || !service) throw DomainError.validation(errors, 422);

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
      channel,
      ...(applicantId ? { applicantId } : {}),
      ...(input.businessId ? { businessId: input.businessId } : {}),
      submittedBy,
      submittedAt,
    };
    const application: NewApplication = {
      ...event,
      ...(named ? { applicant: named } : {}),
      ...(input.documents?.length ? { documents: input.documents } : {}),
    };
    const receipt: ApplicationReceiptV1 = {
      applicationId,
      trackingNo: event.trackingNo,
      status: 'SUBMITTED',
      serviceCode: event.serviceCode,
      agencyCode: event.agencyCode,
      channel: event.channel,
      submittedAt: toZonedIso(now, service.agencyTimeZone),
    };
    if (await ports.add(application, event, receipt)) return receipt;
  }
  throw new Error(`no free tracking number after ${TRACKING_NO_ATTEMPTS} attempts`);
}
