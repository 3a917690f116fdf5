import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DomainError, type RequestContext } from '@satupintu/common';
import {
  ResolveComplaintSubject,
  ResolveComplaintSubjectV1,
  type ComplaintSubjectV1,
} from '@satupintu/contracts';
import { Caller, HandleRequest } from '@satupintu/messaging';
import { ComplaintSubjectsRepository } from './complaint-subjects.repository';

/**
 * Answered to services asking as themselves only: surveys routes a complaint to the agency that
 * owns its subject (ADR 0034); queue checks the application a ticket names (ADR 0036), and that
 * an applicant's booking names their own (ADR 0038). Codes and ids, no personal data.
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
        : request.trackingNo &&
          (await this.subjects.ofApplication(request.trackingNo, request.applicantId));
    // A bundle step is an application that is a step; a plain application is not one.
    if (!subject || (request.kind === 'BUNDLE_STEP' && !subject.bundleCaseId))
      throw new DomainError('complaint_subject_not_found', 404);
    return subject;
  }
}
