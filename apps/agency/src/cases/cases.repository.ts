import { ApplicationStatusChanged, type ApplicationStatusChangedV1 } from '@satupintu/contracts';
import type { Transaction } from '@satupintu/messaging';
import type { NewCase } from './receive-application';

/** Cases of this agency, written inside the transaction of the message being handled. */
export class CasesRepository {
  constructor(private readonly tx: Transaction) {}

  async addCase(
    newCase: NewCase,
    status: string,
    change: ApplicationStatusChangedV1,
  ): Promise<boolean> {
    const inserted = await this.tx.manager.query<unknown[]>(
      `INSERT INTO cases (application_id, tracking_no, service_code, channel, applicant_nik,
         applicant_name, status, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (application_id) DO NOTHING
       RETURNING 1`,
      [
        newCase.applicationId,
        newCase.trackingNo,
        newCase.serviceCode,
        newCase.channel,
        newCase.applicantNik,
        newCase.applicantName,
        status,
        newCase.submittedAt,
      ],
    );
    if (inserted.length === 0) return false;
    await this.tx.manager.query(
      `INSERT INTO case_status_changes (application_id, from_status, to_status, reason, changed_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [change.applicationId, change.from, change.to, change.reason ?? null, change.changedAt],
    );
    this.tx.publish(ApplicationStatusChanged, change);
    return true;
  }
}
