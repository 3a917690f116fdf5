import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Once-only data: the agency keeps the current profile of the applicants and businesses it
 * serves (those with a case here), from the PROFILE stream, never calling identity. A row with
 * version 0 is one the agency needs and whose profile has not reached it yet.
 */
export class KeepApplicantProfiles1764500000600 implements MigrationInterface {
  name = 'KeepApplicantProfiles1764500000600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE applicants (
        id uuid PRIMARY KEY,
        nik char(16),
        name text,
        birth_date date,
        sex char(1),
        phone text,
        email text,
        address jsonb,
        version integer NOT NULL DEFAULT 0,
        synced_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE businesses (
        id uuid PRIMARY KEY,
        nib char(13),
        name text,
        kbli text[],
        address jsonb,
        npwp text,
        version integer NOT NULL DEFAULT 0,
        synced_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      'ALTER TABLE cases ADD COLUMN applicant_id uuid, ADD COLUMN business_id uuid',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE cases DROP COLUMN applicant_id, DROP COLUMN business_id');
    await queryRunner.query('DROP TABLE businesses');
    await queryRunner.query('DROP TABLE applicants');
  }
}
