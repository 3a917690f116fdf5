import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The `Idempotency-Key`s of a service's creating requests (ADR 0017): per caller and operation,
 * the fingerprint of the first request and, once it has succeeded, its answer. Every service
 * that creates on a client's key includes this migration.
 */
export class CreateIdempotencyKeys1765000000000 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        caller text NOT NULL,
        operation text NOT NULL,
        key text NOT NULL,
        fingerprint text NOT NULL,
        status text NOT NULL CHECK (status IN ('in_flight', 'completed')),
        attempt uuid NOT NULL,
        response jsonb,
        claimed_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (caller, operation, key),
        CHECK ((status = 'completed') = (response IS NOT NULL))
      )`);
    await queryRunner.query(
      'CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE idempotency_keys');
  }
}
