import { ApplicationStatusChanged, type ApplicationStatusChangedV1 } from '@satupintu/contracts';
import type { Transaction } from '@satupintu/messaging';
import { sql } from '@satupintu/persistence';
import type { NewCase } from './receive-application';
import type { CaseStanding } from './take-up-resubmission';

/** Writes to this agency's cases, inside the transaction of the message being handled. */
export const CasesRepository = {
  async addCase(
    tx: Transaction,
    newCase: NewCase,
    status: string,
    change: ApplicationStatusChangedV1,
  ): Promise<boolean> {
    const inserted = await tx.query(sql`
      INSERT INTO cases (application_id, tracking_no, service_code, channel, time_zone, status,
        submitted_at, applicant_id, business_id)
      VALUES (${newCase.applicationId}, ${newCase.trackingNo}, ${newCase.serviceCode},
        ${newCase.channel}, ${newCase.timeZone}, ${status}, ${newCase.submittedAt},
        ${newCase.applicantId ?? null}, ${newCase.businessId ?? null})
      ON CONFLICT (application_id) DO NOTHING
      RETURNING 1`);
    if (inserted.length === 0) return false;
    await tx.execute(sql`
      INSERT INTO case_status_changes (application_id, from_status, to_status, reason, changed_at)
      VALUES (${change.applicationId}, ${change.from}, ${change.to}, ${change.reason ?? null},
        ${change.changedAt})`);
    tx.publish(ApplicationStatusChanged, change);
    return true;
  },

  async findCase(tx: Transaction, applicationId: string): Promise<CaseStanding | undefined> {
    const [row] = await tx.query<CaseStanding>(sql`
      SELECT status, time_zone AS "timeZone" FROM cases
       WHERE application_id = ${applicationId} FOR UPDATE`);
    return row;
  },

  /** The case's new status, its history and its event, only if it is still in `change.from`. */
  async moveCase(tx: Transaction, change: ApplicationStatusChangedV1): Promise<boolean> {
    const moved = await tx.query(sql`
      UPDATE cases SET status = ${change.to}, updated_at = ${change.changedAt}
       WHERE application_id = ${change.applicationId} AND status = ${change.from}
      RETURNING 1`);
    if (moved.length === 0) return false;
    await tx.execute(sql`
      INSERT INTO case_status_changes (application_id, from_status, to_status, reason, changed_at)
      VALUES (${change.applicationId}, ${change.from}, ${change.to}, ${change.reason ?? null},
        ${change.changedAt})`);
    tx.publish(ApplicationStatusChanged, change);
    return true;
  },
};
