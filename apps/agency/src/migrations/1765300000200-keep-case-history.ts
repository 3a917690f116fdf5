import { makeAppendOnly } from '@satupintu/persistence';
import { ACTION_RULES, type CaseRecord, WORKFLOW_ACTIONS, nextRecord } from '@satupintu/domain';
import type { ApplicationStatus } from '@satupintu/domain';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case history of ADR 0019: one row per transition, chained by hash, append-only. Each case
 * keeps its last sequence and its deadline. The cases opened before get their history from
 * `case_status_changes`, recorded as the agency's own process (who acted was not kept), without
 * deadlines; a change no action explains leaves the case's history where it stops, and the
 * case counting all its changes, for the history check to name (`history_shorter_than_case`). The work queue pages by deadline.
 */
export class KeepCaseHistory1765300000200 implements MigrationInterface {
  name = 'KeepCaseHistory1765300000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_history (
        application_id uuid NOT NULL REFERENCES cases (application_id),
        sequence integer NOT NULL CHECK (sequence >= 1),
        from_status text NOT NULL,
        to_status text NOT NULL,
        action text NOT NULL,
        actor_kind text NOT NULL,
        actor_subject text,
        actor_role text,
        reason text,
        requirements jsonb,
        at timestamptz NOT NULL,
        deadline timestamptz,
        previous_hash char(64) NOT NULL,
        hash char(64) NOT NULL,
        PRIMARY KEY (application_id, sequence)
      )`);
    await makeAppendOnly(queryRunner, 'case_history');
    await queryRunner.query(
      'ALTER TABLE cases ADD COLUMN sequence integer NOT NULL DEFAULT 0, ADD COLUMN deadline timestamptz',
    );
    await backfill(queryRunner);
    // The work queue pages by (deadline, submitted_at, application_id), no deadline last.
    await queryRunner.query('DROP INDEX cases_queue_idx');
    await queryRunner.query(
      'CREATE INDEX cases_queue_idx ON cases (deadline, submitted_at, application_id) INCLUDE (status, service_code)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX cases_queue_idx');
    await queryRunner.query('ALTER TABLE cases DROP COLUMN sequence, DROP COLUMN deadline');
    await queryRunner.query(
      'CREATE INDEX cases_queue_idx ON cases (submitted_at, application_id) INCLUDE (status, service_code)',
    );
    await queryRunner.query('DROP TABLE case_history');
  }
}

const actionOf = (from: string, to: string) =>
  WORKFLOW_ACTIONS.find(
    (action) =>
      ACTION_RULES[action].from.includes(from as ApplicationStatus) &&
      ACTION_RULES[action].to.includes(to as ApplicationStatus),
  );

async function backfill(queryRunner: QueryRunner): Promise<void> {
  const changes = (await queryRunner.query(`
    SELECT application_id AS "applicationId", from_status AS "from", to_status AS "to", reason,
           changed_at AS "at"
      FROM case_status_changes ORDER BY application_id, id`)) as {
    applicationId: string;
    from: ApplicationStatus;
    to: ApplicationStatus;
    reason: string | null;
    at: Date;
  }[];
  let last: CaseRecord | undefined;
  let stopped: string | undefined;
  for (const change of changes) {
    if (last && last.applicationId !== change.applicationId) await keepSequence(queryRunner, last);
    if (last?.applicationId !== change.applicationId) last = undefined;
    if (stopped === change.applicationId) continue;
    const action = actionOf(change.from, change.to);
    if (!action || (last ? last.to !== change.from : change.from !== 'SUBMITTED')) {
      stopped = change.applicationId;
      continue;
    }
    last = nextRecord(last, {
      applicationId: change.applicationId,
      from: change.from,
      to: change.to,
      action,
      actor: { kind: 'system' },
      ...(change.reason ? { reason: change.reason } : {}),
      at: change.at.toISOString(),
    });
    await insertRecord(queryRunner, last);
  }
  if (last) await keepSequence(queryRunner, last);
  // A case whose history stopped short counts all its changes: the check names it shorter.
  await queryRunner.query(`
    UPDATE cases c SET sequence = counted.n
      FROM (SELECT application_id, count(*)::int AS n FROM case_status_changes GROUP BY 1) counted
     WHERE counted.application_id = c.application_id AND counted.n > c.sequence`);
}

async function keepSequence(queryRunner: QueryRunner, record: CaseRecord): Promise<void> {
  await queryRunner.query('UPDATE cases SET sequence = $2 WHERE application_id = $1', [
    record.applicationId,
    record.sequence,
  ]);
}

async function insertRecord(queryRunner: QueryRunner, r: CaseRecord): Promise<void> {
  await queryRunner.query(
    `INSERT INTO case_history (application_id, sequence, from_status, to_status, action,
       actor_kind, actor_subject, actor_role, reason, requirements, at, deadline, previous_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, NULL, NULL, $7, NULL, $8, NULL, $9, $10)`,
    [
      r.applicationId,
      r.sequence,
      r.from,
      r.to,
      r.action,
      r.actor.kind,
      r.reason ?? null,
      r.at,
      r.previousHash,
      r.hash,
    ],
  );
}
