import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import type { RequestContext } from '@satupintu/common';
import {
  type CaseChangesPageV1,
  type CaseClaimV1,
  type CaseDetailV1,
  ClaimCase,
  GetCase,
  GetCaseV1,
  ListCaseChanges,
  ListCaseChangesV1,
  ClaimCaseV1,
  ListWorkQueue,
  ListWorkQueueV1,
  ReleaseCase,
  type WorkQueuePageV1,
} from '@satupintu/contracts';
import { Caller, HandleRequest, type Transaction, UnitOfWork } from '@satupintu/messaging';
import { AGENCY_CODE } from '../cases/agency-code';
import { type ClaimPorts, claimCase, releaseCase } from './claim-case';
import { listWorkQueue } from './list-work-queue';
import { listCaseChanges, readCase } from './read-case';
import { WorkQueueRepository } from './work-queue.repository';

export const CLAIM_MINUTES = Symbol('CLAIM_MINUTES');

const claimPorts = (tx: Transaction): ClaimPorts => ({
  lockCase: (trackingNo) => WorkQueueRepository.lockForClaim(tx, trackingNo),
  setClaim: (applicationId, claim) => WorkQueueRepository.setClaim(tx, applicationId, claim),
  now: () => new Date(),
});

/** Requests addressed to this agency (its code is the last token of their subject). */
@Controller()
export class WorkQueueHandlers {
  constructor(
    private readonly repository: WorkQueueRepository,
    private readonly unitOfWork: UnitOfWork,
    @Inject(AGENCY_CODE) private readonly agencyCode: string,
    @Inject(CLAIM_MINUTES) private readonly claimMinutes: number,
  ) {}

  @HandleRequest(ListWorkQueue)
  list(
    @Payload() request: ListWorkQueueV1,
    @Caller() caller: RequestContext,
  ): Promise<WorkQueuePageV1> {
    return listWorkQueue(this.agencyCode, caller.principal, request, {
      cases: (query) => this.repository.cases(query),
    });
  }

  @HandleRequest(GetCase)
  get(@Payload() request: GetCaseV1, @Caller() caller: RequestContext): Promise<CaseDetailV1> {
    return readCase(this.agencyCode, caller.principal, request.trackingNo, {
      find: (trackingNo) => this.repository.find(trackingNo),
      history: (applicationId, limit) => this.repository.history(applicationId, limit),
      payment: (applicationId) => this.repository.payment(applicationId),
      output: (applicationId) => this.repository.output(applicationId),
    });
  }

  @HandleRequest(ListCaseChanges)
  changes(
    @Payload() request: ListCaseChangesV1,
    @Caller() caller: RequestContext,
  ): Promise<CaseChangesPageV1> {
    return listCaseChanges(this.agencyCode, caller.principal, request, {
      changes: (query) => this.repository.changes(query),
    });
  }

  @HandleRequest(ClaimCase)
  claim(@Payload() request: ClaimCaseV1, @Caller() caller: RequestContext): Promise<CaseClaimV1> {
    return this.unitOfWork.run((tx) =>
      claimCase(
        this.agencyCode,
        caller.principal,
        request.trackingNo,
        this.claimMinutes,
        claimPorts(tx),
      ),
    );
  }

  @HandleRequest(ReleaseCase)
  release(
    @Payload() request: ClaimCaseV1,
    @Caller() caller: RequestContext,
  ): Promise<{ released: true }> {
    return this.unitOfWork.run((tx) =>
      releaseCase(this.agencyCode, caller.principal, request.trackingNo, claimPorts(tx)),
    );
  }
}
