import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity owns the agency record; the catalog follows it (`identity.agency.changed.v1`) and
 * keeps the newest `version`. Rows the demo seed wrote before identity spoke have version 0, so
 * identity's first event replaces them.
 */
export class FollowAgencies1764500000500 implements MigrationInterface {
  name = 'FollowAgencies1764500000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE agencies
        ADD COLUMN active boolean NOT NULL DEFAULT true,
        ADD COLUMN version integer NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE agencies DROP COLUMN version, DROP COLUMN active');
  }
}
