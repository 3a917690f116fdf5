import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A subscription's secret can be rotated: the one it replaces is kept, sealed, and deliveries are
 * signed with both until `previous_secret_until` (ADR 0020). And a scope's subscriptions are
 * listed (an agency's, whoever made them), oldest first, a page at a time.
 */
export class RotateWebhookSecrets1765600000200 implements MigrationInterface {
  name = 'RotateWebhookSecrets1765600000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE webhook_subscriptions
        ADD COLUMN previous_secret_sealed bytea,
        ADD COLUMN previous_secret_until timestamptz`);
    // The list's cursor carries milliseconds: rows kept in microseconds would repeat across pages.
    await queryRunner.query(`
      UPDATE webhook_subscriptions SET created_at = date_trunc('milliseconds', created_at)`);
    await queryRunner.query(`
      ALTER TABLE webhook_subscriptions
        ALTER COLUMN created_at SET DEFAULT date_trunc('milliseconds', now())`);
    await queryRunner.query(
      `CREATE INDEX webhook_subscriptions_scope_list ON webhook_subscriptions (scope, created_at, id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX webhook_subscriptions_scope_list');
    await queryRunner.query(
      'ALTER TABLE webhook_subscriptions ALTER COLUMN created_at SET DEFAULT now()',
    );
    await queryRunner.query(`
      ALTER TABLE webhook_subscriptions
        DROP COLUMN previous_secret_sealed, DROP COLUMN previous_secret_until`);
  }
}
