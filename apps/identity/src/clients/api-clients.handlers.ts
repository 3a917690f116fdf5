import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DomainError, type RequestContext } from '@satupintu/common';
import {
  CreateApiClient,
  CreateApiClientV1,
  RevokeApiClient,
  RevokeApiClientV1,
  RotateClientSecret,
  RotateClientSecretV1,
  type ApiClientCreatedV1,
  type ApiClientV1,
  type ClientSecretRotatedV1,
} from '@satupintu/contracts';
import { Caller, HandleRequest } from '@satupintu/messaging';
import { randomBytes } from 'node:crypto';
import type { Manager } from '../access/callers';
import { AgenciesRepository } from '../agencies/agencies.repository';
import { hashPassword } from '../credentials/passwords';
import {
  SECRET_OVERLAP_MS,
  clientManager,
  managesClient,
  newApiClient,
  newClientSecret,
} from './api-client';
import { ApiClientsRepository } from './api-clients.repository';

/** Secrets are made here, answered once, and kept only as argon2id hashes. */
@Controller()
export class ApiClientsHandlers {
  constructor(
    private readonly clients: ApiClientsRepository,
    private readonly agencies: AgenciesRepository,
  ) {}

  @HandleRequest(CreateApiClient)
  async create(
    @Payload() input: CreateApiClientV1,
    @Caller() caller: RequestContext,
  ): Promise<ApiClientCreatedV1> {
    const client = newApiClient(clientManager(caller.principal), input);
    await this.agencies.requireKnown(client.agencyCode);
    const secret = newClientSecret(randomBytes);
    await this.clients.add(client, await hashPassword(secret));
    return { client, secret };
  }

  @HandleRequest(RotateClientSecret)
  async rotate(
    @Payload() input: RotateClientSecretV1,
    @Caller() caller: RequestContext,
  ): Promise<ClientSecretRotatedV1> {
    const client = await this.managed(clientManager(caller.principal), input.clientId);
    if (client.revokedAt)
      throw new DomainError('client_revoked', 409, [], { clientId: input.clientId });
    const secret = newClientSecret(randomBytes);
    const overlapUntil = new Date(Date.now() + SECRET_OVERLAP_MS);
    if (!(await this.clients.rotate(input.clientId, await hashPassword(secret), overlapUntil)))
      throw new DomainError('client_revoked', 409, [], { clientId: input.clientId });
    return {
      clientId: input.clientId,
      secret,
      previousSecretsExpireAt: overlapUntil.toISOString(),
    };
  }

  @HandleRequest(RevokeApiClient)
  async revoke(
    @Payload() input: RevokeApiClientV1,
    @Caller() caller: RequestContext,
  ): Promise<ApiClientV1> {
    await this.managed(clientManager(caller.principal), input.clientId);
    const revoked = await this.clients.revoke(input.clientId);
    if (!revoked) throw new DomainError('client_not_found', 404, [], { clientId: input.clientId });
    return revoked;
  }

  /** The client, if this manager manages it; otherwise it is not there, whether it exists or not. */
  private async managed(manager: Manager, clientId: string): Promise<ApiClientV1> {
    const client = await this.clients.byClientId(clientId);
    if (!client || !managesClient(manager, client))
      throw new DomainError('client_not_found', 404, [], { clientId });
    return client;
  }
}
