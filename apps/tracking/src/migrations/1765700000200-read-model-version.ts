import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which version of the fold each read model was last rebuilt with. Tracking rebuilds
 * `case_views` from the retained history when it starts with the row behind its code's
 * `CASE_VIEWS_VERSION` (no row: never rebuilt, as on a database that had history before
 * `case_views` existed).
 */
export class ReadModelVersion1765700000200 implements MigrationInterface {
  name = 'ReadModelVersion1765700000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE read_model_version (
        name text PRIMARY KEY,
        version integer NOT NULL,
        rebuilt_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE read_model_version');
  }
}
