import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import type { RequestContext } from '@satupintu/common';
import {
  ListMyBundles,
  ListMyBundlesV1,
  ListMyCases,
  ListMyCasesV1,
  ListTrackedCases,
  ListTrackedCasesV1,
  type MyBundlesPageV1,
  type MyCasesPageV1,
  type TrackedCasesPageV1,
} from '@satupintu/contracts';
import { Caller, HandleRequest } from '@satupintu/messaging';
import { listMyBundles, listMyCases, listTrackedCases } from './case-lists';
import { CaseListsRepository } from './case-lists.repository';

@Controller()
export class ViewsHandlers {
  constructor(private readonly cases: CaseListsRepository) {}

  @HandleRequest(ListMyCases)
  mine(
    @Payload() request: ListMyCasesV1,
    @Caller() caller: RequestContext,
  ): Promise<MyCasesPageV1> {
    return listMyCases(caller.principal, request, this.cases);
  }

  @HandleRequest(ListMyBundles)
  myBundles(
    @Payload() request: ListMyBundlesV1,
    @Caller() caller: RequestContext,
  ): Promise<MyBundlesPageV1> {
    return listMyBundles(caller.principal, request, this.cases);
  }

  @HandleRequest(ListTrackedCases)
  ofAgency(
    @Payload() request: ListTrackedCasesV1,
    @Caller() caller: RequestContext,
  ): Promise<TrackedCasesPageV1> {
    return listTrackedCases(caller.principal, request, new Date(), this.cases);
  }
}
