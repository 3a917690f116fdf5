import {
  CreateWebhooks1765400000000,
  KeepWebhookAnswers1765800000500,
  RotateWebhookSecrets1765600000200,
} from '@satupintu/webhooks';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Status reports to OSS (ADR 0031): the tables of `libs/webhooks` (subscriptions, deliveries,
 * attempts, with each answer kept), run here in their order, and the one subscription of OSS's
 * scope, once, however many replicas start at the same time.
 */
export class CreateOssReports1765800000600 implements MigrationInterface {
  name = 'CreateOssReports1765800000600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await new CreateWebhooks1765400000000().up(queryRunner);
    await new RotateWebhookSecrets1765600000200().up(queryRunner);
    await new KeepWebhookAnswers1765800000500().up(queryRunner);
    await queryRunner.query(
      `CREATE UNIQUE INDEX oss_subscription_once ON webhook_subscriptions (scope)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX oss_subscription_once');
    await new KeepWebhookAnswers1765800000500().down(queryRunner);
    await new RotateWebhookSecrets1765600000200().down(queryRunner);
    await new CreateWebhooks1765400000000().down(queryRunner);
  }
}
