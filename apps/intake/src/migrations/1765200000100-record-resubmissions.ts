import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the applicant last sent corrections after NEEDS_REVISION. The status stays
 * NEEDS_REVISION until the agency takes the case up again; this says the corrections are in.
 */
export class RecordResubmissions1765200000100 implements MigrationInterface {
  name = 'RecordResubmissions1765200000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE applications ADD COLUMN resubmitted_at timestamptz');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE applications DROP COLUMN resubmitted_at');
  }
}
