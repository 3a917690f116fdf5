import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A signed file OSS sends for a permit that has no application yet (unmapped, or being opened)
 * waits for it (`WAITING`) instead of failing: the job that opens the permit fetches it once the
 * permit is settled. `failure` becomes `reason`, since a waiting file has a reason and no
 * failure; a file waiting or failed always has one.
 */
export class LetOssFilesWaitForTheirPermit1766420000100 implements MigrationInterface {
  name = 'LetOssFilesWaitForTheirPermit1766420000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE oss_files RENAME COLUMN failure TO reason');
    await queryRunner.query(`
      ALTER TABLE oss_files
        DROP CONSTRAINT oss_files_state_check,
        ADD CONSTRAINT oss_files_state_check
            CHECK (state IN ('RECEIVED', 'WAITING', 'ATTACHED', 'FAILED')),
        ADD CONSTRAINT oss_files_reason_check
            CHECK (state NOT IN ('WAITING', 'FAILED') OR reason IS NOT NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE oss_files SET state = 'FAILED', reason = 'no_application' WHERE state = 'WAITING'`,
    );
    await queryRunner.query(`
      ALTER TABLE oss_files
        DROP CONSTRAINT oss_files_reason_check,
        DROP CONSTRAINT oss_files_state_check,
        ADD CONSTRAINT oss_files_state_check CHECK (state IN ('RECEIVED', 'ATTACHED', 'FAILED'))`);
    await queryRunner.query('ALTER TABLE oss_files RENAME COLUMN reason TO failure');
  }
}
