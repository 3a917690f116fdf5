import { queryServiceDb } from '@satupintu/testing';
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { hashPassword } from '../src/credentials/passwords';

// Accounts written straight into identity's tables, as the accounts feature would store them:
// the token tests need people and clients to exist, not the way they were registered.

const tag = () => randomBytes(4).toString('hex');

export interface PersonAccount {
  id: string;
  password: string;
}

export async function anAgency(): Promise<string> {
  const code = `T${tag().toUpperCase()}`;
  await queryServiceDb(
    ['identity'],
    `INSERT INTO agencies (code, name, time_zone) VALUES ($1, $2, 'Asia/Jakarta')`,
    [code, `Instansi uji ${code}`],
  );
  return code;
}

export async function anApplicantAccount(): Promise<
  PersonAccount & { nik: string; email: string }
> {
  const id = randomUUID();
  const nik = `3201${String(randomInt(0, 1e12)).padStart(12, '0')}`;
  const email = `warga.${tag()}@example.id`;
  const password = `sandi-rahasia-${tag()}`;
  await queryServiceDb(
    ['identity'],
    `INSERT INTO applicants (id, nik, name, birth_date, sex, email, password_hash)
     VALUES ($1, $2, 'Siti Rahayu', '1990-06-05', 'F', $3, $4)`,
    [id, nik, email, await hashPassword(password)],
  );
  return { id, nik, email, password };
}

export async function anOfficerAccount(
  agency: string,
  roles: string[],
  options: { active?: boolean } = {},
): Promise<PersonAccount & { username: string }> {
  const id = randomUUID();
  const username = `petugas.${tag()}`;
  const password = `meja-layanan-${tag()}`;
  await queryServiceDb(
    ['identity'],
    `INSERT INTO officers (id, username, name, agency_code, roles, password_hash, active)
     VALUES ($1, $2, 'Budi Santoso', $3, $4, $5, $6)`,
    [id, username, agency, roles, await hashPassword(password), options.active ?? true],
  );
  return { id, username, password };
}

export interface ClientAccount {
  clientId: string;
  /** Its secrets, newest first. */
  secrets: string[];
}

export async function anApiClient(options: {
  scopes: string[];
  agency?: string;
  kind?: 'AGENCY_SYSTEM' | 'KIOSK' | 'PORTAL';
  revoked?: boolean;
  /** One secret per entry, expiring at the given time (null: never). */
  secretsExpiring?: (Date | null)[];
}): Promise<ClientAccount> {
  const id = randomUUID();
  const clientId = `klien-${tag()}`;
  await queryServiceDb(
    ['identity'],
    `INSERT INTO api_clients (id, client_id, name, kind, agency_code, scopes, revoked_at)
     VALUES ($1, $2, 'Klien uji', $3, $4, $5, $6)`,
    [
      id,
      clientId,
      options.kind ?? 'AGENCY_SYSTEM',
      options.agency ?? null,
      options.scopes,
      options.revoked ? new Date() : null,
    ],
  );
  const secrets: string[] = [];
  for (const expiresAt of options.secretsExpiring ?? [null]) {
    const secret = randomBytes(32).toString('base64url');
    await queryServiceDb(
      ['identity'],
      `INSERT INTO client_secrets (id, client_id, secret_hash, expires_at) VALUES ($1, $2, $3, $4)`,
      [randomUUID(), id, await hashPassword(secret), expiresAt],
    );
    secrets.push(secret);
  }
  return { clientId, secrets };
}
