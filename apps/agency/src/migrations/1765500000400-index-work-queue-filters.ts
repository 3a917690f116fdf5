import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The work queue filtered by a status or a service that few cases have: without these, the page
 * in queue order (`ORDER BY deadline NULLS LAST, submitted_at, application_id`) walks the whole queue index, or the
 * table, to find none (15 ms for a status none of 100,000 open cases has, against 0.1 ms with
 * them). Each leads with what is filtered on, then the queue order (a B-tree in ascending order
 * keeps NULLs last, as the queue does). An order that changes changes them too.
 */
export class IndexWorkQueueFilters1765500000400 implements MigrationInterface {
  name = 'IndexWorkQueueFilters1765500000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX cases_status_queue_idx ON cases (status, deadline, submitted_at, application_id)',
    );
    await queryRunner.query(
      'CREATE INDEX cases_service_queue_idx ON cases (service_code, deadline, submitted_at, application_id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX cases_service_queue_idx');
    await queryRunner.query('DROP INDEX cases_status_queue_idx');
  }
}
