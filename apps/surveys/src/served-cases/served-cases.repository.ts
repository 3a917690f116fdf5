import { Injectable } from '@nestjs/common';
import { executorOf, sql, type Executor } from '@satupintu/persistence';
import { DataSource } from 'typeorm';

/** A case as surveys knows it: ids, service, agency, and its end if it has ended. */
export interface ServedCase {
  applicationId: string;
  trackingNo: string;
  applicantId: string | null;
  serviceCode: string | null;
  agencyCode: string;
  finishedStatus: 'ISSUED' | 'REJECTED' | null;
  finishedAt: Date | null;
}

/**
 * `served_cases`: intake's submission and an agency's end of a case arrive on two streams, in no
 * order between them, so each fills in only its own columns of the row (an upsert either way).
 */
@Injectable()
export class ServedCasesRepository {
  private readonly db: Executor;

  constructor(dataSource: DataSource) {
    this.db = executorOf(dataSource);
  }

  static async recordSubmitted(
    tx: Executor,
    submitted: {
      applicationId: string;
      trackingNo: string;
      applicantId?: string;
      serviceCode: string;
      agencyCode: string;
    },
  ): Promise<void> {
    await tx.execute(sql`
      INSERT INTO served_cases (application_id, tracking_no, applicant_id, service_code, agency_code)
      VALUES (${submitted.applicationId}, ${submitted.trackingNo}, ${submitted.applicantId ?? null},
              ${submitted.serviceCode}, ${submitted.agencyCode})
      ON CONFLICT (application_id) DO UPDATE
         SET applicant_id = EXCLUDED.applicant_id, service_code = EXCLUDED.service_code`);
  }

  /** The first end recorded stands: ISSUED and REJECTED are final. */
  static async recordFinished(
    tx: Executor,
    finished: {
      applicationId: string;
      trackingNo: string;
      agencyCode: string;
      status: 'ISSUED' | 'REJECTED';
      at: Date;
    },
  ): Promise<void> {
    await tx.execute(sql`
      INSERT INTO served_cases (application_id, tracking_no, agency_code, finished_status, finished_at)
      VALUES (${finished.applicationId}, ${finished.trackingNo}, ${finished.agencyCode},
              ${finished.status}, ${finished.at})
      ON CONFLICT (application_id) DO UPDATE
         SET finished_status = coalesce(served_cases.finished_status, EXCLUDED.finished_status),
             finished_at = coalesce(served_cases.finished_at, EXCLUDED.finished_at)`);
  }

  async byTrackingNo(trackingNo: string): Promise<ServedCase | undefined> {
    const [found] = await this.db.query<ServedCase>(sql`
      SELECT application_id AS "applicationId", tracking_no AS "trackingNo",
             applicant_id AS "applicantId", service_code AS "serviceCode",
             agency_code AS "agencyCode", finished_status AS "finishedStatus",
             finished_at AS "finishedAt"
        FROM served_cases WHERE tracking_no = ${trackingNo}`);
    return found;
  }
}
