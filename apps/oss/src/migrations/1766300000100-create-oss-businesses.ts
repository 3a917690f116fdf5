import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What became of each NIB's business in identity (ADR 0035), one row per NIB: the digest of
 * the business and owner last brought there (a NIB sent again with the same data asks identity
 * nothing), identity's ids for them, when, and why not, when OSS left out what a business needs
 * or identity refused it. A table apart from `oss_nibs`, which receiveNIB locks: the job that
 * writes this holds its permit and job rows while it does, and must never wait on a receiveNIB
 * that waits on them. (`oss_nibs.business_id` and `owner_id` stay unused.)
 */
export class CreateOssBusinesses1766300000100 implements MigrationInterface {
  name = 'CreateOssBusinesses1766300000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE oss_businesses (
        nib text PRIMARY KEY REFERENCES oss_nibs (nib),
        digest text NOT NULL CHECK (digest ~ '^[0-9a-f]{64}$'),
        business_id uuid,
        owner_id uuid,
        failure text,
        synced_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE oss_businesses');
  }
}
