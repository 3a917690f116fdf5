import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Complaints (ADR 0034): one row each with its state, the deadlines the calendar gave it and the
 * one the sweep watches (`due_at`, partial index over the open ones); its steps, append-only, as
 * the reporter sees them; and its escalations, a row per missed deadline (stage and round) whose primary key makes
 * each escalation once only, since the row and its event (outbox) commit together.
 * `text`, `contact_email` and `contact_phone` are personal data: they never leave this database
 * except in answers to the reporter and to those who handle the complaint.
 */
export class CreateComplaints1766200000000 implements MigrationInterface {
  name = 'CreateComplaints1766200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE complaints (
        id uuid PRIMARY KEY,
        complaint_no char(12) NOT NULL UNIQUE,
        follow_secret_sha256 bytea NOT NULL,
        kind text NOT NULL CHECK (kind IN ('PENGADUAN', 'ASPIRASI', 'PERMINTAAN_INFORMASI')),
        status text NOT NULL
          CHECK (status IN ('SUBMITTED', 'ROUTED', 'ANSWERED', 'REOPENED', 'CLOSED')),
        subject_kind text NOT NULL CHECK (subject_kind IN ('APPLICATION', 'BUNDLE_STEP', 'SERVICE')),
        tracking_no char(9),
        service_code text NOT NULL,
        application_id uuid,
        bundle_case_id uuid,
        step_key text,
        agency_code text NOT NULL,
        time_zone text NOT NULL,
        reporter_id text,
        contact_email text,
        contact_phone text,
        text text NOT NULL,
        submitted_at timestamptz NOT NULL,
        routed_at timestamptz,
        answer_round_from timestamptz,
        answered_at timestamptz,
        first_answered_at timestamptz,
        disputed_at timestamptz,
        closed_at timestamptz,
        route_due_at timestamptz NOT NULL,
        first_answer_due_at timestamptz,
        answer_working_days integer,
        due_what text CHECK (due_what IN ('ROUTE', 'ANSWER', 'CLOSE')),
        due_at timestamptz,
        calendar_versions text NOT NULL,
        CHECK ((due_at IS NULL) = (status = 'CLOSED'))
      )`);
    // What the sweep reads: the open complaints whose deadline has passed.
    await queryRunner.query(
      "CREATE INDEX complaints_due_idx ON complaints (due_at) WHERE status <> 'CLOSED'",
    );
    await queryRunner.query(
      'CREATE INDEX complaints_agency_idx ON complaints (agency_code, submitted_at DESC, id DESC)',
    );
    await queryRunner.query(
      'CREATE INDEX complaints_submitted_idx ON complaints (submitted_at DESC, id DESC)',
    );
    await queryRunner.query(`
      CREATE TABLE complaint_steps (
        complaint_id uuid NOT NULL REFERENCES complaints (id),
        position integer NOT NULL,
        step text NOT NULL
          CHECK (step IN ('SUBMITTED', 'ROUTED', 'ANSWERED', 'DISPUTED', 'ESCALATED', 'CLOSED')),
        at timestamptz NOT NULL,
        text text,
        stage text CHECK (stage IN ('ROUTE', 'ANSWER')),
        actor_kind text NOT NULL,
        actor_id text,
        PRIMARY KEY (complaint_id, position)
      )`);
    await queryRunner.query(`
      CREATE TABLE complaint_escalations (
        complaint_id uuid NOT NULL REFERENCES complaints (id),
        stage text NOT NULL CHECK (stage IN ('ROUTE', 'ANSWER')),
        -- 1, and 2 for the answer after a dispute: each deadline once, even if an amended
        -- calendar moves it.
        round smallint NOT NULL CHECK (round IN (1, 2)),
        deadline timestamptz NOT NULL,
        agency_code text NOT NULL,
        escalated_at timestamptz NOT NULL,
        PRIMARY KEY (complaint_id, stage, round)
      )`);
    await queryRunner.query(
      'CREATE INDEX complaint_escalations_agency_idx ON complaint_escalations (agency_code, escalated_at DESC, complaint_id DESC, stage DESC)',
    );
    await queryRunner.query(
      'CREATE INDEX complaint_escalations_latest_idx ON complaint_escalations (escalated_at DESC, complaint_id DESC, stage DESC)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE complaint_escalations');
    await queryRunner.query('DROP TABLE complaint_steps');
    await queryRunner.query('DROP TABLE complaints');
  }
}
