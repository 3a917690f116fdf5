import { Injectable } from '@nestjs/common';
import type { BundleV1, ConsentMethod, EventContract } from '@satupintu/contracts';
import {
  UnitOfWork,
  type Transaction,
  completeIdempotencyClaim,
  type IdempotencyClaim,
} from '@satupintu/messaging';
import { executorOf, sql, type Executor } from '@satupintu/persistence';
import { DataSource } from 'typeorm';
import { ApplicationsRepository } from '../applications/applications.repository';
import { DocumentsRepository } from '../documents/documents.repository';
import type { BundleCaseRecord, BundleStepRecord, BundleWrites } from './bundle-case';

interface BundleRow {
  code: string;
  nameId: string;
  nameEn: string;
  descriptionId: string | null;
  descriptionEn: string | null;
  steps: BundleV1['steps'];
  version: number;
}

/** Every query on `bundles`, `bundle_cases` and `bundle_steps`. */
@Injectable()
export class BundlesRepository {
  private readonly db: Executor;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    dataSource: DataSource,
  ) {
    this.db = executorOf(dataSource);
  }

  async findBundle(code: string): Promise<BundleV1 | undefined> {
    const [row] = await this.db.query<BundleRow>(sql`${BUNDLE_COLUMNS} WHERE code = ${code}`);
    return row && bundleOf(row);
  }

  /** By code, after `after` when given. */
  async listBundles(after: string | undefined, limit: number): Promise<BundleV1[]> {
    const rows = await this.db.query<BundleRow>(sql`
      ${BUNDLE_COLUMNS} ${after ? sql`WHERE code > ${after}` : sql``}
      ORDER BY code LIMIT ${limit}`);
    return rows.map(bundleOf);
  }

  /** Inserts the bundle, or replaces its definition and bumps its version. */
  async saveBundle(bundle: Omit<BundleV1, 'version'>, definedBy: string): Promise<BundleV1> {
    const [row] = await this.db.query<BundleRow>(sql`
      INSERT INTO bundles (code, name_id, name_en, description_id, description_en, steps, defined_by)
      VALUES (${bundle.code}, ${bundle.nameId}, ${bundle.nameEn}, ${bundle.descriptionId ?? null},
              ${bundle.descriptionEn ?? null}, ${JSON.stringify(bundle.steps)}::jsonb, ${definedBy})
      ON CONFLICT (code) DO UPDATE
         SET name_id = EXCLUDED.name_id, name_en = EXCLUDED.name_en,
             description_id = EXCLUDED.description_id, description_en = EXCLUDED.description_en,
             steps = EXCLUDED.steps, defined_by = EXCLUDED.defined_by, defined_at = now(),
             version = bundles.version + 1
      RETURNING code, name_id AS "nameId", name_en AS "nameEn", description_id AS "descriptionId",
                description_en AS "descriptionEn", steps, version`);
    return bundleOf(row);
  }

  /** Adds the bundles that are not there yet, as they are. */
  async addMissing(bundles: Omit<BundleV1, 'version'>[]): Promise<number> {
    let added = 0;
    for (const bundle of bundles) {
      const { count } = await this.db.execute(sql`
        INSERT INTO bundles (code, name_id, name_en, description_id, description_en, steps, defined_by)
        VALUES (${bundle.code}, ${bundle.nameId}, ${bundle.nameEn}, ${bundle.descriptionId ?? null},
                ${bundle.descriptionEn ?? null}, ${JSON.stringify(bundle.steps)}::jsonb, 'demo-seed')
        ON CONFLICT (code) DO NOTHING`);
      added += count;
    }
    return added;
  }

  async timeZoneOf(agencyCode: string): Promise<string | undefined> {
    const [row] = await this.db.query<{ timeZone: string }>(
      sql`SELECT time_zone AS "timeZone" FROM agencies WHERE code = ${agencyCode} AND active`,
    );
    return row?.timeZone;
  }

  /** Runs `work` in one transaction whose events leave only if it commits. */
  write<T>(work: (writes: BundleWrites) => Promise<T>, claim?: IdempotencyClaim): Promise<T> {
    return this.unitOfWork.run(async (tx) => {
      const result = await work(BundlesRepository.writes(tx));
      // The answer kept under the request's Idempotency-Key commits with what it answers.
      if (claim) await completeIdempotencyClaim(tx, claim, result);
      return result;
    });
  }

  static writes(tx: Transaction): BundleWrites {
    return {
      addCase: (bundleCase) => addCase(tx, bundleCase),
      attachDocuments: (bundleCaseId, owner, documents) =>
        DocumentsRepository.attachToBundleCase(tx, bundleCaseId, owner, documents),
      addApplication: async (application) =>
        (
          await tx.execute(
            sql`${ApplicationsRepository.insert(application)} ON CONFLICT (tracking_no) DO NOTHING`,
          )
        ).count > 0,
      setStep: async (bundleCaseId, stepKey, change) => {
        await tx.execute(sql`
          UPDATE bundle_steps
             SET status = ${change.status},
                 application_id = COALESCE(${change.applicationId ?? null}::uuid, application_id),
                 output_number = COALESCE(${change.output?.number ?? null}, output_number),
                 output_document_id =
                   COALESCE(${change.output?.documentId ?? null}::uuid, output_document_id),
                 reason = COALESCE(${change.reason ?? null}, reason)
           WHERE bundle_case_id = ${bundleCaseId} AND step_key = ${stepKey}`);
      },
      finishCase: async (bundleCaseId, status, failure) => {
        await tx.execute(sql`
          UPDATE bundle_cases
             SET status = ${status}, failed_step = ${failure?.step ?? null},
                 failure_reason = ${failure?.reason ?? null}, finished_at = now()
           WHERE id = ${bundleCaseId}`);
      },
      publish: <T>(event: EventContract<T>, payload: T) => tx.publish(event, payload),
    };
  }

  /** The case and its steps; locked until the transaction ends, so decisions on it queue up. */
  static async lockCase(tx: Executor, bundleCaseId: string): Promise<BundleCaseRecord> {
    const [row] = await tx.query<CaseRow>(
      sql`${CASE_COLUMNS} WHERE c.id = ${bundleCaseId} FOR UPDATE`,
    );
    return caseOf(row, await stepsOf(tx, bundleCaseId));
  }

  /** A case by its tracking number, with whose it is: for reading only. */
  async findCase(
    trackingNo: string,
  ): Promise<{ bundleCase: BundleCaseRecord; submittedByClient?: string } | undefined> {
    const [row] = await this.db.query<CaseRow>(
      sql`${CASE_COLUMNS} WHERE c.tracking_no = ${trackingNo}`,
    );
    if (!row) return undefined;
    return {
      bundleCase: caseOf(row, await stepsOf(this.db, row.id)),
      ...(row.submittedByClient ? { submittedByClient: row.submittedByClient } : {}),
    };
  }
}

const BUNDLE_COLUMNS = sql`
  SELECT code, name_id AS "nameId", name_en AS "nameEn", description_id AS "descriptionId",
         description_en AS "descriptionEn", steps, version
    FROM bundles`;

function bundleOf(row: BundleRow): BundleV1 {
  return {
    code: row.code,
    nameId: row.nameId,
    nameEn: row.nameEn,
    ...(row.descriptionId ? { descriptionId: row.descriptionId } : {}),
    ...(row.descriptionEn ? { descriptionEn: row.descriptionEn } : {}),
    steps: row.steps,
    version: row.version,
  };
}

async function addCase(tx: Executor, c: BundleCaseRecord): Promise<boolean> {
  const { count } = await tx.execute(sql`
    INSERT INTO bundle_cases (id, tracking_no, bundle_code, bundle_version, status, channel, form,
      documents, applicant_id, applicant_nik, applicant_name, applicant_birth_date, business_id,
      submitted_by_kind, submitted_by_subject, submitted_by_client, submitted_at,
      applicant_consent_method, applicant_consent_reference)
    VALUES (${c.id}, ${c.trackingNo}, ${c.bundleCode}, ${c.bundleVersion}, ${c.status}, ${c.channel},
      ${JSON.stringify(c.form)}::jsonb, ${JSON.stringify(c.documents)}::jsonb,
      ${c.applicantId ?? null}, ${c.applicant?.nik ?? null}, ${c.applicant?.name ?? null},
      ${c.applicant?.birthDate ?? null}, ${c.businessId ?? null}, ${c.submittedBy.kind},
      ${c.submittedBy.subject}, ${c.submittedBy.clientId ?? null}, ${c.submittedAt},
      ${c.applicant?.consent?.method ?? null}, ${c.applicant?.consent?.reference ?? null})
    ON CONFLICT (tracking_no) DO NOTHING`);
  if (count === 0) return false;
  for (const [position, step] of c.steps.entries())
    await tx.execute(sql`
      INSERT INTO bundle_steps (bundle_case_id, step_key, position, service_code, agency_code,
        depends_on, inputs, status)
      VALUES (${c.id}, ${step.key}, ${position}, ${step.serviceCode}, ${step.agencyCode},
        ${step.dependsOn}::text[], ${JSON.stringify(step.inputs)}::jsonb, ${step.status})`);
  return true;
}

interface CaseRow {
  id: string;
  trackingNo: string;
  bundleCode: string;
  bundleVersion: number;
  status: BundleCaseRecord['status'];
  channel: BundleCaseRecord['channel'];
  form: BundleCaseRecord['form'];
  documents: BundleCaseRecord['documents'];
  applicantId: string | null;
  applicantNik: string | null;
  applicantName: string | null;
  applicantBirthDate: string | null;
  applicantConsentMethod: ConsentMethod | null;
  applicantConsentReference: string | null;
  businessId: string | null;
  submittedByKind: BundleCaseRecord['submittedBy']['kind'];
  submittedBySubject: string;
  submittedByClient: string | null;
  submittedAt: Date;
  failedStep: string | null;
  failureReason: string | null;
}

const CASE_COLUMNS = sql`
  SELECT c.id, c.tracking_no AS "trackingNo", c.bundle_code AS "bundleCode",
         c.bundle_version AS "bundleVersion", c.status, c.channel, c.form, c.documents,
         c.applicant_id AS "applicantId", c.applicant_nik AS "applicantNik",
         c.applicant_name AS "applicantName",
         to_char(c.applicant_birth_date, 'YYYY-MM-DD') AS "applicantBirthDate",
         c.applicant_consent_method AS "applicantConsentMethod",
         c.applicant_consent_reference AS "applicantConsentReference",
         c.business_id AS "businessId", c.submitted_by_kind AS "submittedByKind",
         c.submitted_by_subject AS "submittedBySubject", c.submitted_by_client AS "submittedByClient",
         c.submitted_at AS "submittedAt", c.failed_step AS "failedStep",
         c.failure_reason AS "failureReason"
    FROM bundle_cases c`;

function caseOf(row: CaseRow, steps: BundleStepRecord[]): BundleCaseRecord {
  return {
    id: row.id,
    trackingNo: row.trackingNo,
    bundleCode: row.bundleCode,
    bundleVersion: row.bundleVersion,
    status: row.status,
    channel: row.channel,
    form: row.form,
    documents: row.documents,
    ...(row.applicantId ? { applicantId: row.applicantId } : {}),
    ...(row.applicantNik && row.applicantName
      ? {
          applicant: {
            nik: row.applicantNik,
            name: row.applicantName,
            ...(row.applicantBirthDate ? { birthDate: row.applicantBirthDate } : {}),
            ...(row.applicantConsentMethod
              ? {
                  consent: {
                    method: row.applicantConsentMethod,
                    ...(row.applicantConsentReference
                      ? { reference: row.applicantConsentReference }
                      : {}),
                  },
                }
              : {}),
          },
        }
      : {}),
    ...(row.businessId ? { businessId: row.businessId } : {}),
    submittedBy: {
      kind: row.submittedByKind,
      subject: row.submittedBySubject,
      ...(row.submittedByClient ? { clientId: row.submittedByClient } : {}),
    },
    submittedAt: row.submittedAt.toISOString(),
    ...(row.failedStep ? { failedStep: row.failedStep } : {}),
    ...(row.failureReason ? { failureReason: row.failureReason } : {}),
    steps,
  };
}

async function stepsOf(db: Executor, bundleCaseId: string): Promise<BundleStepRecord[]> {
  const rows = await db.query<{
    key: string;
    serviceCode: string;
    agencyCode: string;
    agencyTimeZone: string;
    dependsOn: string[];
    inputs: BundleStepRecord['inputs'];
    status: BundleStepRecord['status'];
    applicationId: string | null;
    applicationTrackingNo: string | null;
    outputNumber: string | null;
    outputDocumentId: string | null;
    reason: string | null;
  }>(sql`
    SELECT s.step_key AS "key", s.service_code AS "serviceCode", s.agency_code AS "agencyCode",
           g.time_zone AS "agencyTimeZone", s.depends_on AS "dependsOn", s.inputs, s.status,
           s.application_id AS "applicationId", a.tracking_no AS "applicationTrackingNo",
           s.output_number AS "outputNumber", s.output_document_id AS "outputDocumentId", s.reason
      FROM bundle_steps s
      JOIN agencies g ON g.code = s.agency_code
      LEFT JOIN applications a ON a.id = s.application_id
     WHERE s.bundle_case_id = ${bundleCaseId}
     ORDER BY s.position`);
  return rows.map((row) => ({
    key: row.key,
    serviceCode: row.serviceCode,
    agencyCode: row.agencyCode,
    agencyTimeZone: row.agencyTimeZone,
    dependsOn: row.dependsOn,
    inputs: row.inputs,
    status: row.status,
    ...(row.applicationId ? { applicationId: row.applicationId } : {}),
    ...(row.applicationTrackingNo ? { applicationTrackingNo: row.applicationTrackingNo } : {}),
    ...(row.outputNumber
      ? {
          output: {
            number: row.outputNumber,
            ...(row.outputDocumentId ? { documentId: row.outputDocumentId } : {}),
          },
        }
      : {}),
    ...(row.reason ? { reason: row.reason } : {}),
  }));
}
