import { Injectable } from '@nestjs/common';
import type { ComplaintSubjectV1 } from '@satupintu/contracts';
import { executorOf, sql, type Executor } from '@satupintu/persistence';
import { DataSource } from 'typeorm';

/** Which agency owns an application, a bundle step's application, or a service. */
@Injectable()
export class ComplaintSubjectsRepository {
  private readonly db: Executor;

  constructor(dataSource: DataSource) {
    this.db = executorOf(dataSource);
  }

  /** An application, with its bundle step when it is one; only this applicant's when named. */
  async ofApplication(
    trackingNo: string,
    applicantId?: string,
  ): Promise<ComplaintSubjectV1 | undefined> {
    const [row] = await this.db.query<ComplaintSubjectV1 & { bundleCaseId: string | null }>(sql`
      SELECT a.agency_code AS "agencyCode", g.time_zone AS "agencyTimeZone",
             a.service_code AS "serviceCode", a.id AS "applicationId",
             a.bundle_case_id AS "bundleCaseId", a.step_key AS "stepKey"
        FROM applications a JOIN agencies g ON g.code = a.agency_code
       WHERE a.tracking_no = ${trackingNo}
         ${applicantId === undefined ? sql`` : sql`AND a.applicant_id = ${applicantId}`}`);
    if (!row) return undefined;
    const { bundleCaseId, stepKey, ...subject } = row;
    return bundleCaseId ? { ...subject, bundleCaseId, stepKey: stepKey! } : subject;
  }

  async ofService(serviceCode: string): Promise<ComplaintSubjectV1 | undefined> {
    const [row] = await this.db.query<ComplaintSubjectV1>(sql`
      SELECT s.agency_code AS "agencyCode", g.time_zone AS "agencyTimeZone",
             s.code AS "serviceCode"
        FROM services s JOIN agencies g ON g.code = s.agency_code
       WHERE s.code = ${serviceCode}`);
    return row;
  }
}
