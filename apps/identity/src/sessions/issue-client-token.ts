import { DomainError } from '@satupintu/common';
import type { IssueClientTokenV1, IssuedTokensV1, Principal } from '@satupintu/contracts';
import type { ApiClient } from './credentials.repository';
import type { PasswordChecks } from './log-in';
import { principalOfClient } from './principals';

export interface IssueClientTokenPorts extends PasswordChecks {
  findClient(clientId: string): Promise<ApiClient | undefined>;
  accessToken(principal: Principal): Promise<IssuedTokensV1>;
}

/**
 * Client credentials (RFC 6749 §4.4). Secrets are 256-bit random values, so guessing is
 * hopeless and there is no lockout; every secret of the client that has not expired is tried
 * (a rotation overlaps), and an unknown or revoked client still costs one verification.
 */
export async function issueClientToken(
  input: IssueClientTokenV1,
  ports: IssueClientTokenPorts,
): Promise<IssuedTokensV1> {
  const client = await ports.findClient(input.clientId);
  const hashes = client && !client.revoked ? client.secretHashes : [];
  let matches = false;
  for (const hash of hashes) {
    if (await ports.verify(hash, input.clientSecret)) {
      matches = true;
      break;
    }
  }
  if (hashes.length === 0) await ports.verify(await ports.dummyHash(), input.clientSecret);
  if (!client || !matches) throw new DomainError('invalid_client', 401);
  const requested = input.scope?.split(' ') ?? client.scopes;
  const missing = requested.find((scope) => !client.scopes.includes(scope));
  if (missing !== undefined) throw new DomainError('invalid_scope', 400, [], { scope: missing });
  const scopes = [...new Set(requested)];
  return {
    ...(await ports.accessToken(principalOfClient(client, scopes))),
    scope: scopes.join(' '),
  };
}
