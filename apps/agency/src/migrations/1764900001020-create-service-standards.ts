import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The standards of this agency's services: the agency owns them (its admin publishes them), and
 * each publication replaces the row with the next `version` and goes to the mall's catalog as
 * `ServiceStandardPublished` through the outbox, in the same transaction.
 */
export class CreateServiceStandards1764900001020 implements MigrationInterface {
  name = 'CreateServiceStandards1764900001020';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE service_standards (
        code text PRIMARY KEY CHECK (code ~ '^[A-Z0-9-]{2,48}$'),
        version integer NOT NULL CHECK (version >= 1),
        standard jsonb NOT NULL,
        published_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE service_standards');
  }
}
