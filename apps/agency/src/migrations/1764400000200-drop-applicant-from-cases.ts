import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agencies no longer receive the applicant's NIK and name with an application (events carry no
 * personal data): the copies go. Each case keeps the time zone its times are shown in, and the
 * work queue pages by (submitted_at, application_id).
 */
export class DropApplicantFromCases1764400000200 implements MigrationInterface {
  name = 'DropApplicantFromCases1764400000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE cases DROP COLUMN applicant_nik, DROP COLUMN applicant_name',
    );
    await queryRunner.query(
      "ALTER TABLE cases ADD COLUMN time_zone text NOT NULL DEFAULT 'Asia/Jakarta'",
    );
    await queryRunner.query('DROP INDEX cases_status_idx');
    await queryRunner.query(
      'CREATE INDEX cases_queue_idx ON cases (submitted_at, application_id) INCLUDE (status, service_code)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX cases_queue_idx');
    await queryRunner.query('CREATE INDEX cases_status_idx ON cases (status, submitted_at)');
    await queryRunner.query('ALTER TABLE cases DROP COLUMN time_zone');
    // The dropped values cannot come back; the columns do, empty.
    await queryRunner.query(
      "ALTER TABLE cases ADD COLUMN applicant_nik char(16) NOT NULL DEFAULT '0000000000000000', ADD COLUMN applicant_name text NOT NULL DEFAULT ''",
    );
  }
}
