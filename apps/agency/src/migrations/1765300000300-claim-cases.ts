import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who works on a case now (an officer's subject, or the agency system's client id), until when. */
export class ClaimCases1765300000300 implements MigrationInterface {
  name = 'ClaimCases1765300000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE cases ADD COLUMN claimed_by text, ADD COLUMN claimed_until timestamptz',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE cases DROP COLUMN claimed_by, DROP COLUMN claimed_until');
  }
}
