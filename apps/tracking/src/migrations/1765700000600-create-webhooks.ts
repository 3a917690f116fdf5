import { CreateIdempotencyKeys1765000000000 } from '@satupintu/messaging';
import {
  CreateWebhooks1765400000000,
  RotateWebhookSecrets1765600000200,
} from '@satupintu/webhooks';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API clients' webhook subscriptions (issue 9): the tables of `libs/webhooks` as the agency has
 * them (subscriptions, deliveries, attempts, rotated secrets), and the `Idempotency-Key`s their
 * creation, rotation and replays take. The library's own migrations, run here in this order.
 */
export class CreateWebhooks1765700000600 implements MigrationInterface {
  name = 'CreateWebhooks1765700000600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await new CreateIdempotencyKeys1765000000000().up(queryRunner);
    await new CreateWebhooks1765400000000().up(queryRunner);
    await new RotateWebhookSecrets1765600000200().up(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await new RotateWebhookSecrets1765600000200().down(queryRunner);
    await new CreateWebhooks1765400000000().down(queryRunner);
    await new CreateIdempotencyKeys1765000000000().down(queryRunner);
  }
}
