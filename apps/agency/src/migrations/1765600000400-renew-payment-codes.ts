import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A case may be asked to pay more than once: a code that expired unpaid is renewed by a new one
 * (ADR 0022), and the old row stays, so a callback for it is still refused as expired, not as
 * unknown. A due is now named by its code; a case's current one is its latest expiry.
 */
export class RenewPaymentCodes1765600000400 implements MigrationInterface {
  name = 'RenewPaymentCodes1765600000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE payments_due DROP CONSTRAINT payments_due_pkey');
    await queryRunner.query(
      'ALTER TABLE payments_due DROP CONSTRAINT payments_due_payment_code_key, ADD PRIMARY KEY (payment_code)',
    );
    await queryRunner.query(
      'CREATE INDEX payments_due_by_case ON payments_due (application_id, expires_at DESC)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX payments_due_by_case');
    await queryRunner.query(
      'ALTER TABLE payments_due DROP CONSTRAINT payments_due_pkey, ADD UNIQUE (payment_code)',
    );
    await queryRunner.query('ALTER TABLE payments_due ADD PRIMARY KEY (application_id)');
  }
}
