import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The owners OSS names for businesses (receiveNIB, ADR 0035) who have no account yet: by NIK,
 * with the name OSS gave. Registering with that NIK makes them the business's OWNER and removes
 * the row; nothing else reads it. Personal data: identity's alone, like `applicants`.
 */
export class BusinessPendingOwners1766300000100 implements MigrationInterface {
  name = 'BusinessPendingOwners1766300000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE business_pending_owners (
        business_id uuid NOT NULL REFERENCES businesses (id),
        nik char(16) NOT NULL CHECK (nik ~ '^[0-9]{16}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, nik)
      )`);
    await queryRunner.query(
      'CREATE INDEX business_pending_owners_nik_idx ON business_pending_owners (nik)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE business_pending_owners');
  }
}
