import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SERVQUAL responses (issue 11, ADR 0033): one row per respondent, by service and day, from an
 * applicant for a finished case of theirs (at most one per case: the unique tracking number) or
 * from a kiosk; and one row per item answered (expectation and perception, 1–5). The gaps are
 * aggregated from these by service and day range, through the (service_code, day) index.
 */
export class CreateServqualResponses1766100000100 implements MigrationInterface {
  name = 'CreateServqualResponses1766100000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE servqual_responses (
        response_id uuid PRIMARY KEY,
        service_code text NOT NULL,
        day date NOT NULL,
        source text NOT NULL CHECK (source IN ('APPLICANT', 'KIOSK')),
        tracking_no text UNIQUE,
        client_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((source = 'APPLICANT') = (tracking_no IS NOT NULL))
      )`);
    await queryRunner.query(
      'CREATE INDEX servqual_responses_service_day_idx ON servqual_responses (service_code, day)',
    );
    await queryRunner.query(`
      CREATE TABLE servqual_answers (
        response_id uuid NOT NULL REFERENCES servqual_responses (response_id),
        item smallint NOT NULL CHECK (item BETWEEN 1 AND 22),
        expectation smallint NOT NULL CHECK (expectation BETWEEN 1 AND 5),
        perception smallint NOT NULL CHECK (perception BETWEEN 1 AND 5),
        PRIMARY KEY (response_id, item)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE servqual_answers');
    await queryRunner.query('DROP TABLE servqual_responses');
  }
}
