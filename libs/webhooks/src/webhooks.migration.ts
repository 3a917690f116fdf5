import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook subscriptions, their deliveries (the outbox of outgoing HTTP calls) and every attempt
 * (ADR 0020). A service that delivers webhooks includes this migration.
 */
export class CreateWebhooks1765400000000 implements MigrationInterface {
  name = 'CreateWebhooks1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE webhook_subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner text NOT NULL,
        scope text NOT NULL,
        url text NOT NULL,
        event_types text[] NOT NULL DEFAULT '{}',
        secret_sealed bytea NOT NULL,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The fan-out: the enabled subscriptions of an event's scope.
    await queryRunner.query(
      `CREATE INDEX webhook_subscriptions_scope ON webhook_subscriptions (scope) WHERE disabled_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX webhook_subscriptions_owner ON webhook_subscriptions (owner, created_at, id)`,
    );
    await queryRunner.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigserial NOT NULL UNIQUE,
        webhook_id text NOT NULL,
        subscription_id uuid NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
        event_id text NOT NULL,
        ordering_key text NOT NULL,
        event_type text NOT NULL,
        payload jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        -- Not a foreign key: the delivery replayed may be pruned before its replay.
        replay_of uuid,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        first_attempt_at timestamptz,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        claim uuid,
        leased_until timestamptz,
        last_status integer,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        dead_at timestamptz
      )`);
    // An event is enqueued once per subscription (a redelivered event adds nothing); replays
    // are further rows with the same webhook id.
    await queryRunner.query(`
      CREATE UNIQUE INDEX webhook_deliveries_once
          ON webhook_deliveries (subscription_id, event_id) WHERE replay_of IS NULL`);
    // The claim: pending rows by due time, and for each the earlier pending row of its key.
    await queryRunner.query(`
      CREATE INDEX webhook_deliveries_due
          ON webhook_deliveries (next_attempt_at, seq) WHERE status = 'pending'`);
    await queryRunner.query(`
      CREATE INDEX webhook_deliveries_queue
          ON webhook_deliveries (subscription_id, ordering_key, seq) WHERE status = 'pending'`);
    // The delivery log of a subscription, newest first, and replay of a time range.
    await queryRunner.query(`
      CREATE INDEX webhook_deliveries_log
          ON webhook_deliveries (subscription_id, created_at, seq)`);
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_dead ON webhook_deliveries (subscription_id) WHERE status = 'dead'`,
    );
    // Pruning: settled deliveries past their retention.
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_settled ON webhook_deliveries (created_at) WHERE status <> 'pending'`,
    );
    await queryRunner.query(`
      CREATE TABLE webhook_attempts (
        delivery_id uuid NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
        attempt integer NOT NULL,
        at timestamptz NOT NULL,
        http_status integer,
        error text,
        duration_ms integer NOT NULL,
        PRIMARY KEY (delivery_id, attempt)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE webhook_attempts');
    await queryRunner.query('DROP TABLE webhook_deliveries');
    await queryRunner.query('DROP TABLE webhook_subscriptions');
  }
}
