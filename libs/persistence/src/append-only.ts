import type { QueryRunner } from 'typeorm';

/**
 * Makes a table append-only in the database itself: UPDATE, DELETE and TRUNCATE raise, whoever
 * runs them. (Grants cannot do this while services connect as the table's owner.)
 */
export async function makeAppendOnly(queryRunner: QueryRunner, table: string): Promise<void> {
  await queryRunner.query(`
    CREATE OR REPLACE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
    END $$`);
  await queryRunner.query(`
    CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
    FOR EACH ROW EXECUTE FUNCTION forbid_change()`);
  await queryRunner.query(`
    CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
    FOR EACH STATEMENT EXECUTE FUNCTION forbid_change()`);
}
