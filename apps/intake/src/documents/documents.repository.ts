import { Injectable } from '@nestjs/common';
import type { AttachedDocumentV2, DocumentContentType, DocumentV1 } from '@satupintu/contracts';
import { executorOf, sql, type Executor, type Sql } from '@satupintu/persistence';
import { DataSource } from 'typeorm';
import type { AttachableDocument, DocumentAccessFacts, DocumentOwner } from './document-access';
import type { IssuedOutput } from './issued-outputs';

export interface NewDocument {
  documentId: string;
  owner: DocumentOwner;
  objectName: string;
  contentType: DocumentContentType;
  size: number;
  sha256: string;
}

/** A document with what deciding on its download needs. */
export interface StoredDocument extends DocumentV1, DocumentAccessFacts {
  objectName: string;
}

interface DocumentRow {
  id: string;
  owner_kind: DocumentOwner['kind'];
  owner_subject: string;
  owner_client: string | null;
  content_type: DocumentContentType;
  size: number;
  sha256: string;
  object_name: string;
  created_at: Date;
  application_id: string | null;
  bundle_case_id: string | null;
  output_of: string | null;
  requirement: string | null;
  applicant_id: string | null;
  agency_code: string | null;
  bundle_applicant_id: string | null;
  /** The agencies of the bundle's opened steps whose application holds the document. */
  bundle_agencies: string[] | null;
}

function ownerOf(row: Pick<DocumentRow, 'owner_kind' | 'owner_subject' | 'owner_client'>) {
  return {
    kind: row.owner_kind,
    subject: row.owner_subject,
    ...(row.owner_client ? { clientId: row.owner_client } : {}),
  };
}

/** Every query on intake's `documents` table, the registry of uploads. */
@Injectable()
export class DocumentsRepository {
  private readonly db: Executor;

  constructor(dataSource: DataSource) {
    this.db = executorOf(dataSource);
  }

  async add(document: NewDocument, tx: Executor = this.db): Promise<Date> {
    const [row] = await tx.query<{ created_at: Date }>(sql`
      INSERT INTO documents (id, owner_kind, owner_subject, owner_client, content_type, size,
                             sha256, object_name)
      VALUES (${document.documentId}, ${document.owner.kind}, ${document.owner.subject},
              ${document.owner.clientId ?? null}, ${document.contentType}, ${document.size},
              ${document.sha256}, ${document.objectName})
      RETURNING created_at`);
    return row.created_at;
  }

  async find(documentId: string): Promise<StoredDocument | undefined> {
    // An issued output reads as attached to the application it is the output of and, if that is
    // a bundle's step, as given to the bundle: its later steps hold it (ADR 0016, 0021).
    const [row] = await this.db.query<DocumentRow>(sql`
      WITH d AS (
        SELECT d.id, d.owner_kind, d.owner_subject, d.owner_client, d.content_type, d.size,
               d.sha256, d.object_name, d.created_at, d.application_id, d.requirement,
               d.output_of, COALESCE(d.bundle_case_id, o.bundle_case_id) AS bundle_case_id
          FROM documents d LEFT JOIN applications o ON o.id = d.output_of
         WHERE d.id = ${documentId})
      SELECT d.*, a.applicant_id, a.agency_code, bc.applicant_id AS bundle_applicant_id,
             (SELECT array_agg(DISTINCT s.agency_code) FROM applications s
               WHERE s.bundle_case_id = d.bundle_case_id
                 AND s.documents @> jsonb_build_array(jsonb_build_object('documentId', d.id::text))
             ) AS bundle_agencies
        FROM d LEFT JOIN applications a ON a.id = COALESCE(d.application_id, d.output_of)
               LEFT JOIN bundle_cases bc ON bc.id = d.bundle_case_id`);
    if (!row) return undefined;
    return {
      documentId: row.id,
      contentType: row.content_type,
      size: row.size,
      sha256: row.sha256,
      createdAt: row.created_at.toISOString(),
      objectName: row.object_name,
      owner: ownerOf(row),
      ...(row.application_id && row.requirement
        ? { applicationId: row.application_id, requirement: row.requirement }
        : {}),
      ...(row.bundle_case_id
        ? {
            bundleCase: {
              ...(row.bundle_applicant_id ? { applicantId: row.bundle_applicant_id } : {}),
              agencyCodes: row.bundle_agencies ?? [],
            },
          }
        : {}),
      ...(row.agency_code
        ? {
            application: {
              agencyCode: row.agency_code,
              ...(row.applicant_id ? { applicantId: row.applicant_id } : {}),
            },
          }
        : {}),
    };
  }

  /**
   * An application's output as an ISSUED event gives it: its number on the application and its
   * PDF, if delivered, in the registry as the agency's. The event is the issuing agency's own
   * (the application must be that agency's), followed once (the inbox); a replay adds nothing.
   */
  static async keepOutput(tx: Executor, issued: IssuedOutput): Promise<void> {
    const { applicationId, agencyCode, number, document } = issued;
    const kept = await tx.query(sql`
      UPDATE applications SET output_number = ${number},
             output_document_id = ${document?.documentId ?? null}
       WHERE id = ${applicationId} AND agency_code = ${agencyCode}
      RETURNING 1`);
    if (kept.length === 0 || !document) return;
    await tx.execute(sql`
      INSERT INTO documents (id, owner_kind, owner_subject, content_type, size, sha256,
                             object_name, output_of)
      VALUES (${document.documentId}, ${document.owner.kind}, ${document.owner.subject},
              ${document.contentType}, ${document.size}, ${document.sha256},
              ${document.objectName}, ${applicationId})
      ON CONFLICT DO NOTHING`);
  }

  /**
   * A file the OSS connector stored, registered as its client's and attached to the application
   * it submitted with this tracking number, in one statement (ADR 0035). Answers the document
   * and whether this call added it (false: it was there, from an earlier call with its id);
   * undefined when the connector submitted no application with that number.
   */
  static async attachOssFile(
    tx: Executor,
    file: NewDocument & { trackingNo: string; requirement: string },
  ): Promise<{ document: DocumentV1; added: boolean } | undefined> {
    const [application] = await tx.query<{ id: string }>(sql`
      SELECT id FROM applications
       WHERE tracking_no = ${file.trackingNo} AND submitted_by_kind = 'client'
         AND submitted_by_client = ${file.owner.clientId ?? null}`);
    if (!application) return undefined;
    const added = await tx.query<{ id: string }>(sql`
      INSERT INTO documents (id, owner_kind, owner_subject, owner_client, content_type, size,
                             sha256, object_name, application_id, requirement)
      VALUES (${file.documentId}, ${file.owner.kind}, ${file.owner.subject},
              ${file.owner.clientId ?? null}, ${file.contentType}, ${file.size}, ${file.sha256},
              ${file.objectName}, ${application.id}, ${file.requirement})
      ON CONFLICT (id) DO NOTHING
      RETURNING id`);
    const [row] = await tx.query<{
      id: string;
      content_type: DocumentContentType;
      size: number;
      sha256: string;
      created_at: Date;
      application_id: string;
      requirement: string;
    }>(sql`
      SELECT id, content_type, size, sha256, created_at, application_id, requirement
        FROM documents WHERE id = ${file.documentId} AND application_id = ${application.id}`);
    if (!row) return undefined;
    return {
      added: added.length === 1,
      document: {
        documentId: row.id,
        contentType: row.content_type,
        size: row.size,
        sha256: row.sha256,
        createdAt: row.created_at.toISOString(),
        applicationId: row.application_id,
        requirement: row.requirement,
      },
    };
  }

  /** The documents among `ids`, whoever owns them, with whether each is attached. */
  static async findAttachable(db: Executor, ids: readonly string[]): Promise<AttachableDocument[]> {
    if (ids.length === 0) return [];
    const rows = await db.query<DocumentRow>(sql`
      SELECT id, owner_kind, owner_subject, owner_client, application_id, bundle_case_id,
             output_of, content_type, size
        FROM documents WHERE id = ANY(${[...ids]}::uuid[])`);
    return rows.map((row) => ({
      documentId: row.id,
      owner: ownerOf(row),
      attached:
        row.application_id !== null || row.bundle_case_id !== null || row.output_of !== null,
      contentType: row.content_type,
      size: row.size,
    }));
  }

  /**
   * Attaches the documents to the application inside the caller's transaction, each only if it
   * is still the owner's and still unattached; answers the ids it did attach. A concurrent
   * submission offering the same document waits for this one's row locks and then finds it taken.
   */
  static attach(
    tx: Executor,
    applicationId: string,
    owner: DocumentOwner,
    documents: readonly AttachedDocumentV2[],
  ): Promise<Set<string>> {
    return attachTo(tx, sql`application_id = ${applicationId}`, owner, documents);
  }

  /**
   * `attach` for a bundle: the documents go to its case, from which every step's application
   * names them, under the same conditions (still the owner's, still unattached).
   */
  static attachToBundleCase(
    tx: Executor,
    bundleCaseId: string,
    owner: DocumentOwner,
    documents: readonly AttachedDocumentV2[],
  ): Promise<Set<string>> {
    return attachTo(tx, sql`bundle_case_id = ${bundleCaseId}`, owner, documents);
  }

  /**
   * Takes out of the registry up to `limit` documents never attached and created before
   * `cutoff`, answering their object names; rows a submission is attaching right now are skipped.
   */
  static async takeAbandoned(tx: Executor, cutoff: Date, limit: number): Promise<string[]> {
    const rows = await tx.query<{ object_name: string }>(sql`
      DELETE FROM documents WHERE id IN (
        SELECT id FROM documents
         WHERE application_id IS NULL AND bundle_case_id IS NULL AND output_of IS NULL
           AND created_at < ${cutoff.toISOString()}::timestamptz
         ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING object_name`);
    return rows.map((row) => row.object_name);
  }

  /** Which of these object names the registry knows. */
  static async registered(tx: Executor, names: readonly string[]): Promise<Set<string>> {
    if (names.length === 0) return new Set();
    const rows = await tx.query<{ object_name: string }>(sql`
      SELECT object_name FROM documents WHERE object_name = ANY(${[...names]}::text[])`);
    return new Set(rows.map((row) => row.object_name));
  }
}

/** The one UPDATE of `attach` and `attachToBundleCase`; `holder` sets the column that holds them. */
async function attachTo(
  tx: Executor,
  holder: Sql,
  owner: DocumentOwner,
  documents: readonly AttachedDocumentV2[],
): Promise<Set<string>> {
  const rows = await tx.query<{ id: string }>(sql`
    UPDATE documents d SET ${holder}, requirement = o.requirement
      FROM unnest(${documents.map((document) => document.documentId)}::uuid[],
                  ${documents.map((document) => document.requirement)}::text[])
           AS o(id, requirement)
     WHERE d.id = o.id AND d.application_id IS NULL AND d.bundle_case_id IS NULL
       AND d.owner_kind = ${owner.kind} AND d.owner_subject = ${owner.subject}
       AND d.owner_client IS NOT DISTINCT FROM ${owner.clientId ?? null}
    RETURNING d.id`);
  return new Set(rows.map((row) => row.id));
}
