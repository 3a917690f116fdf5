import type { OutputPublicJwkV1 } from '@satupintu/contracts';
import { sql, type Executor } from '@satupintu/persistence';

/** Every query on `output_signing_keys`. */
export const OutputSigningKeysRepository = {
  async active(db: Executor): Promise<{ kid: string; sealed: Buffer } | undefined> {
    const [row] = await db.query<{ kid: string; sealed: Buffer }>(sql`
      SELECT kid, private_jwk_sealed AS sealed FROM output_signing_keys WHERE retired_at IS NULL`);
    return row;
  },

  /** Adds the key as the active one unless another instance got there first (the unique index). */
  async addActive(
    db: Executor,
    key: { kid: string; publicJwk: OutputPublicJwkV1; sealed: Buffer },
  ): Promise<boolean> {
    const { count } = await db.execute(sql`
      INSERT INTO output_signing_keys (kid, public_jwk, private_jwk_sealed)
      VALUES (${key.kid}, ${JSON.stringify(key.publicJwk)}::jsonb, ${key.sealed})
      ON CONFLICT DO NOTHING`);
    return count > 0;
  },

  /** Every key that ever signed, the active one first: what they signed stays verifiable. */
  async published(db: Executor): Promise<OutputPublicJwkV1[]> {
    const rows = await db.query<{ publicJwk: OutputPublicJwkV1 }>(sql`
      SELECT public_jwk AS "publicJwk" FROM output_signing_keys
       ORDER BY retired_at IS NULL DESC, created_at DESC, kid`);
    return rows.map((row) => row.publicJwk);
  },
};
