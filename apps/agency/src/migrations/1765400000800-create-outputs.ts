import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issued outputs and the keys that sign them (ADR 0021). The PDF's bytes are kept here, in the
 * agency's own database: a few tens of kilobytes per output, written once, read when the holder
 * downloads it, and never apart from the signed record that vouches for them.
 */
export class CreateOutputs1765400000800 implements MigrationInterface {
  name = 'CreateOutputs1765400000800';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The private JWK sealed under AGENCY_KEY_ENCRYPTION_KEY; the public one in the clear.
    // A retired key signs nothing more but stays published: what it signed stays verifiable.
    await queryRunner.query(`
      CREATE TABLE output_signing_keys (
        kid text PRIMARY KEY,
        public_jwk jsonb NOT NULL,
        private_jwk_sealed bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        retired_at timestamptz
      )`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX output_signing_keys_one_active
          ON output_signing_keys ((true)) WHERE retired_at IS NULL`);
    // One row per year: the last sequence number given out. The database is the agency's, so
    // the year alone keys it.
    await queryRunner.query(`
      CREATE TABLE output_number_sequences (
        year integer PRIMARY KEY CHECK (year BETWEEN 1000 AND 9999),
        last_sequence integer NOT NULL CHECK (last_sequence >= 1)
      )`);
    await queryRunner.query(`
      CREATE TABLE outputs (
        document_no text PRIMARY KEY,
        application_id uuid NOT NULL UNIQUE REFERENCES cases (application_id),
        service_code text NOT NULL,
        issued_at timestamptz NOT NULL,
        issued_by text NOT NULL,
        pdf bytea NOT NULL,
        pdf_sha256 char(64) NOT NULL,
        -- What the verification answer says besides the signed statement, as the PDF shows it.
        agency_name text NOT NULL,
        service_name jsonb NOT NULL,
        time_zone text NOT NULL,
        -- The exact bytes that were signed (canonical JSON), so the record never has to be
        -- rebuilt from columns to be checked.
        statement text NOT NULL,
        signature text NOT NULL,
        key_id text NOT NULL REFERENCES output_signing_keys (kid),
        revoked_at timestamptz,
        revoke_reason text,
        revoked_by text,
        CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL)
               AND (revoked_at IS NULL) = (revoked_by IS NULL))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE outputs');
    await queryRunner.query('DROP TABLE output_number_sequences');
    await queryRunner.query('DROP TABLE output_signing_keys');
  }
}
