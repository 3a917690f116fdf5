import { DomainError, type FieldError } from '@satupintu/common';
import type {
  ApplicationResubmittedV1,
  ApplicationV1,
  AttachedDocumentV2,
  FormDataV2,
  Principal,
  ResubmitApplicationV1,
} from '@satupintu/contracts';
import type { RegionIndex } from '@satupintu/domain';
import { offeredDocumentProblems, type AttachDocumentsPorts } from '../documents/attach-documents';
import { requirementProblems, type DocumentOwner } from '../documents/document-access';
import { viewOf, type StoredApplication } from './follow-application';
import type { ApplicationsOwner } from './list-applications';
import { checkAgainstStandard, type ServiceStandardRules } from './standard-checks';

/** An application as a resubmission sees it: with the form it holds. */
export interface RevisableApplication extends StoredApplication {
  form: FormDataV2 | null;
}

/** What a resubmission writes, in one transaction. */
export interface Resubmission {
  application: RevisableApplication;
  /** The corrected fields, merged over the stored form. */
  corrected: FormDataV2;
  /** New documents, each replacing the one attached for its requirement. */
  documents: AttachedDocumentV2[];
  /** Who uploaded them: the resubmitter. */
  uploader: DocumentOwner;
  event: ApplicationResubmittedV1;
}

export interface ResubmitApplicationPorts extends AttachDocumentsPorts {
  regions: RegionIndex;
  find(trackingNo: string): Promise<RevisableApplication | undefined>;
  findService(code: string): Promise<ServiceStandardRules | undefined>;
  /**
   * Writes the resubmission and its event, with the answer kept under the request's
   * `Idempotency-Key`, only while the application is NEEDS_REVISION; false when its status
   * changed meanwhile.
   */
  resubmit(resubmission: Resubmission, answer: ApplicationV1): Promise<boolean>;
  now(): Date;
}

/**
 * Who may resubmit, and as whom their new documents were uploaded: the applicant, or the API
 * client (`applications:submit`) that submitted the application for them. A front-desk officer
 * does not: a walk-in applicant corrects their own case (online, or through the client).
 */
function resubmitterOf(principal: Principal): {
  owner: ApplicationsOwner;
  uploader: DocumentOwner;
} {
  if (principal.kind === 'anonymous')
    throw new DomainError('unauthenticated', 401, [], { resource: 'applications' });
  if (principal.kind === 'applicant' && principal.subject)
    return {
      owner: { applicantId: principal.subject },
      uploader: { kind: 'applicant', subject: principal.subject },
    };
  if (
    principal.kind === 'client' &&
    principal.subject &&
    principal.clientId &&
    principal.scopes.includes('applications:submit')
  )
    return {
      owner: { clientId: principal.clientId },
      uploader: { kind: 'client', subject: principal.subject, clientId: principal.clientId },
    };
  throw new DomainError('forbidden', 403, [], { resource: 'applications' });
}

function isOwnedBy(application: StoredApplication, owner: ApplicationsOwner): boolean {
  return 'applicantId' in owner
    ? application.applicantId === owner.applicantId
    : application.submittedByClient === owner.clientId;
}

/**
 * After the agency sent the application back (NEEDS_REVISION), its applicant sends only what
 * they corrected. The corrected fields are merged over the stored form and the merged form is
 * checked against the service's standard (per field, as at submission); each new document must
 * be the resubmitter's and attached nowhere, and replaces the one attached for its requirement.
 * The status stays NEEDS_REVISION (the shared vocabulary has no "resubmitted"): the owning agency,
 * told through the outbox (ApplicationResubmitted), moves it back to VERIFYING. Until it does,
 * further corrections are accepted the same way.
 */
export async function resubmitApplication(
  principal: Principal,
  input: ResubmitApplicationV1,
  ports: ResubmitApplicationPorts,
): Promise<ApplicationV1> {
  const { owner, uploader } = resubmitterOf(principal);
  const { trackingNo } = input;
  const corrected = input.form ?? {};
  const documents = input.documents ?? [];
  const application = await ports.find(trackingNo);
  if (!application || !isOwnedBy(application, owner))
    throw new DomainError('application_not_found', 404, [], { trackingNo });
  if (application.status !== 'NEEDS_REVISION')
    throw new DomainError('application_not_resubmittable', 409, [], {
      trackingNo,
      status: application.status,
    });
  if (Object.keys(corrected).length === 0 && documents.length === 0)
    throw DomainError.validation([{ field: 'form', code: 'nothing_to_resubmit' }], 422);

  const errors: FieldError[] = [];
  const standard = await ports.findService(application.serviceCode);
  if (Object.keys(corrected).length > 0) {
    // The channel was accepted at submission; only the data is checked again.
    errors.push(
      ...checkAgainstStandard(
        { fields: standard?.fields ?? null },
        application.channel,
        { ...(application.form ?? {}), ...corrected },
        ports.regions,
      ),
    );
  }
  // As at submission: the resubmitter's own documents, each for one of the standard's document
  // requirements (once each), of a type and size it allows.
  errors.push(
    ...(await offeredDocumentProblems(
      uploader,
      documents,
      (offered, theirs) => requirementProblems(standard?.documents ?? null, offered, theirs),
      ports,
    )),
  );
  if (errors.length > 0) throw DomainError.validation(errors, 422);

  const now = ports.now();
  const event: ApplicationResubmittedV1 = {
    applicationId: application.applicationId,
    trackingNo: application.trackingNo,
    agencyCode: application.agencyCode,
    fields: Object.keys(corrected),
    requirements: documents.map((document) => document.requirement),
    resubmittedAt: now.toISOString(),
  };
  const answer = viewOf({ ...application, resubmittedAt: now });
  const written = await ports.resubmit(
    { application, corrected, documents, uploader, event },
    answer,
  );
  if (!written) {
    const current = await ports.find(trackingNo);
    throw new DomainError('application_not_resubmittable', 409, [], {
      trackingNo,
      status: current?.status ?? application.status,
    });
  }
  return answer;
}
