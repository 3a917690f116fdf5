import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbox: events written in the same transaction as the state they describe, published by the
 * relay. Inbox: the ids of messages a consumer has processed, so a redelivery changes nothing.
 * Every service that publishes or consumes events includes this migration.
 */
export class CreateOutboxAndInbox1763856000000 implements MigrationInterface {
  name = 'CreateOutboxAndInbox1763856000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox (
        position bigserial PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        subject text NOT NULL,
        payload jsonb NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE inbox (
        consumer text NOT NULL,
        message_id text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, message_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE inbox');
    await queryRunner.query('DROP TABLE outbox');
  }
}
