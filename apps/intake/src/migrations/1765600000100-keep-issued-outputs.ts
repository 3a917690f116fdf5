import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An agency's issued output is a document of the registry (ADR 0021): owned by the agency
 * (`owner_kind 'agency'`, its code the subject), the output of one application (`output_of`,
 * one per application), never attached as an upload is, so never abandoned. The application
 * keeps its output's number and document for its applicant to read.
 */
export class KeepIssuedOutputs1765600000100 implements MigrationInterface {
  name = 'KeepIssuedOutputs1765600000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE documents
        DROP CONSTRAINT documents_owner_kind_check,
        ADD CONSTRAINT documents_owner_kind_check
          CHECK (owner_kind IN ('applicant', 'officer', 'client', 'agency')),
        ADD COLUMN output_of uuid UNIQUE REFERENCES applications (id),
        ADD CONSTRAINT documents_output_of_agency CHECK (
          (owner_kind = 'agency') = (output_of IS NOT NULL)
          AND (output_of IS NULL OR (application_id IS NULL AND bundle_case_id IS NULL)))`);
    await queryRunner.query(`
      ALTER TABLE applications
        ADD COLUMN output_number text,
        ADD COLUMN output_document_id uuid`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE applications DROP COLUMN output_document_id, DROP COLUMN output_number',
    );
    await queryRunner.query("DELETE FROM documents WHERE owner_kind = 'agency'");
    await queryRunner.query(`
      ALTER TABLE documents
        DROP CONSTRAINT documents_output_of_agency,
        DROP COLUMN output_of,
        DROP CONSTRAINT documents_owner_kind_check,
        ADD CONSTRAINT documents_owner_kind_check
          CHECK (owner_kind IN ('applicant', 'officer', 'client'))`);
  }
}
