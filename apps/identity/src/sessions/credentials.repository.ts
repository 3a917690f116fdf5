import { Injectable } from '@nestjs/common';
import type { Role } from '@satupintu/contracts';
import { executorOf, sql, type Executor } from '@satupintu/persistence';
import { DataSource } from 'typeorm';
import type { PasswordContext } from '../credentials/passwords';

/** A person who signs in with a password. */
export interface Person {
  kind: 'applicant' | 'officer';
  id: string;
  passwordHash: string;
  /** Officers can be deactivated; applicants always are. */
  active: boolean;
  roles: Role[];
  agency: string | null;
  /** What a new password must not contain. */
  context: PasswordContext;
}

export interface ApiClient {
  clientId: string;
  scopes: string[];
  agency: string | null;
  revoked: boolean;
  /** The hashes of its secrets that have not expired: more than one while a rotation overlaps. */
  secretHashes: string[];
}

/** How an identifier names its account: a NIK, an e-mail, or an officer's username. */
export type IdentifierKind = 'nik' | 'email' | 'username';

export function identifierKind(identifier: string): IdentifierKind {
  if (/^\d{16}$/.test(identifier)) return 'nik';
  return identifier.includes('@') ? 'email' : 'username';
}

/** Reads the accounts tables for credential checks; the accounts feature owns the writes. */
@Injectable()
export class CredentialsRepository {
  private readonly db: Executor;

  constructor(dataSource: DataSource) {
    this.db = executorOf(dataSource);
  }

  async findByIdentifier(raw: string): Promise<Person | undefined> {
    const identifier = raw.trim();
    switch (identifierKind(identifier)) {
      case 'nik':
        return this.applicant(sql`nik = ${identifier}`);
      case 'email':
        return this.applicant(sql`email = ${identifier.toLowerCase()}`);
      case 'username':
        return this.officer(sql`username = ${identifier.toLowerCase()}`);
    }
  }

  findById(kind: Person['kind'], id: string): Promise<Person | undefined> {
    return kind === 'applicant' ? this.applicant(sql`id = ${id}`) : this.officer(sql`id = ${id}`);
  }

  async findClient(clientId: string): Promise<ApiClient | undefined> {
    const [row] = await this.db.query<ApiClient>(sql`
      SELECT c.client_id AS "clientId", c.scopes, c.agency_code AS agency,
             c.revoked_at IS NOT NULL AS revoked,
             coalesce(array_agg(s.secret_hash ORDER BY s.created_at DESC)
                        FILTER (WHERE s.id IS NOT NULL), '{}') AS "secretHashes"
        FROM api_clients c
        LEFT JOIN client_secrets s
          ON s.client_id = c.id AND (s.expires_at IS NULL OR s.expires_at > now())
       WHERE c.client_id = ${clientId}
       GROUP BY c.id`);
    return row;
  }

  /** Stores a new password hash (the caller revokes the sessions in the same breath). */
  async setPassword(
    kind: Person['kind'],
    id: string,
    passwordHash: string,
    executor: Executor = this.db,
  ): Promise<void> {
    const table = kind === 'applicant' ? sql`applicants` : sql`officers`;
    await executor.execute(sql`
      UPDATE ${table} SET password_hash = ${passwordHash}, password_changed_at = now(),
             updated_at = now()
       WHERE id = ${id}`);
  }

  private async applicant(where: ReturnType<typeof sql>): Promise<Person | undefined> {
    const [row] = await this.db.query<{
      id: string;
      passwordHash: string;
      nik: string;
      email: string | null;
      phone: string | null;
      name: string;
    }>(sql`
      SELECT id, password_hash AS "passwordHash", nik, email, phone, name
        FROM applicants WHERE ${where}`);
    if (!row) return undefined;
    return {
      kind: 'applicant',
      id: row.id,
      passwordHash: row.passwordHash,
      active: true,
      roles: [],
      agency: null,
      context: {
        nik: row.nik,
        name: row.name,
        ...(row.email ? { email: row.email } : {}),
        ...(row.phone ? { phone: row.phone } : {}),
      },
    };
  }

  private async officer(where: ReturnType<typeof sql>): Promise<Person | undefined> {
    const [row] = await this.db.query<{
      id: string;
      passwordHash: string;
      username: string;
      name: string;
      active: boolean;
      roles: Role[];
      agency: string | null;
    }>(sql`
      SELECT id, password_hash AS "passwordHash", username, name, active, roles,
             agency_code AS agency
        FROM officers WHERE ${where}`);
    if (!row) return undefined;
    return {
      kind: 'officer',
      id: row.id,
      passwordHash: row.passwordHash,
      active: row.active,
      roles: row.roles,
      agency: row.agency,
      context: { username: row.username, name: row.name },
    };
  }
}
