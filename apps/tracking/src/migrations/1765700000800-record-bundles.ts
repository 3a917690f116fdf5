import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bundles as the dashboards count them (issue 9): one row per bundle that ended, from intake's
 * BundleStatusChanged. `started_at` is its earliest step's submission, `time_zone` that step's
 * agency's, which its periods are counted in.
 */
export class RecordBundles1765700000800 implements MigrationInterface {
  name = 'RecordBundles1765700000800';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE bundle_views (
        bundle_case_id uuid PRIMARY KEY,
        tracking_no char(9) NOT NULL,
        bundle_code text NOT NULL,
        status text NOT NULL CHECK (status IN ('COMPLETED', 'FAILED')),
        time_zone text NOT NULL,
        started_at timestamptz,
        completed_at timestamptz NOT NULL,
        end_to_end_days integer
      )`);
    await queryRunner.query(
      'CREATE INDEX bundle_views_completed_idx ON bundle_views (completed_at)',
    );
    // The dashboards' scans: by the period a case was submitted or decided in.
    await queryRunner.query('CREATE INDEX case_views_submitted_idx ON case_views (submitted_at)');
    await queryRunner.query(
      'CREATE INDEX case_views_completed_idx ON case_views (completed_at) WHERE completed_at IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX case_views_bundle_idx ON case_views (bundle_case_id) WHERE bundle_case_id IS NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX case_views_bundle_idx');
    await queryRunner.query('DROP INDEX case_views_completed_idx');
    await queryRunner.query('DROP INDEX case_views_submitted_idx');
    await queryRunner.query('DROP TABLE bundle_views');
  }
}
