import { makeAppendOnly } from '@satupintu/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCases1763856000200 implements MigrationInterface {
  name = 'CreateCases1763856000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE cases (
        application_id uuid PRIMARY KEY,
        tracking_no char(9) NOT NULL UNIQUE,
        service_code text NOT NULL,
        channel text NOT NULL,
        applicant_nik char(16) NOT NULL,
        applicant_name text NOT NULL,
        status text NOT NULL,
        submitted_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX cases_status_idx ON cases (status, submitted_at)');
    // Every status a case has had, in order: append-only.
    await queryRunner.query(`
      CREATE TABLE case_status_changes (
        id bigserial PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES cases (application_id),
        from_status text NOT NULL,
        to_status text NOT NULL,
        reason text,
        changed_at timestamptz NOT NULL
      )`);
    await makeAppendOnly(queryRunner, 'case_status_changes');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE case_status_changes');
    await queryRunner.query('DROP FUNCTION forbid_change()');
    await queryRunner.query('DROP TABLE cases');
  }
}
