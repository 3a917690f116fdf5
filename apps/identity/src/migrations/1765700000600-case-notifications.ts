import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Telling applicants about their cases: the language each wants to be written in (Indonesian
 * until they choose), whose case each application is (learnt from intake's submissions: the
 * agency's status events do not name the applicant), and the notifications themselves, recorded
 * in the transaction of the event that asks for them and sent afterwards by a job (an outbox).
 */
export class CaseNotifications1765700000600 implements MigrationInterface {
  name = 'CaseNotifications1765700000600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE applicants
        ADD COLUMN preferred_language text NOT NULL DEFAULT 'id'
            CHECK (preferred_language IN ('id', 'en'))`);
    await queryRunner.query(`
      CREATE TABLE applicant_cases (
        application_id uuid PRIMARY KEY,
        applicant_id uuid NOT NULL,
        tracking_no text NOT NULL,
        agency_code text NOT NULL,
        agency_time_zone text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One row per change that needs the applicant: \`change_key\` names the change (the agency's
    // sequence, or the deadline that passed), so a change told twice is recorded once. The id
    // is the message id the notifier is given, and gives again if it has to send again.
    await queryRunner.query(`
      CREATE TABLE case_notifications (
        id uuid PRIMARY KEY,
        application_id uuid NOT NULL,
        change_key text NOT NULL,
        kind text NOT NULL
             CHECK (kind IN ('NEEDS_REVISION', 'AWAITING_PAYMENT', 'ISSUED', 'REJECTED', 'OVERDUE')),
        tracking_no text NOT NULL,
        agency_code text NOT NULL,
        agency_time_zone text,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        occurred_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        applicant_id uuid,
        language text CHECK (language IN ('id', 'en')),
        channel text CHECK (channel IN ('PHONE', 'EMAIL')),
        sent_at timestamptz,
        UNIQUE (application_id, change_key)
      )`);
    await queryRunner.query(
      'CREATE INDEX case_notifications_unsent_idx ON case_notifications (application_id) WHERE sent_at IS NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE case_notifications');
    await queryRunner.query('DROP TABLE applicant_cases');
    await queryRunner.query('ALTER TABLE applicants DROP COLUMN preferred_language');
  }
}
