import { DomainError } from '@satupintu/common';
import type { ChangePasswordV1, PasswordChangedV1, Principal } from '@satupintu/contracts';
import { passwordProblem } from '../credentials/passwords';
import type { Person } from './credentials.repository';
import { accountKey, checkPassword, type AttemptCounter, type PasswordChecks } from './log-in';

export interface ChangePasswordPorts extends PasswordChecks, AttemptCounter {
  findPerson(kind: Person['kind'], id: string): Promise<Person | undefined>;
  hash(password: string): Promise<string>;
  /** Stores the new hash and revokes every refresh token of the person, together. */
  replacePassword(person: Person, passwordHash: string): Promise<number>;
}

/**
 * The caller changes their own password. A wrong current password counts towards the
 * account's lockout like a failed sign-in, so a stolen access token is no guessing oracle.
 */
export async function changePassword(
  caller: Principal,
  input: ChangePasswordV1,
  ports: ChangePasswordPorts,
): Promise<PasswordChangedV1> {
  if (caller.kind === 'anonymous' || !caller.subject)
    throw new DomainError('unauthenticated', 401, [], { resource: 'password' });
  if (caller.kind !== 'applicant' && caller.kind !== 'officer')
    throw new DomainError('forbidden', 403, [], { resource: 'password' });
  const person = await ports.findPerson(caller.kind, caller.subject);
  if (!person?.active) throw new DomainError('unauthenticated', 401, [], { resource: 'password' });
  const key = accountKey(person, '');
  if (!(await checkPassword(ports, key, person.passwordHash, input.currentPassword))) {
    throw DomainError.validation(
      [{ field: 'currentPassword', code: 'current_password_wrong' }],
      422,
    );
  }
  const problem = passwordProblem(input.newPassword, person.context);
  if (problem) throw DomainError.validation([{ field: 'newPassword', code: problem }], 422);
  const revoked = await ports.replacePassword(person, await ports.hash(input.newPassword));
  return { revokedRefreshTokens: revoked };
}
