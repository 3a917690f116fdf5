import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registry of uploaded documents. Their bytes are in the documents object store under
 * `object_name` (ADR 0014); this row says whose they are, what they are, and, once attached,
 * which application and which of its requirements they answer.
 */
export class CreateDocuments1764900000900 implements MigrationInterface {
  name = 'CreateDocuments1764900000900';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE documents (
        id uuid PRIMARY KEY,
        owner_kind text NOT NULL CHECK (owner_kind IN ('applicant', 'officer', 'client')),
        owner_subject text NOT NULL,
        owner_client text,
        content_type text NOT NULL,
        size integer NOT NULL CHECK (size > 0),
        sha256 char(64) NOT NULL,
        object_name text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        application_id uuid REFERENCES applications (id),
        requirement text,
        CHECK ((application_id IS NULL) = (requirement IS NULL))
      )`);
    await queryRunner.query(
      'CREATE INDEX documents_application_idx ON documents (application_id) WHERE application_id IS NOT NULL',
    );
    // What the sweeper looks for: documents never attached, oldest first.
    await queryRunner.query(
      'CREATE INDEX documents_unattached_idx ON documents (created_at) WHERE application_id IS NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE documents');
  }
}
