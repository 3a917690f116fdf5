import { Injectable } from '@nestjs/common';
import { executorOf, sql, type Executor } from '@satupintu/persistence';
import { DataSource } from 'typeorm';
import type { Transaction } from '@satupintu/messaging';
import type { ClaimableCase } from './claim-case';
import type { ListedCase, WorkQueueQuery } from './list-work-queue';
import type {
  CaseChangesQuery,
  ChangedCase,
  HistoryRow,
  OutputRow,
  PaymentRow,
  StoredCase,
} from './read-case';

const CASE_COLUMNS = sql`application_id AS "applicationId", tracking_no AS "trackingNo",
  service_code AS "serviceCode", status, channel, time_zone AS "timeZone",
  submitted_at AS "submittedAt", received_at AS "receivedAt", deadline, sequence,
  updated_at AS "changedAt",
  CASE WHEN claimed_until > now() THEN claimed_by END AS "claimedBy",
  CASE WHEN claimed_until > now() THEN claimed_until END AS "claimedUntil"`;

/** Reads of this agency's cases for its work queue. */
@Injectable()
export class WorkQueueRepository {
  private readonly db: Executor;

  constructor(dataSource: DataSource) {
    this.db = executorOf(dataSource);
  }

  cases(query: WorkQueueQuery): Promise<ListedCase[]> {
    const after = query.after;
    return this.db.query<ListedCase>(sql`
      SELECT application_id AS "applicationId", tracking_no AS "trackingNo",
             service_code AS "serviceCode", status, channel, time_zone AS "timeZone",
             submitted_at AS "submittedAt", received_at AS "receivedAt", deadline,
             CASE WHEN claimed_until > now() THEN claimed_by END AS "claimedBy",
             CASE WHEN claimed_until > now() THEN claimed_until END AS "claimedUntil",
             json_build_object('deadline', to_json(deadline), 'submittedAt', to_json(submitted_at)) AS "cursorKey"
        FROM cases
       WHERE (${query.statuses ?? null}::text[] IS NULL OR status = ANY(${query.statuses ?? null}::text[]))
         AND (${query.serviceCode ?? null}::text IS NULL OR service_code = ${query.serviceCode ?? null})
         AND (${after?.submittedAt ?? null}::timestamptz IS NULL
              OR (${after?.deadline ?? null}::timestamptz IS NULL
                  AND deadline IS NULL
                  AND (submitted_at, application_id) > (${after?.submittedAt ?? null}::timestamptz, ${after?.applicationId ?? null}::uuid))
              OR (${after?.deadline ?? null}::timestamptz IS NOT NULL
                  AND (deadline IS NULL
                       OR (deadline, submitted_at, application_id) > (${after?.deadline ?? null}::timestamptz, ${after?.submittedAt ?? null}::timestamptz, ${after?.applicationId ?? null}::uuid))))
       ORDER BY deadline NULLS LAST, submitted_at, application_id
       LIMIT ${query.limit}`);
  }

  async find(trackingNo: string): Promise<StoredCase | undefined> {
    const [row] = await this.db.query<StoredCase>(sql`
      SELECT ${CASE_COLUMNS} FROM cases WHERE tracking_no = ${trackingNo}`);
    return row;
  }

  history(applicationId: string, limit: number): Promise<HistoryRow[]> {
    return this.db.query<HistoryRow>(sql`
      SELECT * FROM (
        SELECT sequence, action, from_status AS "from", to_status AS "to",
               actor_kind AS "actorKind", actor_role AS "actorRole", reason, requirements, at
          FROM case_history WHERE application_id = ${applicationId}
         ORDER BY sequence DESC LIMIT ${limit}) latest
       ORDER BY sequence`);
  }

  async payment(applicationId: string): Promise<PaymentRow | undefined> {
    const [row] = await this.db.query<PaymentRow>(sql`
      SELECT payment_code AS code, amount::float8 AS amount, expires_at AS "expiresAt",
             paid_at AS "paidAt"
        FROM payments_due WHERE application_id = ${applicationId}`);
    return row;
  }

  async output(applicationId: string): Promise<OutputRow | undefined> {
    const [row] = await this.db.query<OutputRow>(sql`
      SELECT document_no AS "documentNo", issued_at AS "issuedAt", revoked_at AS "revokedAt"
        FROM outputs WHERE application_id = ${applicationId}`);
    return row;
  }

  /**
   * Only below the oldest transaction still running (ADR 0025): a transaction id is taken at
   * the first write, so one below another may commit after it; below that horizon every
   * transaction has ended, and a case moved later gets a transaction id above it.
   */
  changes(query: CaseChangesQuery): Promise<ChangedCase[]> {
    const after = query.after;
    return this.db.query<ChangedCase>(sql`
      SELECT ${CASE_COLUMNS}, changed_xid::text AS "changedXid"
        FROM cases
       WHERE changed_xid < pg_snapshot_xmin(pg_current_snapshot())
         AND (${after?.xid ?? null}::xid8 IS NULL
              OR (changed_xid, application_id) > (${after?.xid ?? null}::xid8, ${after?.applicationId ?? null}::uuid))
         AND (${query.statuses ?? null}::text[] IS NULL OR status = ANY(${query.statuses ?? null}::text[]))
         AND (${query.serviceCode ?? null}::text IS NULL OR service_code = ${query.serviceCode ?? null})
       ORDER BY changed_xid, application_id
       LIMIT ${query.limit}`);
  }

  static async lockForClaim(
    tx: Transaction,
    trackingNo: string,
  ): Promise<ClaimableCase | undefined> {
    const [row] = await tx.query<ClaimableCase>(sql`
      SELECT application_id AS "applicationId", tracking_no AS "trackingNo",
             time_zone AS "timeZone", claimed_by AS "claimedBy", claimed_until AS "claimedUntil"
        FROM cases WHERE tracking_no = ${trackingNo} FOR UPDATE`);
    return row;
  }

  static async setClaim(
    tx: Transaction,
    applicationId: string,
    claim: { by: string; until: Date } | null,
  ): Promise<void> {
    await tx.execute(sql`
      UPDATE cases SET claimed_by = ${claim?.by ?? null}, claimed_until = ${claim?.until ?? null}
       WHERE application_id = ${applicationId}`);
  }
}
