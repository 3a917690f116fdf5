import { DomainError, type FieldError } from '@satupintu/common';
import {
  OSS_CONNECTOR_CLIENT_ID,
  type ApplicationReceiptV1,
  type ConsentV2,
  type ApplicationSubmittedV2,
  type Channel,
  type FormDataV2,
  type Principal,
  type QueueTicketRefV1,
  type ServedTicketV1,
  type SubmissionPartyV2,
  type SubmitApplicationV2,
  type SubmitterV2,
} from '@satupintu/contracts';
import { parseNik, toZonedIso, type RegionIndex } from '@satupintu/domain';
import { checkAgainstStandard, type ServiceStandardRules } from './standard-checks';
import { offeredDocumentProblems, type AttachDocumentsPorts } from '../documents/attach-documents';
import { requirementProblems } from '../documents/document-access';

/**
 * What intake stores: the event's facts and, for an applicant an officer or a client names by
 * NIK, the details they gave (only intake keeps them; the event carries ids only).
 */
export interface NewApplication extends ApplicationSubmittedV2 {
  applicant?: {
    nik: string;
    name: string;
    birthDate?: string;
    /** The consent recorded by the officer who submitted for them. */
    consent?: ConsentV2;
  };
  /** The submitting API client's own reference, unique per client. */
  externalReference?: string;
  /** The form data, checked against the service's standard (a bundle's: against each step's). */
  form?: FormDataV2;
  /**
   * The documents it holds, by requirement: those the submitter uploaded (attached in the same
   * transaction) and, for a bundle's step, the upstream steps' outputs.
   */
  documents?: StepDocument[];
}

/** A document a step's application holds for one requirement: uploaded, or an upstream output. */
export type StepDocument =
  | { requirement: string; documentId: string }
  | {
      requirement: string;
      fromStep: string;
      /** The upstream step's application (its tracking number), whatever it issued. */
      fromApplication: string;
      outputNumber?: string;
      documentId?: string;
    };

export interface SubmitApplicationPorts extends AttachDocumentsPorts {
  regions: RegionIndex;
  findService(
    code: string,
  ): Promise<
    | ({ code: string; agencyCode: string; agencyTimeZone: string } & ServiceStandardRules)
    | undefined
  >;
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
  /**
   * The queue's answer, asked as the officer: the ticket they name is the one called to their
   * counter now (a 422 on `queueTicket` if not).
   */
  servedTicket(ticketCode: string): Promise<ServedTicketV1>;
  /** The application a client submitted under its own reference, if any. */
  findByExternalReference(
    clientId: string,
    externalReference: string,
  ): Promise<{ trackingNo: string } | undefined>;
  newId(): string;
  newTrackingNo(): string;
  now(): Date;
}

/** The 409 of a client reference used before: it names the case the first request opened. */
export function externalReferenceExists(externalReference: string, trackingNo: string) {
  return new DomainError('external_reference_exists', 409, [], { externalReference, trackingNo });
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

export interface Applying {
  submittedBy: SubmitterV2;
  applicantId?: string;
  /** The applicant's details an officer or a client gave (only intake keeps them). */
  named?: NewApplication['applicant'];
  channel: Channel;
}

/**
 * Decides who applies from the caller: a signed-in applicant is the applicant; an officer or a
 * client names one by a real NIK (region, birth date, serial, and the stated birth date if
 * given), linked to their account when they have one. The channel must be one the caller
 * submits through, and a business one the applicant acts for (or the one the OSS connector
 * vouches for, `vouchesForBusiness`). Problems are added to `errors`,
 * per field; a caller who may not submit at all is refused at once (401/403).
 */
export async function whoApplies(
  principal: Principal,
  input: SubmissionPartyV2,
  ports: Pick<SubmitApplicationPorts, 'regions' | 'findApplicantByNik' | 'actsFor'>,
  errors: FieldError[],
): Promise<Applying> {
  const submittedBy = submitterOf(principal);

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
        ...(input.applicant.consent ? { consent: { ...input.applicant.consent } } : {}),
      };
      applicantId = (await ports.findApplicantByNik(nik.value.nik))?.id;
    }
  }

  // A person at the counter or on the phone agrees to what the officer submits for them.
  if (submittedBy.kind === 'officer' && input.applicant && !input.applicant.consent)
    errors.push({ field: 'applicant.consent', code: 'consent_required' });

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
    !vouchesForBusiness(submittedBy) &&
    !(applicantId && (await ports.actsFor(applicantId, input.businessId)))
  )
    errors.push({ field: 'businessId', code: 'not_business_member' });

  return { submittedBy, applicantId, named, channel };
}

/**
 * Whether the submitter's word for the business is enough: the OSS connector names the business
 * identity has just made or brought up to date from OSS's NIB, owned by the very person it names
 * (ADR 0035). Intake's copy of a business's members follows identity's events, a moment behind,
 * and an owner OSS named is only pending until they register: asking it would refuse them.
 */
function vouchesForBusiness(submittedBy: SubmitterV2): boolean {
  return submittedBy.kind === 'client' && submittedBy.clientId === OSS_CONNECTOR_CLIENT_ID;
}

/**
 * Accepts an application. The caller decides who applies (`whoApplies`); the service must be
 * in the catalog, the channel one the service takes, form data valid for the service's
 * standard, and the documents the caller's own, attached nowhere yet. Every problem is reported
 * at once, per field. On success the owning agency is told through the outbox.
 */
export async function submitApplication(
  principal: Principal,
  input: SubmitApplicationV2,
  ports: SubmitApplicationPorts,
): Promise<ApplicationReceiptV1> {
  const errors: FieldError[] = [];
  const { submittedBy, applicantId, named, channel } = await whoApplies(
    principal,
    input,
    ports,
    errors,
  );

  const service = await ports.findService(input.serviceCode);
  if (!service)
    errors.push({
      field: 'serviceCode',
      code: 'unknown_service',
      params: { serviceCode: input.serviceCode },
    });
  else errors.push(...checkAgainstStandard(service, channel, input.form, ports.regions));
  errors.push(
    ...(await offeredDocumentProblems(
      submittedBy,
      input.documents,
      service
        ? (offered, theirs) => requirementProblems(service.documents ?? null, offered, theirs)
        : undefined,
      ports,
    )),
  );
  if (input.externalReference !== undefined && submittedBy.kind !== 'client')
    errors.push({ field: 'externalReference', code: 'external_reference_not_for_caller' });
  const queueTicket =
    input.queueTicket !== undefined && service
      ? await counterTicket(
          input.queueTicket,
          submittedBy,
          channel,
          service.agencyCode,
          ports,
          errors,
        )
      : undefined;
  if (errors.length > 0 || !service) throw DomainError.validation(errors, 422);
  // A client's system sending its case again (not a retry with the same Idempotency-Key: a
  // second request) learns where the first one went instead of creating a second case.
  if (input.externalReference !== undefined && submittedBy.kind === 'client') {
    const existing = await ports.findByExternalReference(
      submittedBy.clientId!,
      input.externalReference,
    );
    if (existing) throw externalReferenceExists(input.externalReference, existing.trackingNo);
  }

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
      ...(queueTicket ? { queueTicket } : {}),
    };
    const application: NewApplication = {
      ...event,
      ...(named ? { applicant: named } : {}),
      ...(input.form ? { form: input.form } : {}),
      ...(input.documents?.length ? { documents: input.documents } : {}),
      ...(input.externalReference !== undefined
        ? { externalReference: input.externalReference }
        : {}),
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

/**
 * The queue ticket a front-desk officer names when submitting at the counter (ADR 0037): theirs
 * to name only at the counter, called to their counter now (the queue answers, asked as them),
 * and for a service of the application's agency. Problems go to `errors`, on `queueTicket`.
 */
async function counterTicket(
  ticketCode: string,
  submittedBy: SubmitterV2,
  channel: Channel,
  agencyCode: string,
  ports: Pick<SubmitApplicationPorts, 'servedTicket'>,
  errors: FieldError[],
): Promise<QueueTicketRefV1 | undefined> {
  if (submittedBy.kind !== 'officer' || channel !== 'COUNTER') {
    errors.push({ field: 'queueTicket', code: 'queue_ticket_not_for_caller' });
    return undefined;
  }
  let ticket: ServedTicketV1;
  try {
    ticket = await ports.servedTicket(ticketCode);
  } catch (error) {
    if (!(error instanceof DomainError && error.status === 422)) throw error;
    errors.push(...error.errors);
    return undefined;
  }
  if (ticket.agencyCode !== agencyCode) {
    errors.push({
      field: 'queueTicket',
      code: 'queue_ticket_of_other_agency',
      params: { agencyCode: ticket.agencyCode },
    });
    return undefined;
  }
  return { code: ticket.ticketCode, counterCode: ticket.counterCode };
}
