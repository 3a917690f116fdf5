import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import type { RequestContext } from '@satupintu/common';
import {
  CreateAgency,
  CreateAgencyV1,
  ListAgencies,
  ListAgenciesV1,
  UpdateAgency,
  UpdateAgencyV1,
  type AgenciesV1,
  type AgencyV1,
} from '@satupintu/contracts';
import { Caller, HandleRequest, IdempotencyKeys } from '@satupintu/messaging';
import { changeAgency, newAgency, requireAgencyManager } from './agency';
import { AgenciesRepository } from './agencies.repository';

@Controller()
export class AgenciesHandlers {
  constructor(
    private readonly agencies: AgenciesRepository,
    private readonly idempotency: IdempotencyKeys,
  ) {}

  /** Public: which agencies the mall has. */
  @HandleRequest(ListAgencies)
  async list(@Payload() _input: ListAgenciesV1): Promise<AgenciesV1> {
    return { items: await this.agencies.list() };
  }

  @HandleRequest(CreateAgency)
  async create(
    @Payload() input: CreateAgencyV1,
    @Caller() caller: RequestContext,
  ): Promise<AgencyV1> {
    requireAgencyManager(caller.principal);
    return this.idempotency.runInTransaction(caller, CreateAgency.subject, input, async (tx) => {
      const agency = newAgency(input);
      await this.agencies.add(agency, tx);
      return agency;
    });
  }

  @HandleRequest(UpdateAgency)
  update(@Payload() patch: UpdateAgencyV1, @Caller() caller: RequestContext): Promise<AgencyV1> {
    requireAgencyManager(caller.principal);
    return this.agencies.change(patch.code, (current) => changeAgency(current, patch));
  }
}
