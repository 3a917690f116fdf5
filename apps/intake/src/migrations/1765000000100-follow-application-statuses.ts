import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where each application stands, as intake hears it from the owning agency
 * (ApplicationStatusChanged) or as the applicant withdraws it: for the applicant to read and to
 * decide whether a withdrawal is still possible.
 */
export class FollowApplicationStatuses1765000000100 implements MigrationInterface {
  name = 'FollowApplicationStatuses1765000000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE applications
        ADD COLUMN status text NOT NULL DEFAULT 'SUBMITTED',
        ADD COLUMN status_changed_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE applications DROP COLUMN status_changed_at, DROP COLUMN status',
    );
  }
}
