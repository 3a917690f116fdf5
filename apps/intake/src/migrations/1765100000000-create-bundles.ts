import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bundles: a mall admin's definitions (`bundles`, steps as a DAG in topological order), the
 * bundles applicants submitted (`bundle_cases`, with the one set of data and documents every
 * step receives) and their steps (`bundle_steps`). A step's application is an ordinary
 * `applications` row that names its bundle and step; the unique index on the two is the
 * last guard against opening a step twice (the consumer's inbox is the first).
 */
export class CreateBundles1765100000000 implements MigrationInterface {
  name = 'CreateBundles1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE bundles (
        code text PRIMARY KEY CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,47}$'),
        name_id text NOT NULL,
        name_en text NOT NULL,
        description_id text,
        description_en text,
        -- [{key, serviceCode, agencyCode, dependsOn, inputs}], each after those it depends on.
        steps jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1,
        defined_by text,
        defined_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE bundle_cases (
        id uuid PRIMARY KEY,
        tracking_no char(9) NOT NULL UNIQUE,
        bundle_code text NOT NULL REFERENCES bundles (code),
        bundle_version integer NOT NULL,
        status text NOT NULL CHECK (status IN ('IN_PROGRESS', 'COMPLETED', 'FAILED')),
        channel text NOT NULL,
        form jsonb NOT NULL,
        documents jsonb NOT NULL,
        applicant_id uuid,
        applicant_nik char(16),
        applicant_name text,
        applicant_birth_date date,
        business_id uuid,
        submitted_by_kind text NOT NULL,
        submitted_by_subject text NOT NULL,
        submitted_by_client text,
        submitted_at timestamptz NOT NULL,
        failed_step text,
        failure_reason text,
        finished_at timestamptz
      )`);
    await queryRunner.query(
      'CREATE INDEX bundle_cases_applicant_idx ON bundle_cases (applicant_id, submitted_at, id)',
    );
    await queryRunner.query(`
      ALTER TABLE applications
        ADD COLUMN bundle_case_id uuid REFERENCES bundle_cases (id),
        ADD COLUMN step_key text,
        ADD COLUMN documents jsonb`);
    await queryRunner.query(
      'CREATE UNIQUE INDEX applications_bundle_step_key ON applications (bundle_case_id, step_key)',
    );
    await queryRunner.query(`
      CREATE TABLE bundle_steps (
        bundle_case_id uuid NOT NULL REFERENCES bundle_cases (id),
        step_key text NOT NULL,
        position integer NOT NULL,
        service_code text NOT NULL,
        agency_code text NOT NULL,
        depends_on text[] NOT NULL,
        inputs jsonb NOT NULL,
        status text NOT NULL
          CHECK (status IN ('WAITING', 'OPEN', 'ISSUED', 'REJECTED', 'WITHDRAWN', 'CANCELLED')),
        application_id uuid UNIQUE REFERENCES applications (id),
        output_number text,
        output_document_id uuid,
        reason text,
        PRIMARY KEY (bundle_case_id, step_key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE bundle_steps');
    await queryRunner.query('DROP INDEX applications_bundle_step_key');
    await queryRunner.query(`
      ALTER TABLE applications DROP COLUMN bundle_case_id, DROP COLUMN step_key,
        DROP COLUMN documents`);
    await queryRunner.query('DROP TABLE bundle_cases');
    await queryRunner.query('DROP TABLE bundles');
  }
}
