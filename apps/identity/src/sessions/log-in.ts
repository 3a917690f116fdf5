import { DomainError } from '@satupintu/common';
import type { IssuedTokensV1, LogInV1 } from '@satupintu/contracts';
import { createHash } from 'node:crypto';
import type { Person } from './credentials.repository';
import type { AttemptDecision } from './lockout';

export interface PasswordChecks {
  verify(passwordHash: string, password: string): Promise<boolean>;
  /** A hash of no one's password, verified when there is no account: the same cost either way. */
  dummyHash(): Promise<string>;
}

export interface AttemptCounter {
  countAttempt(accountKey: string): Promise<AttemptDecision>;
  clearAttempts(accountKey: string): Promise<void>;
}

export interface LogInPorts extends PasswordChecks, AttemptCounter {
  findPerson(identifier: string): Promise<Person | undefined>;
  openSession(person: Person): Promise<IssuedTokensV1>;
}

/**
 * What failed sign-ins are counted under: the account when it exists (so its NIK and its e-mail
 * share one count), otherwise the identifier itself, hashed, so that an unknown identifier
 * locks exactly like a known one and a lock tells nothing.
 */
export function accountKey(person: Pick<Person, 'kind' | 'id'> | undefined, identifier: string) {
  if (person) return `${person.kind}:${person.id}`;
  const normalized = identifier.trim().toLowerCase();
  return `unknown:${createHash('sha256').update(normalized).digest('base64url')}`;
}

export async function checkPassword(
  ports: PasswordChecks & AttemptCounter,
  key: string,
  passwordHash: string | undefined,
  password: string,
): Promise<boolean> {
  const attempt = await ports.countAttempt(key);
  if (!attempt.allowed) {
    throw new DomainError('account_locked', 429, [], {
      retryAfterSeconds: attempt.retryAfterSeconds,
    });
  }
  const matches = await ports.verify(passwordHash ?? (await ports.dummyHash()), password);
  if (matches && passwordHash !== undefined) {
    await ports.clearAttempts(key);
    return true;
  }
  return false;
}

/**
 * A person signs in. Every refusal but a lock reads the same (`invalid_credentials`): an
 * unknown identifier, a wrong password, a deactivated officer.
 */
export async function logIn(input: LogInV1, ports: LogInPorts): Promise<IssuedTokensV1> {
  const person = await ports.findPerson(input.identifier);
  const key = accountKey(person, input.identifier);
  const matches = await checkPassword(ports, key, person?.passwordHash, input.password);
  if (!matches || !person?.active) throw new DomainError('invalid_credentials', 401);
  return ports.openSession(person);
}
