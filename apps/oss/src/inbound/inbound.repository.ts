import { Injectable } from '@nestjs/common';
import type { OssFileStateV1, OssFileV1, UnmappedPermitV1 } from '@satupintu/contracts';
import { executorOf, sql, type Executor } from '@satupintu/persistence';
import { DataSource } from 'typeorm';
import { withoutUrlSecrets } from './file-source';
import type { ReceivedFileDs } from './receive-file-ds';
import type { ReceivedNib, ReceivedPermit } from './receive-nib';

export type PermitState = 'OPENING' | 'OPENED' | 'UNMAPPED' | 'FAILED';

/** A checklist permit with the service the permit map chose (none: unmapped). */
export interface MappedPermit extends ReceivedPermit {
  serviceCode?: string;
}

/** A permit waiting to be opened, with who it is opened for. */
export interface PermitToOpen {
  nib: string;
  idIzin: string;
  serviceCode: string;
  state: PermitState;
  responsibleNik: string | null;
  responsibleName: string | null;
}

/** `oss_nibs`, `oss_permits`, `oss_files` (migrations 1765800000100, 1766420000100 and -200). */
@Injectable()
export class InboundRepository {
  private readonly db: Executor;

  constructor(dataSource: DataSource) {
    this.db = executorOf(dataSource);
  }

  /**
   * The NIB's latest data replaces the earlier; its count says how often OSS sent it. Answers
   * the digest of the business last brought to identity (null: none yet).
   */
  static async recordNib(tx: Executor, nib: ReceivedNib): Promise<string | null> {
    await tx.execute(sql`
      INSERT INTO oss_nibs (nib, oss_id, responsible_nik, responsible_name, data)
      VALUES (${nib.nib}, ${nib.ossId ?? null}, ${nib.responsible?.nik ?? null},
              ${nib.responsible?.name ?? null}, ${JSON.stringify(nib.data)}::jsonb)
      ON CONFLICT (nib) DO UPDATE
         SET oss_id = EXCLUDED.oss_id,
             responsible_nik = COALESCE(EXCLUDED.responsible_nik, oss_nibs.responsible_nik),
             responsible_name = COALESCE(EXCLUDED.responsible_name, oss_nibs.responsible_name),
             data = EXCLUDED.data,
             received_count = oss_nibs.received_count + 1,
             last_received_at = now()`);
    const [synced] = await tx.query<{ digest: string }>(
      sql`SELECT digest FROM oss_businesses WHERE nib = ${nib.nib}`,
    );
    return synced?.digest ?? null;
  }

  /** One job at a time brings a NIB's business to identity; receiveNIB is not held up. */
  static async lockBusinessOf(tx: Executor, nib: string): Promise<void> {
    await tx.query(sql`SELECT pg_advisory_xact_lock(hashtext(${`oss.business:${nib}`}))`);
  }

  /** The NIB's data as last received, and the digest of the business last brought to identity. */
  static async nibData(
    tx: Executor,
    nib: string,
  ): Promise<{ data: Record<string, unknown>; businessDigest: string | null } | undefined> {
    const [row] = await tx.query<{
      data: Record<string, unknown>;
      businessDigest: string | null;
    }>(sql`
      SELECT n.data, b.digest AS "businessDigest"
        FROM oss_nibs n LEFT JOIN oss_businesses b USING (nib)
       WHERE n.nib = ${nib}`);
    return row;
  }

  /** What identity made of the NIB's business (its ids), or why it was not asked or refused. */
  static async recordBusiness(
    tx: Executor,
    nib: string,
    outcome: { digest: string; businessId?: string; ownerId?: string; failure?: string },
  ): Promise<void> {
    await tx.execute(sql`
      INSERT INTO oss_businesses (nib, digest, business_id, owner_id, failure)
      VALUES (${nib}, ${outcome.digest}, ${outcome.businessId ?? null}::uuid,
              ${outcome.ownerId ?? null}::uuid, ${outcome.failure?.slice(0, 1000) ?? null})
      ON CONFLICT (nib) DO UPDATE
         SET digest = EXCLUDED.digest,
             business_id = COALESCE(EXCLUDED.business_id, oss_businesses.business_id),
             owner_id = COALESCE(EXCLUDED.owner_id, oss_businesses.owner_id),
             failure = EXCLUDED.failure,
             synced_at = now()`);
  }

  /** Identity's id of the NIB's business, once identity has it (OSS may leave out what it needs). */
  static async businessIdOf(tx: Executor, nib: string): Promise<string | undefined> {
    const [row] = await tx.query<{ businessId: string | null }>(
      sql`SELECT business_id AS "businessId" FROM oss_businesses WHERE nib = ${nib}`,
    );
    return row?.businessId ?? undefined;
  }

  /**
   * Claims the permits OSS sent for the first time, in one statement: the primary key (NIB,
   * id_izin) lets exactly one receipt insert each, so a NIB sent twice, or twice at once, opens
   * nothing twice. A permit recorded UNMAPPED that the map now knows is claimed again, once.
   * Answers the permits that are now to be opened.
   */
  static async claimPermits(
    tx: Executor,
    nib: string,
    permits: readonly MappedPermit[],
  ): Promise<string[]> {
    if (permits.length === 0) return [];
    const rows = permits.map((permit) => ({
      id_izin: permit.idIzin,
      kd_izin: permit.kdIzin ?? null,
      id_proyek: permit.idProyek ?? null,
      id_produk: permit.idProduk ?? null,
      kbli: permit.kbli ?? null,
      nama_izin: permit.namaIzin ?? null,
      instansi: permit.instansi ?? null,
      service_code: permit.serviceCode ?? null,
      state: permit.serviceCode ? 'OPENING' : 'UNMAPPED',
    }));
    const claimed = await tx.query<{ idIzin: string; state: PermitState }>(sql`
      INSERT INTO oss_permits (nib, id_izin, kd_izin, id_proyek, id_produk, kbli, nama_izin,
                               instansi, service_code, state)
      SELECT ${nib}, r.id_izin, r.kd_izin, r.id_proyek, r.id_produk, r.kbli, r.nama_izin,
             r.instansi, r.service_code, r.state
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r (
               id_izin text, kd_izin text, id_proyek text, id_produk text, kbli text,
               nama_izin text, instansi text, service_code text, state text)
      ON CONFLICT (nib, id_izin) DO UPDATE
         SET service_code = EXCLUDED.service_code, state = 'OPENING', received_at = now()
       WHERE oss_permits.state = 'UNMAPPED' AND EXCLUDED.state = 'OPENING'
      RETURNING id_izin AS "idIzin", state`);
    return claimed.filter((row) => row.state === 'OPENING').map((row) => row.idIzin);
  }

  /** The permit, locked for the job that opens it. */
  static async lockPermit(
    tx: Executor,
    nib: string,
    idIzin: string,
  ): Promise<PermitToOpen | undefined> {
    const [row] = await tx.query<PermitToOpen>(sql`
      SELECT p.nib, p.id_izin AS "idIzin", p.service_code AS "serviceCode", p.state,
             n.responsible_nik AS "responsibleNik", n.responsible_name AS "responsibleName"
        FROM oss_permits p JOIN oss_nibs n ON n.nib = p.nib
       WHERE p.nib = ${nib} AND p.id_izin = ${idIzin}
         FOR UPDATE OF p`);
    return row;
  }

  static async markOpened(
    tx: Executor,
    permit: { nib: string; idIzin: string; trackingNo: string; applicationId?: string },
  ): Promise<void> {
    await tx.execute(sql`
      UPDATE oss_permits
         SET state = 'OPENED', tracking_no = ${permit.trackingNo},
             application_id = ${permit.applicationId ?? null}, opened_at = now(), failure = NULL
       WHERE nib = ${permit.nib} AND id_izin = ${permit.idIzin}`);
  }

  static async markFailed(
    tx: Executor,
    permit: { nib: string; idIzin: string },
    failure: string,
  ): Promise<void> {
    await tx.execute(sql`
      UPDATE oss_permits SET state = 'FAILED', failure = ${failure.slice(0, 1000)}
       WHERE nib = ${permit.nib} AND id_izin = ${permit.idIzin}`);
  }

  /**
   * Records a signed file for a permit OSS sent with this NIB; the same file again changes
   * nothing. Answers 'new' for a file not seen before (to be fetched), 'known' for one seen,
   * and 'unknown' when no such permit was received (nothing is written).
   */
  static async recordFile(
    tx: Executor,
    file: ReceivedFileDs,
  ): Promise<'new' | 'known' | 'unknown'> {
    const [permit] = await tx.query<{ found: boolean }>(sql`
      SELECT true AS found FROM oss_permits WHERE nib = ${file.nib} AND id_izin = ${file.idIzin}`);
    if (!permit) return 'unknown';
    const inserted = await tx.query(sql`
      INSERT INTO oss_files (nib, id_izin, file_url, state)
      VALUES (${file.nib}, ${file.idIzin}, ${file.fileUrl}, 'RECEIVED')
      ON CONFLICT (nib, id_izin, file_url) DO NOTHING
      RETURNING 1`);
    return inserted.length === 1 ? 'new' : 'known';
  }

  /**
   * The file, locked for the job that fetches it, with its permit's state and application as
   * last committed (the permit is not locked: once it has an application, it keeps it).
   */
  static async lockFile(
    tx: Executor,
    file: ReceivedFileDs,
  ): Promise<{ state: string; permitState: PermitState; trackingNo: string | null } | undefined> {
    const [row] = await tx.query<{
      state: string;
      permitState: PermitState;
      trackingNo: string | null;
    }>(sql`
      SELECT f.state, p.state AS "permitState", p.tracking_no AS "trackingNo"
        FROM oss_files f JOIN oss_permits p USING (nib, id_izin)
       WHERE f.nib = ${file.nib} AND f.id_izin = ${file.idIzin} AND f.file_url = ${file.fileUrl}
         FOR UPDATE OF f`);
    return row;
  }

  /**
   * The file's permit, share-locked: the job opening it holds it locked until it has settled it
   * and woken its waiting files, so a file marked WAITING under this lock is woken.
   */
  static async sharePermitOf(
    tx: Executor,
    file: ReceivedFileDs,
  ): Promise<{ state: PermitState; trackingNo: string | null }> {
    const [row] = await tx.query<{ state: PermitState; trackingNo: string | null }>(sql`
      SELECT state, tracking_no AS "trackingNo" FROM oss_permits
       WHERE nib = ${file.nib} AND id_izin = ${file.idIzin}
         FOR SHARE`);
    // oss_files references it: the file's row (locked) means the permit is there.
    return row;
  }

  static async markFileAttached(
    tx: Executor,
    file: ReceivedFileDs,
    documentId: string,
  ): Promise<void> {
    await tx.execute(sql`
      UPDATE oss_files
         SET state = 'ATTACHED', document_id = ${documentId}, reason = NULL, changed_at = now()
       WHERE nib = ${file.nib} AND id_izin = ${file.idIzin} AND file_url = ${file.fileUrl}`);
  }

  static async markFileFailed(tx: Executor, file: ReceivedFileDs, reason: string): Promise<void> {
    await tx.execute(sql`
      UPDATE oss_files SET state = 'FAILED', reason = ${reason.slice(0, 1000)}, changed_at = now()
       WHERE nib = ${file.nib} AND id_izin = ${file.idIzin} AND file_url = ${file.fileUrl}`);
  }

  /** The file waits for its permit's application (`permit_unmapped`, `permit_opening`). */
  static async markFileWaiting(tx: Executor, file: ReceivedFileDs, reason: string): Promise<void> {
    await tx.execute(sql`
      UPDATE oss_files SET state = 'WAITING', reason = ${reason}, changed_at = now()
       WHERE nib = ${file.nib} AND id_izin = ${file.idIzin} AND file_url = ${file.fileUrl}`);
  }

  /** The files that waited for this permit, RECEIVED again (to be fetched); answers them. */
  static async wakeWaitingFiles(
    tx: Executor,
    permit: { nib: string; idIzin: string },
  ): Promise<ReceivedFileDs[]> {
    return tx.query<ReceivedFileDs>(sql`
      UPDATE oss_files SET state = 'RECEIVED', reason = NULL, changed_at = now()
       WHERE nib = ${permit.nib} AND id_izin = ${permit.idIzin} AND state = 'WAITING'
      RETURNING nib, id_izin AS "idIzin", file_url AS "fileUrl"`);
  }

  /** Unmapped permits, oldest first, after the cursor's (received_at, nib, id_izin). */
  async unmapped(
    after: readonly [string, string, string] | undefined,
    limit: number,
  ): Promise<(UnmappedPermitV1 & { cursorAt: string })[]> {
    const from = after
      ? sql`AND (received_at, nib, id_izin) > (${after[0]}::timestamptz, ${after[1]}, ${after[2]})`
      : sql``;
    const rows = await this.db.query<{
      nib: string;
      idIzin: string;
      kdIzin: string | null;
      kbli: string | null;
      idProyek: string | null;
      namaIzin: string | null;
      instansi: string | null;
      receivedAt: Date;
      cursorAt: string;
    }>(sql`
      SELECT nib, id_izin AS "idIzin", kd_izin AS "kdIzin", kbli, id_proyek AS "idProyek",
             nama_izin AS "namaIzin", instansi, received_at AS "receivedAt",
             to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "cursorAt"
        FROM oss_permits
       WHERE state = 'UNMAPPED' ${from}
       ORDER BY received_at, nib, id_izin
       LIMIT ${limit}`);
    return rows.map((row) => ({
      nib: row.nib,
      idIzin: row.idIzin,
      ...(row.kdIzin ? { kdIzin: row.kdIzin } : {}),
      ...(row.kbli ? { kbli: row.kbli } : {}),
      ...(row.idProyek ? { idProyek: row.idProyek } : {}),
      ...(row.namaIzin ? { namaIzin: row.namaIzin } : {}),
      ...(row.instansi ? { instansi: row.instansi } : {}),
      receivedAt: row.receivedAt.toISOString(),
      cursorAt: row.cursorAt,
    }));
  }

  /**
   * Received files, the latest first, before the cursor's `seq`; of one state, of one NIB, when
   * asked. The URL is shown without what may be a credential (its user, query and fragment).
   */
  async files(
    filter: { state?: OssFileStateV1; nib?: string },
    before: string | undefined,
    limit: number,
  ): Promise<(OssFileV1 & { seq: string })[]> {
    const rows = await this.db.query<{
      seq: string;
      nib: string;
      idIzin: string;
      fileUrl: string;
      state: OssFileStateV1;
      reason: string | null;
      permitState: PermitState;
      trackingNo: string | null;
      applicationId: string | null;
      documentId: string | null;
      receivedAt: Date;
      changedAt: Date;
    }>(sql`
      SELECT f.seq::text AS seq, f.nib, f.id_izin AS "idIzin", f.file_url AS "fileUrl", f.state,
             f.reason, p.state AS "permitState", p.tracking_no AS "trackingNo",
             p.application_id AS "applicationId", f.document_id AS "documentId",
             f.received_at AS "receivedAt", f.changed_at AS "changedAt"
        FROM oss_files f JOIN oss_permits p USING (nib, id_izin)
       WHERE true
             ${filter.state ? sql`AND f.state = ${filter.state}` : sql``}
             ${filter.nib ? sql`AND f.nib = ${filter.nib}` : sql``}
             ${before ? sql`AND f.seq < ${before}::bigint` : sql``}
       ORDER BY f.seq DESC
       LIMIT ${limit}`);
    return rows.map((row) => ({
      seq: row.seq,
      nib: row.nib,
      idIzin: row.idIzin,
      fileUrl: withoutUrlSecrets(row.fileUrl),
      state: row.state,
      ...(row.reason ? { reason: row.reason } : {}),
      permitState: row.permitState,
      ...(row.trackingNo ? { trackingNo: row.trackingNo } : {}),
      ...(row.applicationId ? { applicationId: row.applicationId } : {}),
      ...(row.documentId ? { documentId: row.documentId } : {}),
      receivedAt: row.receivedAt.toISOString(),
      changedAt: row.changedAt.toISOString(),
    }));
  }
}
