import { Injectable } from '@nestjs/common';
import { executorOf, sql, type Executor } from '@satupintu/persistence';
import { DataSource } from 'typeorm';
import type { Transaction } from '@satupintu/messaging';
import type { ClaimableCase } from './claim-case';
import type { QueuedCase, WorkQueueQuery } from './list-work-queue';

/** Reads of this agency's cases for its work queue. */
@Injectable()
export class WorkQueueRepository {
  private readonly db: Executor;

  constructor(dataSource: DataSource) {
    this.db = executorOf(dataSource);
  }

  cases(query: WorkQueueQuery): Promise<QueuedCase[]> {
    const after = query.after;
    return this.db.query<QueuedCase>(sql`
      SELECT application_id AS "applicationId", tracking_no AS "trackingNo",
             service_code AS "serviceCode", status, channel, time_zone AS "timeZone",
             submitted_at AS "submittedAt", received_at AS "receivedAt", deadline,
             CASE WHEN claimed_until > now() THEN claimed_by END AS "claimedBy",
             CASE WHEN claimed_until > now() THEN claimed_until END AS "claimedUntil"
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
