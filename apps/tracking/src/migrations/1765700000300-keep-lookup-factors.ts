import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public lookup's second factors (issue 9): per applicant an HMAC of the birth date, per
 * business one of the NIB, under a key only tracking holds; the current value only, never the
 * value itself. Followed from identity's profiles; the version keeps an older profile from
 * replacing a newer one.
 */
export class KeepLookupFactors1765700000300 implements MigrationInterface {
  name = 'KeepLookupFactors1765700000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE lookup_factors (
        owner_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('birth-date', 'nib')),
        mac bytea NOT NULL CHECK (octet_length(mac) = 32),
        version integer NOT NULL,
        PRIMARY KEY (owner_id, kind)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE lookup_factors');
  }
}
