import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The feed of case changes for the agency's own system (ADR 0025): each case keeps the id of
 * the transaction that last changed it (added it, or moved it). A transaction id is assigned at
 * a transaction's first write, not at its commit, so it is not in commit order; the feed reads
 * only below the oldest transaction still running, where no commit can land any more. The cases
 * there before share this migration's transaction, ordered among themselves by application id.
 */
export class FollowCaseChanges1765600000300 implements MigrationInterface {
  name = 'FollowCaseChanges1765600000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE cases ADD COLUMN changed_xid xid8 NOT NULL DEFAULT pg_current_xact_id()',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX cases_changes_idx ON cases (changed_xid, application_id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX cases_changes_idx');
    await queryRunner.query('ALTER TABLE cases DROP COLUMN changed_xid');
  }
}
