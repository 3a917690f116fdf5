import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The catalog keeps each service's standard as its agency published it
 * (`agency.service-standard.published.v1`), whole, as jsonb, with its `version` (the newest
 * wins; the demo seed writes version 0 so the agency's first publication replaces it). The
 * columns the catalog is searched and filtered by are copied out of it: the categories, and
 * `search_text`, the code, names and descriptions in both languages in lower case.
 */
export class KeepServiceStandards1764900001000 implements MigrationInterface {
  name = 'KeepServiceStandards1764900001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE services
        ADD COLUMN standard jsonb,
        ADD COLUMN version integer NOT NULL DEFAULT 0,
        ADD COLUMN categories text[] NOT NULL DEFAULT '{}',
        ADD COLUMN search_text text NOT NULL DEFAULT ''`);
    await queryRunner.query('CREATE INDEX services_agency_idx ON services (agency_code, code)');
    await queryRunner.query(
      'CREATE INDEX services_categories_idx ON services USING gin (categories)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX services_categories_idx');
    await queryRunner.query('DROP INDEX services_agency_idx');
    await queryRunner.query(`
      ALTER TABLE services DROP COLUMN standard, DROP COLUMN version, DROP COLUMN categories,
        DROP COLUMN search_text`);
  }
}
