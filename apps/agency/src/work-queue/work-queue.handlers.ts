import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import type { RequestContext } from '@satupintu/common';
import { ListWorkQueue, ListWorkQueueV1, type WorkQueuePageV1 } from '@satupintu/contracts';
import { Caller, HandleRequest } from '@satupintu/messaging';
import { AGENCY_CODE } from '../cases/agency-code';
import { listWorkQueue } from './list-work-queue';
import { WorkQueueRepository } from './work-queue.repository';

/** Requests addressed to this agency (its code is the last token of their subject). */
@Controller()
export class WorkQueueHandlers {
  constructor(
    private readonly repository: WorkQueueRepository,
    @Inject(AGENCY_CODE) private readonly agencyCode: string,
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
}
