import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One naming of SKM periods (issue 11): a follow-up plan is recorded under the label the SKM
 * index and report print for its period, so a quarter is a triwulan, `2026-TW1`, no longer
 * `2026-Q1`; semesters (`2026-S1`) and years (`2026`) are named as before. Plans recorded
 * under the old name are renamed, and the table refuses any other naming from now on.
 */
export class NamePlanQuartersAsTheIndex1766410000000 implements MigrationInterface {
  name = 'NamePlanQuartersAsTheIndex1766410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(String.raw`
      UPDATE follow_up_plans SET period = regexp_replace(period, '^(\d{4})-Q([1-4])$', '\1-TW\2')
       WHERE period ~ '^\d{4}-Q[1-4]$'`);
    await queryRunner.query(String.raw`
      ALTER TABLE follow_up_plans ADD CONSTRAINT follow_up_plans_period_named
        CHECK (period ~ '^\d{4}(-TW[1-4]|-S[12])?$')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE follow_up_plans DROP CONSTRAINT follow_up_plans_period_named',
    );
    await queryRunner.query(String.raw`
      UPDATE follow_up_plans SET period = regexp_replace(period, '^(\d{4})-TW([1-4])$', '\1-Q\2')
       WHERE period ~ '^\d{4}-TW[1-4]$'`);
  }
}
