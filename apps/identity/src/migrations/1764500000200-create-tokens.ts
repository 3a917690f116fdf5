import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What token issuance keeps: the signing keys (the private half sealed, never in the clear),
 * refresh tokens by family (only their hashes; reuse of a rotated one revokes the family), and
 * failed logins per account (throttling and lockout).
 */
export class CreateTokens1764500000200 implements MigrationInterface {
  name = 'CreateTokens1764500000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE signing_keys (
        kid text PRIMARY KEY,
        alg text NOT NULL CHECK (alg IN ('EdDSA', 'ES256')),
        public_jwk jsonb NOT NULL,
        -- The private JWK, sealed (AES-256-GCM under a key from configuration; ADR).
        private_jwk_sealed bytea NOT NULL,
        state text NOT NULL CHECK (state IN ('next', 'active', 'retiring', 'retired')),
        created_at timestamptz NOT NULL DEFAULT now(),
        activated_at timestamptz,
        retiring_at timestamptz
      )`);
    await queryRunner.query(
      "CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys (state) WHERE state = 'active'",
    );
    await queryRunner.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY,
        family_id uuid NOT NULL,
        subject_kind text NOT NULL CHECK (subject_kind IN ('applicant', 'officer')),
        subject_id uuid NOT NULL,
        token_hash bytea NOT NULL UNIQUE,
        issued_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz
      )`);
    await queryRunner.query('CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)');
    await queryRunner.query(
      'CREATE INDEX refresh_tokens_subject_idx ON refresh_tokens (subject_kind, subject_id)',
    );
    await queryRunner.query(`
      CREATE TABLE login_failures (
        account_key text PRIMARY KEY,
        failures integer NOT NULL,
        first_failed_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE login_failures');
    await queryRunner.query('DROP TABLE refresh_tokens');
    await queryRunner.query('DROP TABLE signing_keys');
  }
}
