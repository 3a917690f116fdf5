import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { TimelineEntry } from './timeline';

export interface NewTimelineEntry extends TimelineEntry {
  eventId: string;
  applicationId: string;
  trackingNo: string;
}

@Injectable()
export class TimelineRepository {
  constructor(private readonly dataSource: DataSource) {}

  async entriesOf(trackingNo: string): Promise<TimelineEntry[]> {
    return this.dataSource.query<TimelineEntry[]>(
      `SELECT status, agency_code AS "agencyCode", agency_time_zone AS "agencyTimeZone",
              occurred_at AS "occurredAt", reason
         FROM timeline_entries WHERE tracking_no = $1 ORDER BY occurred_at, id`,
      [trackingNo],
    );
  }

  /** Within the transaction of the event being handled. */
  async append(manager: EntityManager, entry: NewTimelineEntry): Promise<void> {
    await manager.query(
      `INSERT INTO timeline_entries (event_id, application_id, tracking_no, status, agency_code,
         agency_time_zone, reason, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (event_id) DO NOTHING`,
      [
        entry.eventId,
        entry.applicationId,
        entry.trackingNo,
        entry.status,
        entry.agencyCode,
        entry.agencyTimeZone,
        entry.reason ?? null,
        entry.occurredAt,
      ],
    );
  }
}
