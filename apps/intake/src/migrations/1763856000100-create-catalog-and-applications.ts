import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCatalogAndApplications1763856000100 implements MigrationInterface {
  name = 'CreateCatalogAndApplications1763856000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE agencies (
        -- The code is the routing token of this agency's event subjects.
        code text PRIMARY KEY CHECK (code ~ '^[A-Z0-9-]{2,32}$'),
        name text NOT NULL,
        time_zone text NOT NULL DEFAULT 'Asia/Jakarta'
      )`);
    await queryRunner.query(`
      CREATE TABLE services (
        code text PRIMARY KEY,
        name text NOT NULL,
        agency_code text NOT NULL REFERENCES agencies (code),
        active boolean NOT NULL DEFAULT true
      )`);
    await queryRunner.query(`
      CREATE TABLE applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tracking_no char(9) NOT NULL UNIQUE,
        service_code text NOT NULL REFERENCES services (code),
        agency_code text NOT NULL,
        channel text NOT NULL,
        applicant_nik char(16) NOT NULL,
        applicant_name text NOT NULL,
        applicant_birth_date date,
        submitted_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX applications_applicant_nik_idx ON applications (applicant_nik)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE applications');
    await queryRunner.query('DROP TABLE services');
    await queryRunner.query('DROP TABLE agencies');
  }
}
