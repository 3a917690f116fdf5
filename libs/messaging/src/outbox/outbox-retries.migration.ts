import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The relay keeps per-application order and isolates a row it cannot publish: each row names
 * what its order is kept for (`ordering_key`, an application id), and a failing row records its
 * attempts and when to try again, holding back only the later rows of its own key.
 * `consumer_progress` counts the events each durable consumer has handled: an effect that only
 * the inbox keeps from counting a redelivery twice, so it shows whether the inbox works.
 */
export class AddOrderingAndRetriesToOutbox1764400000000 implements MigrationInterface {
  name = 'AddOrderingAndRetriesToOutbox1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE outbox
        ADD COLUMN ordering_key text NOT NULL DEFAULT '',
        ADD COLUMN attempts integer NOT NULL DEFAULT 0,
        ADD COLUMN next_attempt_at timestamptz,
        ADD COLUMN last_error text`);
    // Only failing rows are indexed: the relay asks "is an earlier row of this key failing?"
    // for every row it takes, and the answer is almost always found in an empty index.
    await queryRunner.query(
      'CREATE INDEX outbox_failing_idx ON outbox (ordering_key, position) WHERE attempts > 0',
    );
    await queryRunner.query(`
      CREATE TABLE consumer_progress (
        consumer text PRIMARY KEY,
        handled bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE consumer_progress');
    await queryRunner.query('DROP INDEX outbox_failing_idx');
    await queryRunner.query(`
      ALTER TABLE outbox DROP COLUMN ordering_key, DROP COLUMN attempts,
        DROP COLUMN next_attempt_at, DROP COLUMN last_error`);
  }
}
