import { Controller, Injectable, Module } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DomainError, type RequestContext } from '@satupintu/common';
import {
  ResolveComplaintSubject,
  ResolveComplaintSubjectV1,
  type ComplaintSubjectV1,
} from '@satupintu/contracts';
import { Caller, HandleRequest } from '@satupintu/messaging';
import { executorOf, sql, type Executor } from '@satupintu/persistence';
import { DataSource } from 'typeorm';

/** Which agency owns an application, a bundle step's application, or a service. */
@Injectable()
export class ComplaintSubjectsRepository {
  private readonly db: Executor;

  constructor(dataSource: DataSource) {
    this.db = executorOf(dataSource);
  }

  /** An application, with its bundle step when it is one. */
  async ofApplication(trackingNo: string): Promise<ComplaintSubjectV1 | undefined> {
    const [row] = await this.db.query<ComplaintSubjectV1 & { bundleCaseId: string | null }>(sql`
      SELECT a.agency_code AS "agencyCode", g.time_zone AS "agencyTimeZone",
             a.service_code AS "serviceCode", a.id AS "applicationId",
             a.bundle_case_id AS "bundleCaseId", a.step_key AS "stepKey"
        FROM applications a JOIN agencies g ON g.code = a.agency_code
       WHERE a.tracking_no = ${trackingNo}`);
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

/**
 * Answered to the surveys service only (it asks as itself): a complaint is routed to the agency
 * that owns its subject (ADR 0034). Codes and ids, no personal data.
 */
@Controller()
export class ComplaintSubjectsHandlers {
  constructor(private readonly subjects: ComplaintSubjectsRepository) {}

  @HandleRequest(ResolveComplaintSubject)
  async resolve(
    @Payload() request: ResolveComplaintSubjectV1,
    @Caller() caller: RequestContext,
  ): Promise<ComplaintSubjectV1> {
    if (caller.principal.kind !== 'system') throw new DomainError('forbidden', 403);
    const subject =
      request.kind === 'SERVICE'
        ? request.serviceCode && (await this.subjects.ofService(request.serviceCode))
        : request.trackingNo && (await this.subjects.ofApplication(request.trackingNo));
    // A bundle step is an application that is a step; a plain application is not one.
    if (!subject || (request.kind === 'BUNDLE_STEP' && !subject.bundleCaseId))
      throw new DomainError('complaint_subject_not_found', 404);
    return subject;
  }
}

@Module({ controllers: [ComplaintSubjectsHandlers], providers: [ComplaintSubjectsRepository] })
export class ComplaintSubjectsModule {}
