import { sql } from '@satupintu/persistence';
import type { PublicJwkV1 } from '@satupintu/contracts';
import type { KeyRecord, KeyState } from './key-rotation';

export interface SigningKeyRow extends KeyRecord {
  publicJwk: PublicJwkV1;
}

/** Every statement on `signing_keys`. */
export const signingKeysSql = {
  /** Serializes every change of the keys across the service's instances, until commit. */
  lock: () => sql`SELECT pg_advisory_xact_lock(hashtext('satupintu:identity:signing-keys'))`,

  all: () => sql<SigningKeyRow>`
    SELECT kid, state, public_jwk AS "publicJwk", created_at AS "createdAt",
           activated_at AS "activatedAt", retiring_at AS "retiringAt"
      FROM signing_keys WHERE state <> 'retired'`,

  published: (states: readonly KeyState[]) => sql<{ publicJwk: PublicJwkV1 }>`
    SELECT public_jwk AS "publicJwk" FROM signing_keys
     WHERE state = ANY(${states}) ORDER BY created_at DESC`,

  active: () => sql<{ kid: string; sealed: Buffer }>`
    SELECT kid, private_jwk_sealed AS sealed FROM signing_keys WHERE state = 'active'`,

  insert: (key: {
    kid: string;
    publicJwk: PublicJwkV1;
    sealed: Buffer;
    state: 'active' | 'next';
  }) => sql`
    INSERT INTO signing_keys (kid, alg, public_jwk, private_jwk_sealed, state, activated_at)
    VALUES (${key.kid}, 'EdDSA', ${JSON.stringify(key.publicJwk)}::jsonb, ${key.sealed},
            ${key.state}, ${key.state === 'active' ? sql`now()` : null})`,

  demote: (kid: string) => sql`
    UPDATE signing_keys SET state = 'retiring', retiring_at = now()
     WHERE kid = ${kid} AND state = 'active'`,

  promote: (kid: string) => sql`
    UPDATE signing_keys SET state = 'active', activated_at = now()
     WHERE kid = ${kid} AND state = 'next'`,

  retire: (kid: string) => sql`
    UPDATE signing_keys SET state = 'retired' WHERE kid = ${kid} AND state = 'retiring'`,
};
