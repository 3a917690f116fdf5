import { Injectable } from '@nestjs/common';
import { DomainError } from '@satupintu/common';
import {
  ApplicationResubmitted,
  type HeldDocumentV1,
  ApplicationSubmitted,
  type ApplicationV1,
  ApplicationWithdrawn,
  type ApplicationReceiptV1,
  type ApplicationStatusChangedV1,
  type ApplicationSubmittedV2,
  type ApplicationWithdrawnV1,
  type AttachedDocumentV2,
  type Status,
} from '@satupintu/contracts';
import { APPLICATION_STATUSES, isFinalStatus } from '@satupintu/domain';
import {
  UnitOfWork,
  completeIdempotencyClaim,
  outgoing,
  type IdempotencyClaim,
  type Transaction,
} from '@satupintu/messaging';
import { executorOf, sql, type Executor, type Sql } from '@satupintu/persistence';
import { DataSource } from 'typeorm';
import { ApplicantsRepository } from '../applicants/applicants.repository';
import type { FiledApplication } from './case-file';
import type { HeldByApplication, StoredApplication } from './follow-application';
import { refuseUnattached } from '../documents/attach-documents';
import type { AttachableDocument } from '../documents/document-access';
import { DocumentsRepository } from '../documents/documents.repository';
import type { ApplicationsOwner, ListedApplication } from './list-applications';
import {
  externalReferenceExists,
  type NewApplication,
  type StepDocument,
} from './submit-application';
import type { RevisableApplication, Resubmission } from './resubmit-application';

const FINAL_STATUSES = APPLICATION_STATUSES.filter(isFinalStatus);

const SELECT_APPLICATION = sql`
  SELECT a.id AS "applicationId", a.tracking_no AS "trackingNo",
         a.service_code AS "serviceCode", a.agency_code AS "agencyCode",
         g.time_zone AS "agencyTimeZone", a.channel, a.business_id AS "businessId",
         a.applicant_id AS "applicantId", a.submitted_by_client AS "submittedByClient",
         a.status, a.submitted_at AS "submittedAt", a.status_changed_at AS "statusChangedAt",
         a.resubmitted_at AS "resubmittedAt", a.output_number AS "outputNumber",
         a.output_document_id AS "outputDocumentId"`;
const FROM_APPLICATIONS = sql` FROM applications a JOIN agencies g ON g.code = a.agency_code`;

/** Every query on intake's `applications` table. */
@Injectable()
export class ApplicationsRepository {
  private readonly db: Executor;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    dataSource: DataSource,
  ) {
    this.db = executorOf(dataSource);
  }

  /** An owner's applications, newest first, before a (submitted_at, id) key. */
  list(
    owner: ApplicationsOwner,
    before: { submittedAt: string; applicationId: string } | undefined,
    limit: number,
  ): Promise<ListedApplication[]> {
    const whose =
      'applicantId' in owner
        ? sql`a.applicant_id = ${owner.applicantId}`
        : sql`a.submitted_by_client = ${owner.clientId}`;
    const after = before
      ? sql`AND (a.submitted_at, a.id) < (${before.submittedAt}::timestamptz, ${before.applicationId}::uuid)`
      : sql``;
    return this.db.query<ListedApplication>(sql`
      SELECT a.id AS "applicationId", a.tracking_no AS "trackingNo", a.service_code AS "serviceCode",
             a.agency_code AS "agencyCode", g.time_zone AS "agencyTimeZone", a.channel,
             a.submitted_at AS "submittedAt"
        FROM applications a JOIN agencies g ON g.code = a.agency_code
       WHERE ${whose} ${after}
       ORDER BY a.submitted_at DESC, a.id DESC
       LIMIT ${limit}`);
  }

  find(trackingNo: string): Promise<StoredApplication | undefined> {
    return this.db
      .query<StoredApplication>(
        sql`${SELECT_APPLICATION}${FROM_APPLICATIONS} WHERE a.tracking_no = ${trackingNo}`,
      )
      .then((rows) => rows[0]);
  }

  /** The application with the form it holds, for a resubmission to merge corrections over. */
  findRevisable(trackingNo: string): Promise<RevisableApplication | undefined> {
    return this.db
      .query<RevisableApplication>(
        sql`${SELECT_APPLICATION}, a.form${FROM_APPLICATIONS} WHERE a.tracking_no = ${trackingNo}`,
      )
      .then((rows) => rows[0]);
  }

  /**
   * The application with its form and who applies: the applicant's current profile when intake
   * follows it, else the details given when it was submitted for them.
   */
  findFiled(trackingNo: string): Promise<FiledApplication | undefined> {
    return this.db
      .query<FiledApplication>(
        sql`${SELECT_APPLICATION}, a.form,
                 COALESCE(p.nik, a.applicant_nik) AS "applicantNik",
                 COALESCE(p.name, a.applicant_name) AS "applicantName",
                 COALESCE(p.birth_date, a.applicant_birth_date)::text AS "applicantBirthDate"
            ${FROM_APPLICATIONS} LEFT JOIN applicants p ON p.id = a.applicant_id
           WHERE a.tracking_no = ${trackingNo}`,
      )
      .then((rows) => rows[0]);
  }

  /**
   * The corrections, together or not at all, only while the application is NEEDS_REVISION: the
   * corrected fields merged over the stored form (in the statement, so two resubmissions at once
   * both keep theirs), each replaced document detached (left to the document sweeper, which
   * removes unattached documents, row and bytes) and its successor attached, the
   * ApplicationResubmitted event, and the answer under the request's Idempotency-Key.
   */
  async resubmit(
    resubmission: Resubmission,
    answer: ApplicationV1,
    claim: IdempotencyClaim | undefined,
  ): Promise<boolean> {
    const { application, corrected, documents, uploader, event } = resubmission;
    const replaced = documents.map((document) => document.requirement);
    return this.unitOfWork.run(async (tx) => {
      const form = Object.keys(corrected).length
        ? sql`form = COALESCE(form, '{}'::jsonb) || ${JSON.stringify(corrected)}::jsonb,`
        : sql``;
      const held = replaced.length
        ? sql`documents = COALESCE((SELECT jsonb_agg(held) FROM jsonb_array_elements(documents) held
                                    WHERE NOT (held->>'requirement' = ANY(${replaced}::text[]))),
                                  '[]'::jsonb) || ${JSON.stringify(documents)}::jsonb,`
        : sql``;
      const updated = await tx.query(sql`
        UPDATE applications SET ${form} ${held} resubmitted_at = ${event.resubmittedAt}
         WHERE id = ${application.applicationId} AND status = 'NEEDS_REVISION'
        RETURNING 1`);
      if (updated.length === 0) return false;
      if (documents.length > 0) {
        await tx.execute(sql`
          UPDATE documents SET application_id = NULL, requirement = NULL
           WHERE application_id = ${application.applicationId}
             AND requirement = ANY(${replaced}::text[])`);
        const attached = await DocumentsRepository.attach(
          tx,
          application.applicationId,
          uploader,
          documents,
        );
        refuseUnattached(documents, attached);
      }
      tx.publish(ApplicationResubmitted, event);
      if (claim) await completeIdempotencyClaim(tx, claim, answer);
      return true;
    });
  }

  /**
   * What the application holds: its form's field names, its documents, and the details of its
   * uploads (those attached to it, or, for a bundle's step, to its bundle case).
   */
  async held(applicationId: string): Promise<HeldByApplication> {
    const [[application], uploads] = await Promise.all([
      this.db.query<{ fields: string[] | null; documents: StepDocument[] | null }>(sql`
        SELECT (SELECT array_agg(k) FROM jsonb_object_keys(form) AS k) AS fields, documents
          FROM applications WHERE id = ${applicationId}`),
      this.db.query<HeldDocumentV1>(sql`
        SELECT id AS "documentId", content_type AS "contentType", size, sha256
          FROM documents
         WHERE application_id = ${applicationId}
            OR bundle_case_id = (SELECT bundle_case_id FROM applications WHERE id = ${applicationId})
         ORDER BY created_at`),
    ]);
    return {
      formFields: application?.fields ?? [],
      documents: application?.documents ?? [],
      uploads,
    };
  }

  /** WITHDRAWN and its event, together, only if the application is still in `from`. */
  async withdraw(
    application: StoredApplication,
    from: Status,
    event: ApplicationWithdrawnV1,
  ): Promise<boolean> {
    const written = await this.unitOfWork.writeWithEvents(
      sql`UPDATE applications SET status = 'WITHDRAWN', status_changed_at = ${event.withdrawnAt}
           WHERE id = ${application.applicationId} AND status = ${from}`,
      [outgoing(ApplicationWithdrawn, event)],
    );
    return written > 0;
  }

  /**
   * The status the owning agency reports. A final status stays: the agency may report a step
   * it took before it heard of the applicant's withdrawal. Answers the bundle case the
   * application is a step of, if any, from the same statement: every status change of every
   * application passes here, and the bundles need to know (one round trip, not two).
   */
  async followStatus(
    tx: Transaction,
    event: ApplicationStatusChangedV1,
  ): Promise<{ bundleCaseId: string } | undefined> {
    const [step] = await tx.query<{ bundleCaseId: string }>(sql`
      WITH followed AS (
        UPDATE applications SET status = ${event.to}, status_changed_at = ${event.changedAt}
         WHERE id = ${event.applicationId} AND status <> ALL (${FINAL_STATUSES}::text[]))
      SELECT bundle_case_id AS "bundleCaseId" FROM bundle_steps
       WHERE application_id = ${event.applicationId}`);
    return step;
  }

  findApplicantByNik(nik: string): Promise<{ id: string } | undefined> {
    return ApplicantsRepository.byNik(this.db, nik);
  }

  actsFor(applicantId: string, businessId: string): Promise<boolean> {
    return ApplicantsRepository.actsFor(this.db, applicantId, businessId);
  }

  findDocuments(ids: string[]): Promise<AttachableDocument[]> {
    return DocumentsRepository.findAttachable(this.db, ids);
  }

  /**
   * The application, its ApplicationSubmitted event, its documents' attachment and, under the
   * request's Idempotency-Key, its receipt: together or not at all. Without documents, one
   * statement (the hot path).
   */
  async addSubmitted(
    application: NewApplication,
    event: ApplicationSubmittedV2,
    receipt: ApplicationReceiptV1,
    claim: IdempotencyClaim | undefined,
  ): Promise<boolean> {
    const { submittedBy } = application;
    const documents = uploadedDocumentsOf(application);
    const insert = ApplicationsRepository.insert(application);
    try {
      if (!documents.length || !submittedBy) {
        await this.unitOfWork.writeWithEvents(
          insert,
          [outgoing(ApplicationSubmitted, event)],
          claim ? { completes: { claim, response: receipt } } : {},
        );
        return true;
      }
      await this.unitOfWork.run(async (tx) => {
        await tx.execute(insert);
        const attached = await DocumentsRepository.attach(
          tx,
          application.applicationId,
          submittedBy,
          documents,
        );
        refuseUnattached(documents, attached);
        tx.publish(ApplicationSubmitted, event);
        if (claim) await completeIdempotencyClaim(tx, claim, receipt);
      });
      return true;
    } catch (error) {
      if (violates(error, TRACKING_NO_TAKEN)) return false;
      // Two submissions for one ticket at once: the ticket leads to one application.
      if (violates(error, QUEUE_TICKET_TAKEN))
        throw DomainError.validation(
          [{ field: 'queueTicket', code: 'queue_ticket_has_application' }],
          422,
        );
      // Two requests with one client reference at once: the second learns the first's case.
      if (violates(error, EXTERNAL_REFERENCE_TAKEN) && application.externalReference) {
        const existing = await this.findByExternalReference(
          submittedBy!.clientId!,
          application.externalReference,
        );
        if (existing)
          throw externalReferenceExists(application.externalReference, existing.trackingNo);
      }
      throw error;
    }
  }

  findByExternalReference(
    clientId: string,
    externalReference: string,
  ): Promise<{ trackingNo: string } | undefined> {
    return this.db
      .query<{ trackingNo: string }>(
        sql`SELECT tracking_no AS "trackingNo" FROM applications
             WHERE submitted_by_client = ${clientId} AND external_reference = ${externalReference}`,
      )
      .then((rows) => rows[0]);
  }

  /**
   * The INSERT of an application (a bundle's step too: it names its bundle and step, and
   * carries the bundle's data and documents). Skips, writing nothing, when the tracking number
   * is taken.
   */
  static insert(application: NewApplication): Sql {
    const { applicant, submittedBy } = application;
    return sql`INSERT INTO applications (id, tracking_no, service_code, agency_code, channel,
              applicant_nik, applicant_name, applicant_birth_date, applicant_id, business_id,
              submitted_by_kind, submitted_by_subject, submitted_by_client, submitted_at,
              bundle_case_id, step_key, form, documents, applicant_consent_method,
              applicant_consent_reference, external_reference, queue_ticket_code, counter_code)
            VALUES (${application.applicationId}, ${application.trackingNo},
              ${application.serviceCode}, ${application.agencyCode}, ${application.channel},
              ${applicant?.nik ?? null}, ${applicant?.name ?? null},
              ${applicant?.birthDate ?? null}, ${application.applicantId ?? null},
              ${application.businessId ?? null}, ${submittedBy?.kind ?? null},
              ${submittedBy?.subject ?? null}, ${submittedBy?.clientId ?? null},
              ${application.submittedAt}, ${application.bundleCaseId ?? null},
              ${application.stepKey ?? null},
              ${application.form ? JSON.stringify(application.form) : null}::jsonb,
              ${application.documents ? JSON.stringify(application.documents) : null}::jsonb,
              ${applicant?.consent?.method ?? null}, ${applicant?.consent?.reference ?? null},
              ${application.externalReference ?? null},
              ${application.queueTicket?.code ?? null},
              ${application.queueTicket?.counterCode ?? null})`;
  }
}

const TRACKING_NO_TAKEN = 'applications_tracking_no_key';
const EXTERNAL_REFERENCE_TAKEN = 'applications_client_external_reference_key';
const QUEUE_TICKET_TAKEN = 'applications_queue_ticket_key';

/** The documents the submitter uploaded, as opposed to the upstream outputs a bundle step holds. */
function uploadedDocumentsOf(application: NewApplication): AttachedDocumentV2[] {
  return (application.documents ?? []).flatMap((document) =>
    'fromStep' in document ? [] : [document],
  );
}

export function violates(error: unknown, constraint: string): boolean {
  const driverError =
    (error as { driverError?: { code?: string; constraint?: string } }).driverError ??
    (error as { code?: string; constraint?: string });
  return driverError?.code === '23505' && driverError.constraint === constraint;
}
