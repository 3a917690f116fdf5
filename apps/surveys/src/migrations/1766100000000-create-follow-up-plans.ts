import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Follow-up plans of SKM periods (rencana tindak lanjut, issue 11, ADR 0033): one plan per scope
 * (`MALL`, `AGENCY:<code>`, `SERVICE:<code>`) and period (`2026-Q1`, `2026-S2`, `2026`), with the
 * public consultation forum that agreed it, and its items. Each row carries a version that an
 * update must name, so a change made on a stale read is refused (409) instead of lost.
 */
export class CreateFollowUpPlans1766100000000 implements MigrationInterface {
  name = 'CreateFollowUpPlans1766100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE follow_up_plans (
        plan_id uuid PRIMARY KEY,
        scope_kind text NOT NULL CHECK (scope_kind IN ('MALL', 'AGENCY', 'SERVICE')),
        scope_key text NOT NULL,
        -- An AGENCY plan's agency (a SERVICE plan's agency is its code's prefix, ADR 0015).
        agency_code text,
        service_code text,
        period text NOT NULL,
        forum jsonb,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        UNIQUE (scope_key, period)
      )`);
    // The list's order, by milliseconds as its cursor carries them (the latest changed first). A mall holds some hundred scopes and a few
    // periods a year: an agency's list filters this order rather than having an index of its own.
    await queryRunner.query(
      'CREATE INDEX follow_up_plans_updated_idx ON follow_up_plans (updated_at DESC, plan_id DESC)',
    );
    await queryRunner.query(`
      CREATE TABLE follow_up_items (
        item_id uuid PRIMARY KEY,
        plan_id uuid NOT NULL REFERENCES follow_up_plans (plan_id),
        position integer NOT NULL,
        element text NOT NULL CHECK (element ~ '^U[1-9]$'),
        activity text NOT NULL,
        planned_quarters text[] NOT NULL,
        responsible_unit text NOT NULL,
        status text NOT NULL CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'DONE', 'DROPPED')),
        evidence jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (plan_id, position)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE follow_up_items');
    await queryRunner.query('DROP TABLE follow_up_plans');
  }
}
