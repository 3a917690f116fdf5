import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What mall admins' list of received OSS files needs (`GET /v1/oss/files`): `seq`, the order the
 * files came in, a short key for the list's cursor (a file's own key holds its URL, up to 2,048
 * characters); `changed_at`, when the file took its state. Indexed for the list, the latest
 * first, and for it filtered by state.
 */
export class AddSeqAndChangedAtToOssFiles1766420000200 implements MigrationInterface {
  name = 'AddSeqAndChangedAtToOssFiles1766420000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE oss_files
        ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY,
        ADD COLUMN changed_at timestamptz`);
    await queryRunner.query('UPDATE oss_files SET changed_at = received_at');
    await queryRunner.query(`
      ALTER TABLE oss_files
        ALTER COLUMN changed_at SET NOT NULL,
        ALTER COLUMN changed_at SET DEFAULT now()`);
    await queryRunner.query('CREATE UNIQUE INDEX oss_files_seq ON oss_files (seq)');
    await queryRunner.query('CREATE INDEX oss_files_state_seq ON oss_files (state, seq)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE oss_files DROP COLUMN changed_at, DROP COLUMN seq');
  }
}
