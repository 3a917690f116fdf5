import { makeAppendOnly } from '@satupintu/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTimeline1763856000300 implements MigrationInterface {
  name = 'CreateTimeline1763856000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    // What happened to each application, from every agency, as it was reported: append-only.
    await queryRunner.query(`
      CREATE TABLE timeline_entries (
        id bigserial PRIMARY KEY,
        event_id text NOT NULL UNIQUE,
        application_id uuid NOT NULL,
        tracking_no char(9) NOT NULL,
        status text NOT NULL,
        agency_code text NOT NULL,
        agency_time_zone text NOT NULL,
        reason text,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      'CREATE INDEX timeline_entries_tracking_no_idx ON timeline_entries (tracking_no, occurred_at, id)',
    );
    await makeAppendOnly(queryRunner, 'timeline_entries');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE timeline_entries');
    await queryRunner.query('DROP FUNCTION forbid_change()');
  }
}
