import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A counter-assisted application records the queue ticket the front-desk officer was serving
 * and their counter (ADR 0037): one application per ticket.
 */
export class RecordQueueTickets1766430000000 implements MigrationInterface {
  name = 'RecordQueueTickets1766430000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE applications
        ADD COLUMN queue_ticket_code text CHECK (queue_ticket_code ~ '^ANT[0-9A-Z]{9}$'),
        ADD COLUMN counter_code text,
        ADD CHECK ((queue_ticket_code IS NULL) = (counter_code IS NULL))`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX applications_queue_ticket_key
        ON applications (queue_ticket_code) WHERE queue_ticket_code IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX applications_queue_ticket_key');
    await queryRunner.query(
      'ALTER TABLE applications DROP COLUMN queue_ticket_code, DROP COLUMN counter_code',
    );
  }
}
