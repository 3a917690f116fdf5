import { Injectable } from '@nestjs/common';
import { executorOf, sql, type Executor } from '@satupintu/persistence';
import { DataSource } from 'typeorm';
import type { TimelineEntry } from './timeline';

export interface NewTimelineEntry extends TimelineEntry {
  eventId: string;
  applicationId: string;
  trackingNo: string;
}

/** Every query on `timeline_entries` (append-only in the database). */
@Injectable()
export class TimelineRepository {
  private readonly db: Executor;

  constructor(dataSource: DataSource) {
    this.db = executorOf(dataSource);
  }

  entriesOf(trackingNo: string): Promise<TimelineEntry[]> {
    return this.db.query<TimelineEntry>(sql`
      SELECT status, agency_code AS "agencyCode", agency_time_zone AS "agencyTimeZone",
             occurred_at AS "occurredAt", reason
        FROM timeline_entries WHERE tracking_no = ${trackingNo} ORDER BY occurred_at, id`);
  }

  /** Within the transaction of the event being handled. */
  async append(tx: Executor, entry: NewTimelineEntry): Promise<void> {
    await tx.execute(sql`
      INSERT INTO timeline_entries (event_id, application_id, tracking_no, status, agency_code,
        agency_time_zone, reason, occurred_at)
      VALUES (${entry.eventId}, ${entry.applicationId}, ${entry.trackingNo}, ${entry.status},
        ${entry.agencyCode}, ${entry.agencyTimeZone}, ${entry.reason ?? null}, ${entry.occurredAt})
      ON CONFLICT (event_id) DO NOTHING`);
  }
}
