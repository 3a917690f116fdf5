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
import { Caller, HandleRequest, IdempotencyKeys } from '@satupintu/messaging';
import { randomBytes } from 'node:crypto';
import type { Manager } from '../access/callers';
import { AgenciesRepository } from '../agencies/agencies.repository';
import { hashPassword } from '../credentials/passwords';
import { IdempotencySecrets } from '../idempotency/idempotency-secrets';
import {
  SECRET_OVERLAP_MS,
  clientManager,
  managesClient,
  newApiClient,
  newClientSecret,
} from './api-client';
import { ApiClientsRepository } from './api-clients.repository';

/**
 * Secrets are made here and kept only as argon2id hashes; answered once, or again to a retry
 * under the same `Idempotency-Key`, for which the answer is kept with its secret sealed.
 */
@Controller()
export class ApiClientsHandlers {
  constructor(
    private readonly clients: ApiClientsRepository,
    private readonly agencies: AgenciesRepository,
    private readonly idempotency: IdempotencyKeys,
    private readonly secrets: IdempotencySecrets,
  ) {}

  @HandleRequest(CreateApiClient)
  async create(
    @Payload() input: CreateApiClientV1,
    @Caller() caller: RequestContext,
  ): Promise<ApiClientCreatedV1> {
    const manager = clientManager(caller.principal);
    return this.idempotency.run(
      caller,
      CreateApiClient.subject,
      input,
      async (claim) => {
        const client = newApiClient(manager, input);
        await this.agencies.requireKnown(client.agencyCode);
        const secret = newClientSecret(randomBytes);
        // Hashed before the transaction: argon2 is slow, and no connection should wait on it.
        const secretHash = await hashPassword(secret);
        return this.idempotency.completeInTransaction(claim, async (tx) => {
          await this.clients.add(client, secretHash, tx);
          return { client, secret };
        });
      },
      { sealing: this.secrets.sealing<ApiClientCreatedV1>('secret') },
    );
  }

  @HandleRequest(RotateClientSecret)
  async rotate(
    @Payload() input: RotateClientSecretV1,
    @Caller() caller: RequestContext,
  ): Promise<ClientSecretRotatedV1> {
    const manager = clientManager(caller.principal);
    const revoked = () => new DomainError('client_revoked', 409, [], { clientId: input.clientId });
    return this.idempotency.run(
      caller,
      RotateClientSecret.subject,
      input,
      async (claim) => {
        const client = await this.managed(manager, input.clientId);
        if (client.revokedAt) throw revoked();
        const secret = newClientSecret(randomBytes);
        const secretHash = await hashPassword(secret);
        return this.idempotency.completeInTransaction(claim, async (tx) => {
          const overlapUntil = new Date(Date.now() + SECRET_OVERLAP_MS);
          if (!(await this.clients.rotate(input.clientId, secretHash, overlapUntil, tx)))
            throw revoked();
          return {
            clientId: input.clientId,
            secret,
            previousSecretsExpireAt: overlapUntil.toISOString(),
          };
        });
      },
      { sealing: this.secrets.sealing<ClientSecretRotatedV1>('secret') },
    );
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
