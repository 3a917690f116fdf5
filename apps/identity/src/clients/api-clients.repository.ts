import { Injectable } from '@nestjs/common';
import { DomainError } from '@satupintu/common';
import type { ApiClientKind, ApiClientV1 } from '@satupintu/contracts';
import { UnitOfWork } from '@satupintu/messaging';
import { type Executor, executorOf, sql, uniqueViolation } from '@satupintu/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

interface ClientRow {
  id: string;
  clientId: string;
  name: string;
  kind: ApiClientKind;
  agencyCode: string | null;
  scopes: string[];
  revokedAt: Date | null;
}

const CLIENT_COLUMNS = sql`id, client_id AS "clientId", name, kind, agency_code AS "agencyCode",
  scopes, revoked_at AS "revokedAt"`;

function toClient(row: ClientRow): ApiClientV1 {
  return {
    clientId: row.clientId,
    name: row.name,
    kind: row.kind,
    ...(row.agencyCode ? { agencyCode: row.agencyCode } : {}),
    scopes: row.scopes,
    ...(row.revokedAt ? { revokedAt: row.revokedAt.toISOString() } : {}),
  };
}

/**
 * Every query on `api_clients` and `client_secrets`. Secrets arrive here already hashed
 * (argon2id); a client's secrets are those of its rows whose `expires_at` is null or ahead.
 */
@Injectable()
export class ApiClientsRepository {
  private readonly db: Executor;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    dataSource: DataSource,
  ) {
    this.db = executorOf(dataSource);
  }

  async add(client: ApiClientV1, secretHash: string, within?: Executor): Promise<void> {
    const id = randomUUID();
    const work = async (tx: Executor) => {
      await tx.execute(sql`
          INSERT INTO api_clients (id, client_id, name, kind, agency_code, scopes)
          VALUES (${id}, ${client.clientId}, ${client.name}, ${client.kind},
                  ${client.agencyCode ?? null}, ${client.scopes}::text[])`);
      await tx.execute(sql`
          INSERT INTO client_secrets (id, client_id, secret_hash)
          VALUES (${randomUUID()}, ${id}, ${secretHash})`);
    };
    try {
      await (within ? work(within) : this.unitOfWork.run(work));
    } catch (error) {
      if (uniqueViolation(error) === 'api_clients_client_id_key')
        throw new DomainError('client_id_taken', 409, [], { clientId: client.clientId });
      throw error;
    }
  }

  async byClientId(clientId: string): Promise<ApiClientV1 | undefined> {
    const rows = await this.db.query<ClientRow>(
      sql`SELECT ${CLIENT_COLUMNS} FROM api_clients WHERE client_id = ${clientId}`,
    );
    return rows[0] && toClient(rows[0]);
  }

  /**
   * A new secret; the current ones end at `overlapUntil` (or sooner, if they already would).
   * Answers false if the client was revoked meanwhile.
   */
  rotate(
    clientId: string,
    secretHash: string,
    overlapUntil: Date,
    within?: Executor,
  ): Promise<boolean> {
    const work = async (tx: Executor) => {
      const [client] = await tx.query<{ id: string }>(sql`
        SELECT id FROM api_clients WHERE client_id = ${clientId} AND revoked_at IS NULL FOR UPDATE`);
      if (!client) return false;
      await tx.execute(sql`
        UPDATE client_secrets SET expires_at = ${overlapUntil.toISOString()}::timestamptz
         WHERE client_id = ${client.id}
           AND (expires_at IS NULL OR expires_at > ${overlapUntil.toISOString()}::timestamptz)`);
      await tx.execute(sql`
        INSERT INTO client_secrets (id, client_id, secret_hash)
        VALUES (${randomUUID()}, ${client.id}, ${secretHash})`);
      await tx.execute(sql`UPDATE api_clients SET updated_at = now() WHERE id = ${client.id}`);
      return true;
    };
    return within ? work(within) : this.unitOfWork.run(work);
  }

  /** Revoked at once, every secret with it; a second revocation keeps the first time. */
  async revoke(clientId: string): Promise<ApiClientV1 | undefined> {
    const rows = await this.db.query<ClientRow>(sql`
      UPDATE api_clients SET revoked_at = coalesce(revoked_at, now()), updated_at = now()
       WHERE client_id = ${clientId}
       RETURNING ${CLIENT_COLUMNS}`);
    return rows[0] && toClient(rows[0]);
  }
}
