import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whose each application is, from its submission event: the applicant (and business) by id,
 * the owning agency, and who submitted it. Tracking decides from this who may read a timeline.
 */
export class RecordApplicationOwners1764500000700 implements MigrationInterface {
  name = 'RecordApplicationOwners1764500000700';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE applications (
        application_id uuid PRIMARY KEY,
        tracking_no char(9) NOT NULL UNIQUE,
        agency_code text NOT NULL,
        applicant_id uuid,
        business_id uuid,
        submitted_by_kind text,
        submitted_by_subject text,
        submitted_by_client text,
        submitted_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX applications_applicant_idx ON applications (applicant_id, submitted_at, application_id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE applications');
  }
}
