import { Injectable } from '@nestjs/common';
import type { ApplicantLanguage, VerificationChannel } from '@satupintu/contracts';
import { sql, type Executor } from '@satupintu/persistence';
import { randomUUID } from 'node:crypto';
import {
  contactsOf,
  type CaseUpdate,
  type CaseUpdateDetails,
  type CaseUpdateKind,
  type Contacts,
} from './case-update';

/** An unsent notification with what sending it needs: the applicant's contacts and language. */
export interface PendingNotification {
  id: string;
  kind: CaseUpdateKind;
  trackingNo: string;
  agencyTimeZone: string;
  details: CaseUpdateDetails;
  applicantId: string;
  language: ApplicantLanguage;
  contacts: Contacts;
}

interface PendingRow {
  id: string;
  kind: CaseUpdateKind;
  trackingNo: string;
  agencyTimeZone: string;
  details: CaseUpdateDetails;
  applicantId: string;
  language: ApplicantLanguage;
  phone: string | null;
  email: string | null;
  phoneVerifiedAt: Date | null;
  emailVerifiedAt: Date | null;
}

/** Every query on `applicant_cases` and `case_notifications`. */
@Injectable()
export class CaseNotificationsRepository {
  /**
   * The submission's and the status change's handlers run in different consumers: each locks the
   * application first, so one of them always sees what the other wrote and the notification is
   * queued for sending exactly when both the change and the applicant are known.
   */
  async lock(tx: Executor, applicationId: string): Promise<void> {
    await tx.query(sql`SELECT pg_advisory_xact_lock(hashtextextended(${applicationId}, 9))`);
  }

  /** Whose case it is; answers whether this is news (a repeated submission is not). */
  async recordCase(
    tx: Executor,
    entry: {
      applicationId: string;
      applicantId: string;
      trackingNo: string;
      agencyCode: string;
      agencyTimeZone: string;
    },
  ): Promise<boolean> {
    const rows = await tx.query<{ application_id: string }>(sql`
      INSERT INTO applicant_cases (application_id, applicant_id, tracking_no, agency_code,
                                   agency_time_zone)
      VALUES (${entry.applicationId}, ${entry.applicantId}, ${entry.trackingNo},
              ${entry.agencyCode}, ${entry.agencyTimeZone})
      ON CONFLICT (application_id) DO NOTHING RETURNING application_id`);
    return rows.length > 0;
  }

  async caseKnown(tx: Executor, applicationId: string): Promise<boolean> {
    const rows = await tx.query(
      sql`SELECT 1 FROM applicant_cases WHERE application_id = ${applicationId}`,
    );
    return rows.length > 0;
  }

  /** Records the update once per change: answers its id when new, undefined when held already. */
  async record(tx: Executor, update: CaseUpdate): Promise<string | undefined> {
    const rows = await tx.query<{ id: string }>(sql`
      INSERT INTO case_notifications (id, application_id, change_key, kind, tracking_no,
                                      agency_code, agency_time_zone, details, occurred_at)
      VALUES (${randomUUID()}, ${update.applicationId}, ${update.changeKey}, ${update.kind},
              ${update.trackingNo}, ${update.agencyCode}, ${update.agencyTimeZone ?? null},
              ${JSON.stringify(update.details)}::jsonb, ${update.occurredAt.toISOString()})
      ON CONFLICT (application_id, change_key) DO NOTHING RETURNING id`);
    return rows[0]?.id;
  }

  /** The application's notifications recorded before its applicant was known. */
  async unsentOf(tx: Executor, applicationId: string): Promise<string[]> {
    const rows = await tx.query<{ id: string }>(sql`
      SELECT id FROM case_notifications
       WHERE application_id = ${applicationId} AND sent_at IS NULL ORDER BY occurred_at, id`);
    return rows.map((row) => row.id);
  }

  /**
   * The notification if it is still unsent, locked until the caller's transaction ends (so two
   * instances never send it at once), with the applicant's current contacts and language.
   */
  async claimUnsent(tx: Executor, id: string): Promise<PendingNotification | undefined> {
    const [row] = await tx.query<PendingRow>(sql`
      SELECT n.id, n.kind, n.tracking_no AS "trackingNo",
             coalesce(n.agency_time_zone, c.agency_time_zone) AS "agencyTimeZone", n.details,
             c.applicant_id AS "applicantId", a.preferred_language AS language, a.phone, a.email,
             a.phone_verified_at AS "phoneVerifiedAt", a.email_verified_at AS "emailVerifiedAt"
        FROM case_notifications n
        JOIN applicant_cases c ON c.application_id = n.application_id
        JOIN applicants a ON a.id = c.applicant_id
       WHERE n.id = ${id} AND n.sent_at IS NULL
         FOR UPDATE OF n`);
    if (!row) return undefined;
    return {
      id: row.id,
      kind: row.kind,
      trackingNo: row.trackingNo,
      agencyTimeZone: row.agencyTimeZone,
      details: row.details,
      applicantId: row.applicantId,
      language: row.language,
      contacts: contactsOf(row),
    };
  }

  async markSent(
    tx: Executor,
    sent: {
      id: string;
      applicantId: string;
      language: ApplicantLanguage;
      channel: VerificationChannel;
    },
  ): Promise<void> {
    await tx.execute(sql`
      UPDATE case_notifications
         SET sent_at = now(), applicant_id = ${sent.applicantId}, language = ${sent.language},
             channel = ${sent.channel}
       WHERE id = ${sent.id}`);
  }
}
