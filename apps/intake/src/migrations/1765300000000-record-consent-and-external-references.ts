import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The applicant's consent to a submission an officer made for them (how, and the signed form's
 * number), on applications and bundle cases; and an API client's own reference, unique per
 * client, so a case sent twice by its system is found instead of opened twice.
 */
export class RecordConsentAndExternalReferences1765300000000 implements MigrationInterface {
  name = 'RecordConsentAndExternalReferences1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE applications
        ADD COLUMN applicant_consent_method text
          CHECK (applicant_consent_method IN ('SIGNED_FORM', 'VERBAL', 'ELECTRONIC_SIGNATURE')),
        ADD COLUMN applicant_consent_reference text,
        ADD COLUMN external_reference text`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX applications_client_external_reference_key
        ON applications (submitted_by_client, external_reference)
        WHERE external_reference IS NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE bundle_cases
        ADD COLUMN applicant_consent_method text
          CHECK (applicant_consent_method IN ('SIGNED_FORM', 'VERBAL', 'ELECTRONIC_SIGNATURE')),
        ADD COLUMN applicant_consent_reference text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE bundle_cases
        DROP COLUMN applicant_consent_method, DROP COLUMN applicant_consent_reference`);
    await queryRunner.query('DROP INDEX applications_client_external_reference_key');
    await queryRunner.query(`
      ALTER TABLE applications
        DROP COLUMN applicant_consent_method, DROP COLUMN applicant_consent_reference,
        DROP COLUMN external_reference`);
  }
}
