import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a delivery protocol keeps of each answer (ADR 0031): OSS says whether it took a report in
 * the body of its reply, and a mall admin sees that reply beside every attempt. Empty for
 * Standard Webhooks deliveries, whose status says it all.
 */
export class KeepWebhookAnswers1765800000500 implements MigrationInterface {
  name = 'KeepWebhookAnswers1765800000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE webhook_attempts ADD COLUMN answer text');
    await queryRunner.query('ALTER TABLE webhook_deliveries ADD COLUMN last_answer text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE webhook_deliveries DROP COLUMN last_answer');
    await queryRunner.query('ALTER TABLE webhook_attempts DROP COLUMN answer');
  }
}
