import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The fee due on a case in AWAITING_PAYMENT (one per case: a case asks once), and every payment
 * callback received, refused ones too, for the payer's reconciliation and for an audit (ADR 0022).
 */
export class CreatePayments1765500000200 implements MigrationInterface {
  name = 'CreatePayments1765500000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE payments_due (
        application_id uuid PRIMARY KEY,
        payment_code char(18) NOT NULL UNIQUE,
        amount bigint NOT NULL CHECK (amount > 0),
        currency char(3) NOT NULL DEFAULT 'IDR' CHECK (currency = 'IDR'),
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        paid_reference text,
        paid_at timestamptz,
        paid_amount bigint,
        CHECK ((paid_reference IS NULL) = (paid_at IS NULL) AND (paid_at IS NULL) = (paid_amount IS NULL))
      )`);
    await queryRunner.query(`
      CREATE TABLE payment_callbacks (
        id bigserial PRIMARY KEY,
        received_at timestamptz NOT NULL DEFAULT now(),
        payment_code text,
        outcome text NOT NULL CHECK (outcome IN ('applied', 'repeat', 'refused')),
        reason text,
        reference text,
        amount bigint,
        body_sha256 char(64) NOT NULL,
        signature_ok boolean NOT NULL,
        timestamp text
      )`);
    await queryRunner.query(
      'CREATE INDEX payment_callbacks_by_code ON payment_callbacks (payment_code, received_at)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE payment_callbacks');
    await queryRunner.query('DROP TABLE payments_due');
  }
}
