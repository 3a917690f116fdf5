import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Intake follows identity's profiles for what submission needs: who a NIK is (an officer or a
 * client applying for someone names them by NIK), and who may act for which business. Only
 * identifiers, the name and the birth date are kept; applications keep the applicant's id, not
 * their details, from now on.
 */
export class FollowApplicants1764500000800 implements MigrationInterface {
  name = 'FollowApplicants1764500000800';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE applicants (
        id uuid PRIMARY KEY,
        nik char(16) NOT NULL UNIQUE,
        name text NOT NULL,
        birth_date date NOT NULL,
        version integer NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE business_members (
        business_id uuid NOT NULL,
        applicant_id uuid NOT NULL,
        role text NOT NULL,
        version integer NOT NULL,
        PRIMARY KEY (business_id, applicant_id)
      )`);
    await queryRunner.query(`
      ALTER TABLE applications
        ALTER COLUMN applicant_nik DROP NOT NULL,
        ALTER COLUMN applicant_name DROP NOT NULL,
        ADD COLUMN applicant_id uuid,
        ADD COLUMN business_id uuid,
        ADD COLUMN submitted_by_kind text,
        ADD COLUMN submitted_by_subject text,
        ADD COLUMN submitted_by_client text`);
    await queryRunner.query(
      'CREATE INDEX applications_applicant_idx ON applications (applicant_id, submitted_at, id)',
    );
    await queryRunner.query(
      'CREATE INDEX applications_client_idx ON applications (submitted_by_client, submitted_at, id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX applications_client_idx');
    await queryRunner.query('DROP INDEX applications_applicant_idx');
    await queryRunner.query(`
      ALTER TABLE applications DROP COLUMN applicant_id, DROP COLUMN business_id,
        DROP COLUMN submitted_by_kind, DROP COLUMN submitted_by_subject,
        DROP COLUMN submitted_by_client`);
    await queryRunner.query('DROP TABLE business_members');
    await queryRunner.query('DROP TABLE applicants');
  }
}
