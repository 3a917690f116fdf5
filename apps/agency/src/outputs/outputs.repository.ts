import { sql, type Executor } from '@satupintu/persistence';
import type { IssuedOutput } from './issue-output';
import type { BilingualText } from './output-pdf';
import { canonicalStatement } from './output-signature';

/** An issued output as kept, without its PDF (read apart: only a download needs the bytes). */
export interface OutputRecord {
  documentNo: string;
  applicationId: string;
  serviceCode: string;
  serviceName: BilingualText;
  agencyName: string;
  timeZone: string;
  issuedAt: Date;
  issuedBy: string;
  pdfSha256: string;
  /** The canonical JSON that was signed, byte for byte. */
  statement: string;
  signature: string;
  keyId: string;
  revoked?: { at: Date; reason: string; by: string };
}

interface OutputRow extends Omit<OutputRecord, 'revoked'> {
  revokedAt: Date | null;
  revokeReason: string | null;
  revokedBy: string | null;
}

const COLUMNS = sql`
  document_no AS "documentNo", application_id AS "applicationId", service_code AS "serviceCode",
  service_name AS "serviceName", agency_name AS "agencyName", time_zone AS "timeZone",
  issued_at AS "issuedAt", issued_by AS "issuedBy", pdf_sha256 AS "pdfSha256", statement,
  signature, key_id AS "keyId", revoked_at AS "revokedAt", revoke_reason AS "revokeReason",
  revoked_by AS "revokedBy"`;

/** Every query on `outputs` and `output_number_sequences`; the executor may be a transaction. */
export const OutputsRepository = {
  /**
   * The next number of the year: one statement, so concurrent issues each get their own. The
   * row stays locked until the caller's transaction ends, so a rolled-back issue gives its
   * number back and the sequence has no gaps.
   */
  async nextSequence(db: Executor, year: number): Promise<number> {
    const [row] = await db.query<{ sequence: number }>(sql`
      INSERT INTO output_number_sequences (year, last_sequence) VALUES (${year}, 1)
      ON CONFLICT (year) DO UPDATE
         SET last_sequence = output_number_sequences.last_sequence + 1
      RETURNING last_sequence AS sequence`);
    return row.sequence;
  },

  async insert(db: Executor, output: IssuedOutput): Promise<void> {
    await db.execute(sql`
      INSERT INTO outputs (document_no, application_id, service_code, service_name, agency_name,
        time_zone, issued_at, issued_by, pdf, pdf_sha256, statement, signature, key_id)
      VALUES (${output.documentNo}, ${output.applicationId}, ${output.serviceCode},
        ${JSON.stringify(output.serviceName)}::jsonb, ${output.agencyName}, ${output.timeZone},
        ${output.issuedAt}, ${output.issuedBy}, ${Buffer.from(output.pdf)}, ${output.pdfSha256},
        ${canonicalStatement(output).toString('utf8')}, ${output.signature}, ${output.keyId})`);
  },

  async byNumber(db: Executor, documentNo: string): Promise<OutputRecord | undefined> {
    const [row] = await db.query<OutputRow>(sql`
      SELECT ${COLUMNS} FROM outputs WHERE document_no = ${documentNo}`);
    return row && toRecord(row);
  },

  async byApplication(db: Executor, applicationId: string): Promise<OutputRecord | undefined> {
    const [row] = await db.query<OutputRow>(sql`
      SELECT ${COLUMNS} FROM outputs WHERE application_id = ${applicationId}`);
    return row && toRecord(row);
  },

  async pdf(db: Executor, documentNo: string): Promise<Buffer | undefined> {
    const [row] = await db.query<{ pdf: Buffer }>(sql`
      SELECT pdf FROM outputs WHERE document_no = ${documentNo}`);
    return row?.pdf;
  },

  /** Revokes it unless it is revoked already; answers the record as it now stands. */
  async revoke(
    db: Executor,
    revocation: { documentNo: string; reason: string; by: string; at: Date },
  ): Promise<{ revoked: boolean; record?: OutputRecord }> {
    const [row] = await db.query<OutputRow>(sql`
      UPDATE outputs
         SET revoked_at = ${revocation.at}, revoke_reason = ${revocation.reason},
             revoked_by = ${revocation.by}
       WHERE document_no = ${revocation.documentNo} AND revoked_at IS NULL
      RETURNING ${COLUMNS}`);
    if (row) return { revoked: true, record: toRecord(row) };
    return { revoked: false, record: await this.byNumber(db, revocation.documentNo) };
  },
};

function toRecord(row: OutputRow): OutputRecord {
  const { revokedAt, revokeReason, revokedBy, ...record } = row;
  return {
    ...record,
    issuedAt: new Date(row.issuedAt),
    ...(revokedAt
      ? { revoked: { at: new Date(revokedAt), reason: revokeReason!, by: revokedBy! } }
      : {}),
  };
}
