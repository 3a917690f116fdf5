import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The form data an application was submitted with, checked against its service's standard:
 * it may hold personal data (a parent's NIK), so it stays in intake and never goes on an event.
 */
export class AddFormToApplications1764900001010 implements MigrationInterface {
  name = 'AddFormToApplications1764900001010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE applications ADD COLUMN form jsonb');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE applications DROP COLUMN form');
  }
}
