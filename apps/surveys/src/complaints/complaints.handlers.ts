import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DomainError, type RequestContext } from '@satupintu/common';
import {
  ActOnComplaint,
  ActOnComplaintV1,
  FollowComplaint,
  FollowComplaintV1,
  GetComplaint,
  GetComplaintFigures,
  GetComplaintFiguresV1,
  GetComplaintV1,
  ListComplaintEscalations,
  ListComplaintEscalationsV1,
  ListComplaints,
  ListComplaintsV1,
  SubmitComplaint,
  SubmitComplaintV1,
  type ComplaintEscalationsPageV1,
  type ComplaintFiguresV1,
  type ComplaintReceiptV1,
  type ComplaintV1,
  type ComplaintsPageV1,
} from '@satupintu/contracts';
import { Caller, HandleRequest } from '@satupintu/messaging';
import {
  holdsFollowSecret,
  requireComplaintLister,
  requireComplaintOverseer,
  requireComplaintReader,
} from './complaint-access';
import {
  checkFiguresRange,
  complaintQueryOf,
  complaintsPage,
  escalationQueryOf,
  escalationsPage,
  figuresOf,
} from './complaint-pages';
import { complaintView } from './complaint-record';
import { ComplaintsRepository } from './complaints.repository';
import { ComplaintsService } from './complaints.service';

@Controller()
export class ComplaintsHandlers {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly repository: ComplaintsRepository,
  ) {}

  @HandleRequest(SubmitComplaint)
  submit(
    @Payload() request: SubmitComplaintV1,
    @Caller() caller: RequestContext,
  ): Promise<ComplaintReceiptV1> {
    return this.complaints.submit(request, caller);
  }

  @HandleRequest(GetComplaint)
  async get(
    @Payload() request: GetComplaintV1,
    @Caller() caller: RequestContext,
  ): Promise<ComplaintV1> {
    const record = await this.repository.find(request.complaintNo);
    if (!record) throw this.notFound(request.complaintNo);
    requireComplaintReader(caller.principal, record);
    return complaintView(record, await this.repository.stepsOf(record.id));
  }

  /** A wrong secret is answered exactly as an unknown number. */
  @HandleRequest(FollowComplaint)
  async follow(@Payload() request: FollowComplaintV1): Promise<ComplaintV1> {
    const record = await this.repository.find(request.complaintNo);
    if (!record || !holdsFollowSecret(record, request.followSecret))
      throw this.notFound(request.complaintNo);
    return complaintView(record, await this.repository.stepsOf(record.id));
  }

  @HandleRequest(ActOnComplaint)
  act(
    @Payload() request: ActOnComplaintV1,
    @Caller() caller: RequestContext,
  ): Promise<ComplaintV1> {
    return this.complaints.act(request, caller);
  }

  @HandleRequest(ListComplaints)
  async list(
    @Payload() request: ListComplaintsV1,
    @Caller() caller: RequestContext,
  ): Promise<ComplaintsPageV1> {
    requireComplaintLister(caller.principal, request.agencyCode);
    const query = complaintQueryOf(request);
    // An agency sees a complaint once the mall has verified and routed it.
    const routedOnly = !caller.principal.roles.includes('MALL_ADMIN');
    const rows = await this.repository.list({ ...query, routedOnly });
    return complaintsPage(rows, request.limit);
  }

  @HandleRequest(ListComplaintEscalations)
  async escalations(
    @Payload() request: ListComplaintEscalationsV1,
    @Caller() caller: RequestContext,
  ): Promise<ComplaintEscalationsPageV1> {
    requireComplaintOverseer(caller.principal, request.agencyCode, 'complaint escalations');
    const rows = await this.repository.escalations(escalationQueryOf(request));
    return escalationsPage(rows, request.limit);
  }

  @HandleRequest(GetComplaintFigures)
  async figures(
    @Payload() request: GetComplaintFiguresV1,
    @Caller() caller: RequestContext,
  ): Promise<ComplaintFiguresV1> {
    requireComplaintOverseer(caller.principal, request.agencyCode, 'complaint figures');
    checkFiguresRange(request);
    const rows = await this.repository.figures(request.from, request.to, request.agencyCode);
    return figuresOf(request, rows);
  }

  private notFound(complaintNo: string): DomainError {
    return new DomainError('complaint_not_found', 404, [], { complaintNo });
  }
}
