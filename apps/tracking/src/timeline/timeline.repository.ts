import { Injectable } from '@nestjs/common';
import { executorOf, sql, type Executor } from '@satupintu/persistence';
import { DataSource } from 'typeorm';
import type { ApplicationSubmittedV2, PaymentDueV1 } from '@satupintu/contracts';
import type { CaseSummary, TimelineEntry } from './timeline';
import type { ApplicationOwners } from './timeline-access';

export interface NewTimelineEntry extends TimelineEntry {
  eventId: string;
  applicationId: string;
  trackingNo: string;
  /** Its place in the case's history: 0 for SUBMITTED, then the agency's sequence. */
  sequence: number;
  /** The case's deadline after this change, as the agency computed it. */
  deadline?: Date | null;
}

/** An application's owners, with one of its entries (all null when it has none yet). */
interface TimelineRow {
  ownerAgencyCode: string;
  ownerTimeZone: string;
  serviceCode: string | null;
  deadline: Date | null;
  applicantId: string | null;
  submittedByClient: string | null;
  sequence: number | null;
  status: TimelineEntry['status'] | null;
  agencyCode: string | null;
  agencyTimeZone: string | null;
  occurredAt: Date | null;
  reason: string | null;
  payment: PaymentDueV1 | null;
}

/** Every query on `timeline_entries` (append-only in the database) and `applications`. */
@Injectable()
export class TimelineRepository {
  private readonly db: Executor;

  constructor(dataSource: DataSource) {
    this.db = executorOf(dataSource);
  }

  /**
   * Whose the application is and its entries, in one round trip (a timeline is read far more
   * often than written); undefined if tracking has not heard of the application's submission.
   * Entries are in sequence order, up to the last one the read model folded in: one that
   * arrived before its predecessor waits, unseen, until the predecessor comes.
   */
  async timelineOf(
    trackingNo: string,
  ): Promise<
    { owners: ApplicationOwners; summary: CaseSummary; entries: TimelineEntry[] } | undefined
  > {
    const rows = await this.db.query<TimelineRow>(sql`
      SELECT a.agency_code AS "ownerAgencyCode", a.agency_time_zone AS "ownerTimeZone",
             a.service_code AS "serviceCode", a.deadline,
             a.applicant_id AS "applicantId", a.submitted_by_client AS "submittedByClient",
             e.sequence, e.status, e.agency_code AS "agencyCode", e.agency_time_zone AS "agencyTimeZone",
             e.occurred_at AS "occurredAt", e.reason, e.payment
        FROM case_views a
        LEFT JOIN timeline_entries e
          ON e.tracking_no = a.tracking_no AND e.sequence <= a.sequence
       WHERE a.tracking_no = ${trackingNo}
       ORDER BY e.sequence`);
    const [first] = rows;
    if (!first) return undefined;
    return {
      owners: {
        agencyCode: first.ownerAgencyCode,
        applicantId: first.applicantId,
        submittedByClient: first.submittedByClient,
      },
      summary: {
        agencyCode: first.ownerAgencyCode,
        agencyTimeZone: first.ownerTimeZone,
        serviceCode: first.serviceCode,
        deadline: first.deadline,
      },
      entries: rows.flatMap(
        ({ sequence, status, agencyCode, agencyTimeZone, occurredAt, reason, payment }) =>
          sequence !== null && status && agencyCode && agencyTimeZone && occurredAt
            ? [{ sequence, status, agencyCode, agencyTimeZone, occurredAt, reason, payment }]
            : [],
      ),
    };
  }

  /** From the submission event, within its transaction; a repeat changes nothing. */
  async recordOwners(tx: Executor, submitted: ApplicationSubmittedV2): Promise<void> {
    await tx.execute(sql`
      INSERT INTO applications (application_id, tracking_no, agency_code, applicant_id,
        business_id, submitted_by_kind, submitted_by_subject, submitted_by_client, submitted_at,
        agency_time_zone, service_code, channel, bundle_case_id, step_key)
      VALUES (${submitted.applicationId}, ${submitted.trackingNo}, ${submitted.agencyCode},
        ${submitted.applicantId ?? null}, ${submitted.businessId ?? null},
        ${submitted.submittedBy?.kind ?? null}, ${submitted.submittedBy?.subject ?? null},
        ${submitted.submittedBy?.clientId ?? null}, ${submitted.submittedAt},
        ${submitted.agencyTimeZone}, ${submitted.serviceCode}, ${submitted.channel},
        ${submitted.bundleCaseId ?? null}, ${submitted.stepKey ?? null})
      ON CONFLICT (application_id) DO NOTHING`);
  }

  /** Within the transaction of the event being handled. */
  async append(tx: Executor, entry: NewTimelineEntry): Promise<void> {
    await tx.execute(sql`
      INSERT INTO timeline_entries (event_id, application_id, tracking_no, status, agency_code,
        agency_time_zone, reason, payment, occurred_at, sequence, deadline)
      VALUES (${entry.eventId}, ${entry.applicationId}, ${entry.trackingNo}, ${entry.status},
        ${entry.agencyCode}, ${entry.agencyTimeZone}, ${entry.reason ?? null},
        ${entry.payment ? JSON.stringify(entry.payment) : null}::jsonb, ${entry.occurredAt},
        ${entry.sequence}, ${entry.deadline ?? null})
      ON CONFLICT DO NOTHING`);
  }
}
