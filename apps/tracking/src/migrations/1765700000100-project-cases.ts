import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read model (issue 9). `applications` (from submissions) and `timeline_entries` (from
 * status changes) are the retained event history, ids and statuses only; `case_views` is what
 * they fold into, one row per case, which can be rebuilt from them at any time.
 *
 * Entries are placed by the agency's per-application sequence (SUBMITTED is 0), not by the clocks
 * of different hosts; the entries kept before this have theirs numbered in the order they
 * happened.
 */
export class ProjectCases1765700000100 implements MigrationInterface {
  name = 'ProjectCases1765700000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE applications
        ADD COLUMN agency_time_zone text,
        ADD COLUMN service_code text,
        ADD COLUMN channel text,
        ADD COLUMN bundle_case_id uuid,
        ADD COLUMN step_key text`);
    await queryRunner.query(`
      UPDATE applications a SET agency_time_zone = e.agency_time_zone
        FROM timeline_entries e
       WHERE e.tracking_no = a.tracking_no AND e.status = 'SUBMITTED'`);
    await queryRunner.query(
      `UPDATE applications SET agency_time_zone = 'Asia/Jakarta' WHERE agency_time_zone IS NULL`,
    );
    await queryRunner.query('ALTER TABLE applications ALTER COLUMN agency_time_zone SET NOT NULL');
    await queryRunner.query(
      'CREATE INDEX applications_bundle_idx ON applications (bundle_case_id) WHERE bundle_case_id IS NOT NULL',
    );

    await queryRunner.query(
      'ALTER TABLE timeline_entries ADD COLUMN sequence integer, ADD COLUMN deadline timestamptz',
    );
    // The table refuses changes (append-only); numbering what was kept is the one exception.
    await queryRunner.query('ALTER TABLE timeline_entries DISABLE TRIGGER USER');
    await queryRunner.query(`
      UPDATE timeline_entries t SET sequence = n.sequence
        FROM (SELECT id, row_number() OVER (PARTITION BY application_id
                ORDER BY (status = 'SUBMITTED') DESC, occurred_at, id) - 1 AS sequence
                FROM timeline_entries) n
       WHERE n.id = t.id`);
    await queryRunner.query('ALTER TABLE timeline_entries ENABLE TRIGGER USER');
    await queryRunner.query('ALTER TABLE timeline_entries ALTER COLUMN sequence SET NOT NULL');
    // One entry per place in a case's history: a second event claiming it is a fault, not news.
    await queryRunner.query(
      'CREATE UNIQUE INDEX timeline_entries_sequence_idx ON timeline_entries (application_id, sequence)',
    );
    await queryRunner.query('DROP INDEX timeline_entries_tracking_no_idx');
    await queryRunner.query(
      'CREATE INDEX timeline_entries_tracking_no_idx ON timeline_entries (tracking_no, sequence)',
    );

    await queryRunner.query(`
      CREATE TABLE case_views (
        application_id uuid PRIMARY KEY,
        tracking_no char(9) NOT NULL UNIQUE,
        agency_code text NOT NULL,
        agency_time_zone text NOT NULL,
        service_code text,
        channel text,
        applicant_id uuid,
        business_id uuid,
        submitted_by_client text,
        bundle_case_id uuid,
        step_key text,
        submitted_at timestamptz NOT NULL,
        status text NOT NULL,
        sequence integer NOT NULL,
        changed_at timestamptz NOT NULL,
        deadline timestamptz,
        started_at timestamptz,
        budget_days integer,
        at_risk_from timestamptz,
        completed_at timestamptz,
        revisions integer NOT NULL,
        completion_days integer,
        within_standard boolean
      )`);
    await queryRunner.query(
      'CREATE INDEX case_views_applicant_idx ON case_views (applicant_id, submitted_at DESC, application_id)',
    );
    await queryRunner.query(
      'CREATE INDEX case_views_agency_idx ON case_views (agency_code, submitted_at DESC, application_id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE case_views');
    await queryRunner.query('DROP INDEX timeline_entries_sequence_idx');
    await queryRunner.query('DROP INDEX timeline_entries_tracking_no_idx');
    await queryRunner.query(
      'CREATE INDEX timeline_entries_tracking_no_idx ON timeline_entries (tracking_no, occurred_at, id)',
    );
    await queryRunner.query(
      'ALTER TABLE timeline_entries DROP COLUMN sequence, DROP COLUMN deadline',
    );
    await queryRunner.query(`
      ALTER TABLE applications DROP COLUMN agency_time_zone, DROP COLUMN service_code,
        DROP COLUMN channel, DROP COLUMN bundle_case_id, DROP COLUMN step_key`);
  }
}
