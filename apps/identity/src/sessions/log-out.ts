import { DomainError } from '@satupintu/common';
import type { LogOutV1, Principal } from '@satupintu/contracts';
import type { SessionSubject } from './sessions.repository';

/**
 * Whose refresh tokens a sign-out revokes: the holder of the refresh token given (which is its
 * own credential), else the signed-in person calling; undefined for a refresh token we do not
 * know (nothing to do, no error).
 */
export async function logOutWhom(
  caller: Principal,
  input: LogOutV1,
  holderOf: (refreshToken: string) => Promise<SessionSubject | undefined>,
): Promise<SessionSubject | undefined> {
  if (input.refreshToken !== undefined) return holderOf(input.refreshToken);
  if ((caller.kind === 'applicant' || caller.kind === 'officer') && caller.subject)
    return { kind: caller.kind, id: caller.subject };
  if (caller.kind === 'anonymous')
    throw new DomainError('unauthenticated', 401, [], { resource: 'sessions' });
  throw new DomainError('forbidden', 403, [], { resource: 'sessions' });
}
