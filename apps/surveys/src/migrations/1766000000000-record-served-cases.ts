import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The cases surveys has heard of (ADR 0032), from intake's `ApplicationSubmitted` and the
 * agencies' `ApplicationStatusChanged`: whose case it is, which service and agency, and when it
 * finished (ISSUED or REJECTED). The two events come on two streams in no order between them,
 * so each fills in its own columns of the same row. Ids only: no personal data.
 */
export class RecordServedCases1766000000000 implements MigrationInterface {
  name = 'RecordServedCases1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE served_cases (
        application_id uuid PRIMARY KEY,
        tracking_no text NOT NULL,
        applicant_id uuid,
        service_code text,
        agency_code text NOT NULL,
        finished_status text CHECK (finished_status IN ('ISSUED', 'REJECTED')),
        finished_at timestamptz,
        CHECK ((finished_status IS NULL) = (finished_at IS NULL))
      )`);
    await queryRunner.query(
      'CREATE UNIQUE INDEX served_cases_tracking_no_idx ON served_cases (tracking_no)',
    );
    // The served population of a period: finished cases by instant, per agency and service.
    await queryRunner.query(
      'CREATE INDEX served_cases_finished_idx ON served_cases (finished_at, agency_code, service_code) WHERE finished_at IS NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE served_cases');
  }
}
