import { ensureDatabase, postgresOptions } from '@satupintu/persistence';
import { testEnvironment } from '@satupintu/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SURVEYS_MIGRATIONS } from '../src/migrations';

/**
 * Plans recorded before the one naming of SKM periods, under `2026-Q1`, are renamed to the
 * label the index prints (`2026-TW1`) when the migration runs; semesters and years keep their
 * names; and the table refuses any other naming from then on.
 */
describe('NamePlanQuartersAsTheIndex migration', () => {
  const env = testEnvironment();
  const database = `${env.DB_PREFIX}_surveys_periods`;
  let dataSource: DataSource | undefined;

  afterAll(async () => {
    await dataSource?.destroy();
  });

  const open = async (migrations: typeof SURVEYS_MIGRATIONS) => {
    const source = await new DataSource(
      postgresOptions({ serverUrl: env.DATABASE_URL, database, migrations, entities: [] }),
    ).initialize();
    await source.runMigrations({ transaction: 'each' });
    return source;
  };
  const addPlan = (source: DataSource, scopeKey: string, period: string) =>
    source.query(
      `INSERT INTO follow_up_plans (plan_id, scope_kind, scope_key, period)
       VALUES ($1, 'MALL', $2, $3)`,
      [randomUUID(), scopeKey, period],
    );

  it('renames quarters to TW1–TW4, keeps semesters and years, and refuses other names', async () => {
    await ensureDatabase(env.DATABASE_URL, database);
    const last = SURVEYS_MIGRATIONS.findIndex(
      (m) => m.name === 'NamePlanQuartersAsTheIndex1766410000000',
    );
    const before = await open(SURVEYS_MIGRATIONS.slice(0, last));
    for (const [scope, period] of [
      ['MALL', '2026-Q1'],
      ['MALL', '2025-Q4'],
      ['MALL', '2026-S1'],
      ['MALL', '2026'],
      ['AGENCY:PUPR', '2026-Q1'],
    ])
      await addPlan(before, scope, period);
    await before.destroy();

    dataSource = await open(SURVEYS_MIGRATIONS);
    const rows = await dataSource.query<{ scope_key: string; period: string }[]>(
      'SELECT scope_key, period FROM follow_up_plans ORDER BY scope_key, period',
    );
    expect(rows.map((row) => `${row.scope_key} ${row.period}`)).toEqual([
      'AGENCY:PUPR 2026-TW1',
      'MALL 2025-TW4',
      'MALL 2026',
      'MALL 2026-S1',
      'MALL 2026-TW1',
    ]);
    for (const period of ['2026-Q2', '2026-TW5', '2026-S3', 'TW1'])
      await expect(addPlan(dataSource, 'MALL', period)).rejects.toThrow(
        /follow_up_plans_period_named/,
      );
    await addPlan(dataSource, 'MALL', '2026-TW2');
  });
});
