import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The fee asked for on an AWAITING_PAYMENT entry (code, amount, expiry: ADR 0022), as sent. */
export class KeepPaymentsOnTimeline1765500000300 implements MigrationInterface {
  name = 'KeepPaymentsOnTimeline1765500000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE timeline_entries ADD COLUMN payment jsonb');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE timeline_entries DROP COLUMN payment');
  }
}
