import { DomainError } from '@satupintu/common';
import type {
  ApplicationRequirementsV1,
  ApplicationV1,
  ApplicationWithdrawnV1,
  HeldDocumentV1,
  Principal,
  Status,
} from '@satupintu/contracts';
import type { FormFieldRule } from '@satupintu/domain';
import type { DocumentRequirementRule } from '../documents/document-access';
import type { StepDocument } from './submit-application';
import { canTransition, toZonedIso } from '@satupintu/domain';
import { ownerOf, type ApplicationsOwner, type ListedApplication } from './list-applications';

/** An application as intake keeps it, with whose it is. */
export interface StoredApplication extends ListedApplication {
  businessId: string | null;
  applicantId: string | null;
  submittedByClient: string | null;
  status: Status;
  statusChangedAt: Date | null;
  /** When its applicant last sent corrections after NEEDS_REVISION. */
  resubmittedAt?: Date | null;
  /** Once ISSUED: the output's number and, once the agency delivered it, its document. */
  outputNumber?: string | null;
  outputDocumentId?: string | null;
}

export interface FollowApplicationPorts {
  find(trackingNo: string): Promise<StoredApplication | undefined>;
}

/** What an application holds, beside its facts: read only to show its requirements. */
export interface HeldByApplication {
  /** The names of the form fields it gives. */
  formFields: string[];
  /** Its `documents` as submitted (uploads by requirement, upstream outputs of a bundle). */
  documents: StepDocument[];
  /** The uploaded documents attached to it, by id. */
  uploads: HeldDocumentV1[];
}

export interface GetApplicationPorts extends FollowApplicationPorts {
  /** The service's standard, as far as its requirements go; undefined without one. */
  standardOf(serviceCode: string): Promise<
    | {
        fields: readonly FormFieldRule[] | null;
        documents: readonly DocumentRequirementRule[] | null;
      }
    | undefined
  >;
  held(applicationId: string): Promise<HeldByApplication>;
}

export interface WithdrawApplicationPorts extends FollowApplicationPorts {
  /**
   * Marks it WITHDRAWN and records the event, only if it is still in `from`; false when its
   * status changed meanwhile (an agency's decision arrived).
   */
  withdraw(
    application: StoredApplication,
    from: Status,
    event: ApplicationWithdrawnV1,
  ): Promise<boolean>;
  now(): Date;
}

/** Its status may change under a withdrawal a few times (one agency event each); then give up. */
const WITHDRAW_ATTEMPTS = 3;

function isOwnedBy(application: StoredApplication, owner: ApplicationsOwner): boolean {
  return 'applicantId' in owner
    ? application.applicantId === owner.applicantId
    : application.submittedByClient === owner.clientId;
}

function notFound(trackingNo: string): DomainError {
  return new DomainError('application_not_found', 404, [], { trackingNo });
}

export function viewOf(application: StoredApplication): ApplicationV1 {
  const zone = application.agencyTimeZone;
  return {
    applicationId: application.applicationId,
    trackingNo: application.trackingNo,
    serviceCode: application.serviceCode,
    agencyCode: application.agencyCode,
    channel: application.channel,
    ...(application.businessId ? { businessId: application.businessId } : {}),
    status: application.status,
    submittedAt: toZonedIso(application.submittedAt, zone),
    ...(application.statusChangedAt
      ? { statusChangedAt: toZonedIso(application.statusChangedAt, zone) }
      : {}),
    ...(application.resubmittedAt
      ? { resubmittedAt: toZonedIso(application.resubmittedAt, zone) }
      : {}),
    ...(application.outputNumber
      ? {
          output: {
            number: application.outputNumber,
            ...(application.outputDocumentId ? { documentId: application.outputDocumentId } : {}),
          },
        }
      : {}),
  };
}

/**
 * The application, to its applicant (or the API client that submitted it, with
 * `applications:read`). Anyone else is told it does not exist, as for a number nobody has.
 */
export async function getApplication(
  principal: Principal,
  trackingNo: string,
  ports: GetApplicationPorts,
): Promise<ApplicationV1> {
  const owner = ownerOf(principal);
  const application = await ports.find(trackingNo);
  if (!application || !isOwnedBy(application, owner)) throw notFound(trackingNo);
  const [standard, held] = await Promise.all([
    ports.standardOf(application.serviceCode),
    ports.held(application.applicationId),
  ]);
  const requirements =
    standard?.fields && standard.documents
      ? requirementsState(standard.fields, standard.documents, held)
      : undefined;
  return { ...viewOf(application), ...(requirements ? { requirements } : {}) };
}

/**
 * The standard's requirements against what the application holds: each form field given or
 * not, each document requirement attached (the upload's details), filled by an upstream bundle
 * step's output, or missing. Mandatory ones missing are shown, not refused: the agency collects
 * them while verifying.
 */
export function requirementsState(
  fields: readonly FormFieldRule[],
  documents: readonly DocumentRequirementRule[],
  held: HeldByApplication,
): ApplicationRequirementsV1 {
  const given = new Set(held.formFields);
  const uploads = new Map(held.uploads.map((upload) => [upload.documentId, upload]));
  const byRequirement = new Map(held.documents.map((document) => [document.requirement, document]));
  return {
    fields: fields.map((field) => ({
      name: field.name,
      required: field.required,
      given: given.has(field.name),
    })),
    documents: documents.map((rule) => {
      const state = { requirement: rule.kind, mandatory: rule.mandatory };
      const document = byRequirement.get(rule.kind);
      if (document && 'fromStep' in document)
        return {
          ...state,
          state: 'FROM_STEP' as const,
          fromStep: document.fromStep,
          ...(document.outputNumber ? { outputNumber: document.outputNumber } : {}),
          ...(document.documentId ? { documentId: document.documentId } : {}),
        };
      const upload = document?.documentId ? uploads.get(document.documentId) : undefined;
      if (upload) return { ...state, state: 'ATTACHED' as const, document: upload };
      return { ...state, state: 'MISSING' as const };
    }),
  };
}

/**
 * The applicant withdraws their application while no decision is made (the status rules of
 * libs/domain); the owning agency is told through the outbox (ApplicationWithdrawn).
 */
export async function withdrawApplication(
  principal: Principal,
  trackingNo: string,
  ports: WithdrawApplicationPorts,
): Promise<ApplicationV1> {
  if (principal.kind === 'anonymous')
    throw new DomainError('unauthenticated', 401, [], { resource: 'applications' });
  if (principal.kind !== 'applicant' || !principal.subject)
    throw new DomainError('forbidden', 403, [], { resource: 'applications' });
  const owner = { applicantId: principal.subject };
  for (let attempt = 0; attempt < WITHDRAW_ATTEMPTS; attempt++) {
    const application = await ports.find(trackingNo);
    if (!application || !isOwnedBy(application, owner)) throw notFound(trackingNo);
    if (!canTransition(application.status, 'WITHDRAWN'))
      throw new DomainError('application_not_withdrawable', 409, [], {
        trackingNo,
        status: application.status,
      });
    const now = ports.now();
    const event: ApplicationWithdrawnV1 = {
      applicationId: application.applicationId,
      trackingNo: application.trackingNo,
      agencyCode: application.agencyCode,
      withdrawnAt: now.toISOString(),
    };
    if (await ports.withdraw(application, application.status, event))
      return viewOf({ ...application, status: 'WITHDRAWN', statusChangedAt: now });
  }
  throw new Error(`the status of ${trackingNo} kept changing under its withdrawal`);
}
