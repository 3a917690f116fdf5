import { Injectable } from '@nestjs/common';
import { executorOf, sql, type Executor } from '@satupintu/persistence';
import { DataSource } from 'typeorm';
import type { ApplicationSubmittedV2 } from '@satupintu/contracts';
import type { TimelineEntry } from './timeline';
import type { ApplicationOwners } from './timeline-access';

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

  /** Whose the application is; undefined if tracking has not heard of it. */
  async ownersOf(trackingNo: string): Promise<ApplicationOwners | undefined> {
    const rows = await this.db.query<ApplicationOwners>(sql`
      SELECT agency_code AS "agencyCode", applicant_id AS "applicantId",
             submitted_by_client AS "submittedByClient"
        FROM applications WHERE tracking_no = ${trackingNo}`);
    return rows[0];
  }

  /** From the submission event, within its transaction; a repeat changes nothing. */
  async recordOwners(tx: Executor, submitted: ApplicationSubmittedV2): Promise<void> {
    await tx.execute(sql`
      INSERT INTO applications (application_id, tracking_no, agency_code, applicant_id,
        business_id, submitted_by_kind, submitted_by_subject, submitted_by_client, submitted_at)
      VALUES (${submitted.applicationId}, ${submitted.trackingNo}, ${submitted.agencyCode},
        ${submitted.applicantId ?? null}, ${submitted.businessId ?? null},
        ${submitted.submittedBy?.kind ?? null}, ${submitted.submittedBy?.subject ?? null},
        ${submitted.submittedBy?.clientId ?? null}, ${submitted.submittedAt})
      ON CONFLICT (application_id) DO NOTHING`);
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
