import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * At-risk and overdue alerts (ADR 0027). A row per case and kind, ever: its primary key is what
 * makes each alert once only, whatever replicas or restarts race to raise it, since the row and
 * its event (through the outbox) commit together. The sweep finds candidates through partial
 * indexes of the cases still running, so it never reads the finished ones.
 */
export class DeadlineAlerts1765700000500 implements MigrationInterface {
  name = 'DeadlineAlerts1765700000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE deadline_alerts (
        application_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('AT_RISK', 'OVERDUE')),
        agency_code text NOT NULL,
        deadline timestamptz NOT NULL,
        raised_at timestamptz NOT NULL,
        PRIMARY KEY (application_id, kind)
      )`);
    // The lists' order (the latest first), for one agency and for the mall.
    await queryRunner.query(
      'CREATE INDEX deadline_alerts_agency_idx ON deadline_alerts (agency_code, raised_at DESC, application_id DESC, kind DESC)',
    );
    await queryRunner.query(
      'CREATE INDEX deadline_alerts_raised_idx ON deadline_alerts (raised_at DESC, application_id DESC, kind DESC)',
    );
    // at_risk_from is set only while a case runs; deadline stays on a finished or waiting case.
    await queryRunner.query(`
      CREATE INDEX case_views_at_risk_idx ON case_views (at_risk_from)
       WHERE at_risk_from IS NOT NULL
         AND status NOT IN ('ISSUED', 'REJECTED', 'WITHDRAWN', 'NEEDS_REVISION', 'AWAITING_PAYMENT')`);
    await queryRunner.query(`
      CREATE INDEX case_views_overdue_idx ON case_views (deadline)
       WHERE deadline IS NOT NULL
         AND status NOT IN ('ISSUED', 'REJECTED', 'WITHDRAWN', 'NEEDS_REVISION', 'AWAITING_PAYMENT')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX case_views_overdue_idx');
    await queryRunner.query('DROP INDEX case_views_at_risk_idx');
    await queryRunner.query('DROP TABLE deadline_alerts');
  }
}
