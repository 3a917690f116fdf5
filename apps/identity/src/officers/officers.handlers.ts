import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import type { RequestContext } from '@satupintu/common';
import {
  CreateOfficer,
  CreateOfficerV1,
  ListOfficers,
  ListOfficersV1,
  UpdateOfficer,
  UpdateOfficerV1,
  type OfficerV1,
  type OfficersPageV1,
} from '@satupintu/contracts';
import { Caller, HandleRequest, IdempotencyKeys } from '@satupintu/messaging';
import { randomUUID } from 'node:crypto';
import { AgenciesRepository } from '../agencies/agencies.repository';
import { hashPassword } from '../credentials/passwords';
import { IdempotencySecrets } from '../idempotency/idempotency-secrets';
import { officerManager } from './officer-access';
import { changeOfficer, listOfficers, newOfficer } from './officers';
import { OfficersRepository } from './officers.repository';

@Controller()
export class OfficersHandlers {
  constructor(
    private readonly officers: OfficersRepository,
    private readonly agencies: AgenciesRepository,
    private readonly idempotency: IdempotencyKeys,
    private readonly secrets: IdempotencySecrets,
  ) {}

  @HandleRequest(CreateOfficer)
  async create(
    @Payload() input: CreateOfficerV1,
    @Caller() caller: RequestContext,
  ): Promise<OfficerV1> {
    const manager = officerManager(caller.principal);
    const fingerprinted = this.secrets.fingerprinted(input, 'password');
    return this.idempotency.run(caller, CreateOfficer.subject, fingerprinted, async (claim) => {
      const officer = newOfficer(manager, input, randomUUID());
      await this.agencies.requireKnown(officer.agencyCode);
      // Hashed before the transaction: argon2 is slow, and no connection should wait on it.
      const passwordHash = await hashPassword(input.password);
      return this.idempotency.completeInTransaction(claim, async (tx) => {
        await this.officers.add(officer, passwordHash, tx);
        return officer;
      });
    });
  }

  @HandleRequest(UpdateOfficer)
  update(@Payload() patch: UpdateOfficerV1, @Caller() caller: RequestContext): Promise<OfficerV1> {
    const manager = officerManager(caller.principal);
    return this.officers.change(patch.officerId, (current) =>
      changeOfficer(manager, current, patch),
    );
  }

  @HandleRequest(ListOfficers)
  list(
    @Payload() request: ListOfficersV1,
    @Caller() caller: RequestContext,
  ): Promise<OfficersPageV1> {
    return listOfficers(officerManager(caller.principal), request, {
      list: (agency, after, limit) => this.officers.list(agency, after, limit),
    });
  }
}
