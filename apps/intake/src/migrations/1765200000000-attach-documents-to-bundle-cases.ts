import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A bundle's documents are attached to its case, not to one step's application: every step
 * opened later holds them (its `applications.documents` names them), so a document belongs to
 * an application or to a bundle case, never both, and has a requirement once it belongs.
 */
export class AttachDocumentsToBundleCases1765200000000 implements MigrationInterface {
  name = 'AttachDocumentsToBundleCases1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE documents
        ADD COLUMN bundle_case_id uuid REFERENCES bundle_cases (id),
        DROP CONSTRAINT documents_check,
        ADD CONSTRAINT documents_attached_once CHECK (
          (application_id IS NULL OR bundle_case_id IS NULL)
          AND ((application_id IS NULL AND bundle_case_id IS NULL) = (requirement IS NULL)))`);
    await queryRunner.query(
      'CREATE INDEX documents_bundle_case_idx ON documents (bundle_case_id) WHERE bundle_case_id IS NOT NULL',
    );
    await queryRunner.query('DROP INDEX documents_unattached_idx');
    await queryRunner.query(`
      CREATE INDEX documents_unattached_idx ON documents (created_at)
       WHERE application_id IS NULL AND bundle_case_id IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX documents_unattached_idx');
    await queryRunner.query(
      'CREATE INDEX documents_unattached_idx ON documents (created_at) WHERE application_id IS NULL',
    );
    await queryRunner.query('DROP INDEX documents_bundle_case_idx');
    await queryRunner.query(`
      ALTER TABLE documents
        DROP CONSTRAINT documents_attached_once,
        DROP COLUMN bundle_case_id,
        ADD CONSTRAINT documents_check CHECK ((application_id IS NULL) = (requirement IS NULL))`);
  }
}
