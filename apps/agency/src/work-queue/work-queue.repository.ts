import { Injectable } from '@nestjs/common';
import { executorOf, sql, type Executor } from '@satupintu/persistence';
import { DataSource } from 'typeorm';
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
             submitted_at AS "submittedAt", received_at AS "receivedAt", deadline
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
}
