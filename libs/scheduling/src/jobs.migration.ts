import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Durable jobs (ADR 0007): work due at a time, retried with backoff, run by `JobRunner`.
 * A job that succeeds is deleted (or rescheduled, if recurring); a dead one stays for inspection.
 * Every service includes this migration.
 */
export class CreateJobs1764400000100 implements MigrationInterface {
  name = 'CreateJobs1764400000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        key text,
        payload jsonb NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}'::jsonb,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'dead')),
        due_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        max_attempts integer NOT NULL CHECK (max_attempts > 0),
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The claim: the earliest due pending jobs.
    await queryRunner.query(`CREATE INDEX jobs_due ON jobs (due_at) WHERE state = 'pending'`);
    // At most one pending job per (kind, key); jobs without a key are never duplicates.
    await queryRunner.query(
      `CREATE UNIQUE INDEX jobs_one_pending_per_key ON jobs (kind, key) WHERE state = 'pending'`,
    );
    // The dead-letter gauge counts these at every scrape.
    await queryRunner.query(`CREATE INDEX jobs_dead ON jobs (kind) WHERE state = 'dead'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE jobs');
  }
}
