import { ensureDatabase, postgresOptions } from '@satupintu/persistence';
import { testEnvironment } from '@satupintu/testing';
import { verifyChain } from '@satupintu/domain';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CasesRepository } from '../src/cases/cases.repository';
import { checkHistory } from '../src/cases/check-history';
import { executorOf } from '@satupintu/persistence';
import { AGENCY_MIGRATIONS } from '../src/migrations';

/**
 * The cases an agency opened before it kept histories get one from `case_status_changes` when
 * the migration runs: each change that a workflow action explains becomes a record of a valid
 * chain, by the agency's process; a case whose changes no action explains keeps its history up
 * to there and counts all its changes, so the history check names it.
 */
describe('KeepCaseHistory migration', () => {
  const env = testEnvironment();
  const database = `${env.DB_PREFIX}_agency_backfill`;
  let dataSource: DataSource | undefined;

  afterAll(async () => {
    await dataSource?.destroy();
  });

  const open = async (migrations: typeof AGENCY_MIGRATIONS) => {
    const source = await new DataSource(
      postgresOptions({ serverUrl: env.DATABASE_URL, database, migrations, entities: [] }),
    ).initialize();
    await source.runMigrations({ transaction: 'each' });
    return source;
  };

  it('writes a valid chain per case from its recorded status changes', async () => {
    await ensureDatabase(env.DATABASE_URL, database);
    const last = AGENCY_MIGRATIONS.findIndex((m) => m.name === 'KeepCaseHistory1765300000200');
    const before = await open(AGENCY_MIGRATIONS.slice(0, last));
    const walked = randomUUID();
    const odd = randomUUID();
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 3, minute)).toISOString();
    for (const [id, trackingNo, status] of [
      [walked, 'BACKFILL1', 'VERIFYING'],
      [odd, 'BACKFILL2', 'IN_REVIEW'],
    ])
      await before.query(
        `INSERT INTO cases (application_id, tracking_no, service_code, channel, status, submitted_at)
         VALUES ($1, $2, 'DUKCAPIL-KK', 'WEB', $3, $4)`,
        [id, trackingNo, status, at(0)],
      );
    const changes: [string, string, string, string | null, number][] = [
      [walked, 'SUBMITTED', 'VERIFYING', null, 1],
      [walked, 'VERIFYING', 'NEEDS_REVISION', 'form', 2],
      [walked, 'NEEDS_REVISION', 'VERIFYING', 'resubmitted', 3],
      [odd, 'SUBMITTED', 'VERIFYING', null, 1],
      [odd, 'VERIFYING', 'APPROVED', null, 2],
    ];
    for (const [id, from, to, reason, minute] of changes)
      await before.query(
        `INSERT INTO case_status_changes (application_id, from_status, to_status, reason, changed_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [id, from, to, reason, at(minute)],
      );
    await before.destroy();

    dataSource = await open(AGENCY_MIGRATIONS);
    const db = executorOf(dataSource);
    const records = await CasesRepository.history(db, walked);
    expect(records.map((r) => [r.sequence, r.from, r.to, r.action, r.actor, r.reason])).toEqual([
      [1, 'SUBMITTED', 'VERIFYING', 'START_VERIFICATION', { kind: 'system' }, undefined],
      [2, 'VERIFYING', 'NEEDS_REVISION', 'REQUEST_REVISION', { kind: 'system' }, 'form'],
      [3, 'NEEDS_REVISION', 'VERIFYING', 'RESUBMIT', { kind: 'system' }, 'resubmitted'],
    ]);
    expect(verifyChain(records).ok).toBe(true);
    const kept = await dataSource.query<{ application_id: string; sequence: number }[]>(
      'SELECT application_id, sequence FROM cases ORDER BY tracking_no',
    );
    expect(kept).toEqual([
      { application_id: walked, sequence: 3 },
      // VERIFYING → APPROVED is no action: its history stops at record 1, the row counts 2.
      { application_id: odd, sequence: 2 },
    ]);
    const check = await checkHistory('DUKCAPIL', {
      cases: (after, limit) => CasesRepository.casesToCheck(db, after, limit),
      now: () => new Date(),
    });
    expect([check.cases, check.intact]).toEqual([2, 1]);
    expect(check.broken).toEqual([
      {
        applicationId: odd,
        trackingNo: 'BACKFILL2',
        problem: 'history_shorter_than_case',
        sequence: 1,
        expectedSequence: 2,
      },
    ]);
  });
});
