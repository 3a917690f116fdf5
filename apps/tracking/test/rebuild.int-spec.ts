import {
  ApplicationStatusChanged,
  ApplicationSubmitted,
  type ApplicationStatusChangedV1,
  type ApplicationSubmittedV2,
  type Status,
} from '@satupintu/contracts';
import { compile, databaseName, databaseUrl, type Executor } from '@satupintu/persistence';
import {
  ServiceProcess,
  deleteNamespaceStreams,
  eventually,
  publishEvents,
  queryServiceDb,
  testEnvironment,
} from '@satupintu/testing';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Pool } from 'pg';
import { rebuildCaseViews, type RebuildSummary } from '../src/rebuild/case-views-rebuild';
import { caseRulesFrom, rebuildDatabaseOver } from '../src/rebuild/pg-rebuild-database';

/**
 * The read model rebuilt from the retained history beside the live one, with tracking running
 * and events arriving: before the rebuild has read everything (cases it read already change),
 * between its comparison and its swap (folded under the lock), and all along; the rebuilt table
 * ends as the live one was, the live projection goes on after the swap, a corrupted live row is
 * reported and corrected, and an empty read model beside a history is filled when tracking starts.
 */
describe('rebuilding the read model while tracking runs', () => {
  const env = testEnvironment();
  const namespace = `${env.SP_NAMESPACE}rb`;
  const prefix = `${env.DB_PREFIX}_rb`;
  const isolated = { SP_NAMESPACE: namespace, DB_PREFIX: prefix };
  const url = databaseUrl(env.DATABASE_URL, databaseName(prefix, 'tracking'));
  const BASE = 400;
  let tracking: ServiceProcess | undefined;
  let pool: Pool;

  beforeAll(async () => {
    tracking = await ServiceProcess.start('tracking', isolated);
    pool = new Pool({ connectionString: url, max: 6 });
  }, 60_000);

  afterAll(async () => {
    await pool?.end();
    await tracking?.stop();
    await deleteNamespaceStreams(env.NATS_URL, namespace);
  });

  const rows = <T>(text: string, params: unknown[] = []) =>
    queryServiceDb<T>(['tracking'], text, params, prefix);
  const wholeTable = () =>
    rows<Record<string, unknown>>('SELECT * FROM case_views ORDER BY application_id');
  const sequenceOf = async (applicationId: string) =>
    (
      await rows<{ sequence: number }>(
        'SELECT sequence FROM case_views WHERE application_id = $1',
        [applicationId],
      )
    )[0]?.sequence;

  const submissions = (n: number): ApplicationSubmittedV2[] =>
    Array.from({ length: n }, (_, i) => ({
      applicationId: randomUUID(),
      trackingNo: `R${randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase()}`,
      serviceCode: 'REBUILD-1',
      agencyCode: i % 2 ? 'DUKCAPIL' : 'PUPR',
      agencyTimeZone: i % 3 ? 'Asia/Makassar' : 'Asia/Jakarta',
      channel: 'KIOSK',
      submittedAt: new Date(Date.UTC(2026, 10, 2 + (i % 20), 3)).toISOString(),
    }));
  const change = (
    a: ApplicationSubmittedV2,
    sequence: number,
    to: Status,
    from: Status,
  ): ApplicationStatusChangedV1 => ({
    applicationId: a.applicationId,
    trackingNo: a.trackingNo,
    agencyCode: a.agencyCode,
    agencyTimeZone: a.agencyTimeZone,
    from,
    to,
    sequence,
    changedAt: new Date(Date.parse(a.submittedAt) + sequence * 30 * 3600_000).toISOString(),
    ...(to === 'VERIFYING'
      ? { deadline: new Date(Date.parse(a.submittedAt) + 16 * 86_400_000).toISOString() }
      : {}),
  });
  const submit = (list: ApplicationSubmittedV2[]) =>
    publishEvents(env.NATS_URL, namespace, ApplicationSubmitted, list);
  const changes = (list: ApplicationStatusChangedV1[]) =>
    publishEvents(env.NATS_URL, namespace, ApplicationStatusChanged, list);
  const projected = (list: ApplicationSubmittedV2[], sequence: number) =>
    eventually(async () => {
      const [row] = await rows<{ n: number }>(
        'SELECT count(*)::int AS n FROM case_views WHERE application_id = ANY($1) AND sequence = $2',
        [list.map((a) => a.applicationId), sequence],
      );
      expect(row.n).toBe(list.length);
    }, 60_000);

  /** The command as an operator runs it, against this test's databases. */
  const command = () =>
    new Promise<{ code: number; summary: RebuildSummary }>((resolve, reject) => {
      execFile(
        process.execPath,
        [join('dist', 'apps', 'tracking', 'src', 'rebuild', 'rebuild.main.js')],
        { env: { ...process.env, ...env, ...isolated } },
        (error, stdout, stderr) => {
          const code = error ? Number(error.code ?? 1) : 0;
          try {
            resolve({ code, summary: JSON.parse(stdout) as RebuildSummary });
          } catch {
            reject(new Error(`no summary (exit ${code}): ${stdout}${stderr}`));
          }
        },
      );
    });

  const base = submissions(BASE);

  it('ends identical to the live read model while events arrive, and the live projection goes on', async () => {
    await submit(base);
    await changes(base.map((a) => change(a, 1, 'VERIFYING', 'SUBMITTED')));
    await projected(base, 1);

    // Changed while the rebuild reads: the first in id order, those of the batch it read first.
    const byId = [...base].sort((a, b) => a.applicationId.localeCompare(b.applicationId));
    const [duringRead, atCatchUp, gapped, others] = [
      byId.slice(0, 60),
      byId.slice(60, 90),
      byId[90],
      byId.slice(91),
    ];
    const arriving = submissions(40);
    const database = rebuildDatabaseOver(pool);
    let batches = 0;
    let compared = false;
    const readPool: Executor = {
      query: async (statement) => (await readPool.execute(statement)).rows,
      execute: async (statement) => {
        const result = await database.pool.execute(statement);
        if (compile(statement).text.includes('FROM applications') && ++batches === 2) {
          await changes(duringRead.map((a) => change(a, 2, 'IN_REVIEW', 'VERIFYING')));
          await submit(arriving);
          // A step whose predecessor has not come: it waits, unseen, live and rebuilt alike.
          await changes([change(gapped, 3, 'APPROVED', 'IN_REVIEW')]);
          await projected(duringRead, 2);
          await projected(arriving, 0);
        }
        return result;
      },
    };
    const control = (db: Executor): Executor => ({
      query: async (statement) => (await control(db).execute(statement)).rows,
      execute: async (statement) => {
        const result = await db.execute(statement);
        const text = compile(statement).text;
        // Right after the whole-table comparison, before the lock: these are caught up under it.
        if (text.includes('FULL JOIN') && !text.includes('ANY(') && !compared) {
          compared = true;
          await changes(atCatchUp.map((a) => change(a, 2, 'NEEDS_REVISION', 'VERIFYING')));
          await projected(atCatchUp, 2);
        }
        return result;
      },
    });
    // Events arrive all along too, wherever the rebuild is.
    const background = (async () => {
      for (let i = 0; i < others.length; i += 10)
        await changes(others.slice(i, i + 10).map((a) => change(a, 2, 'IN_REVIEW', 'VERIFYING')));
    })();

    const rules = await caseRulesFrom(database.pool, 0.75);
    const summary = (await rebuildCaseViews(
      {
        pool: readPool,
        connection: (work) => database.connection((db) => work(control(db))),
      },
      rules,
      { batchSize: 50 },
    )) as RebuildSummary;
    await background;

    expect(summary).toMatchObject({ mismatches: 0, missing: 0, mismatched: [] });
    expect(summary.rebuilt).toBeGreaterThanOrEqual(BASE);
    // Every case changed after it was read was folded again: at least those the test changed.
    expect(summary.caughtUp).toBeGreaterThanOrEqual(
      duringRead.length + atCatchUp.length + arriving.length,
    );
    expect(await sequenceOf(gapped.applicationId)).toBe(1);

    // After the swap the live projection goes on in the swapped-in table.
    await changes([change(gapped, 2, 'IN_REVIEW', 'VERIFYING')]);
    await projected([gapped], 3);
    await changes(atCatchUp.map((a) => change(a, 3, 'VERIFYING', 'NEEDS_REVISION')));
    await projected(atCatchUp, 3);
    const [revised] = await rows<{ revisions: number }>(
      'SELECT revisions FROM case_views WHERE application_id = $1',
      [atCatchUp[0].applicationId],
    );
    expect(revised.revisions).toBe(1);

    // Quiet again: what is live is what the history folds into, row for row.
    await eventually(async () => {
      const [row] = await rows<{ n: number }>(
        "SELECT count(*)::int AS n FROM timeline_entries WHERE sequence = 2 AND status = 'IN_REVIEW'",
      );
      expect(row.n).toBe(duringRead.length + 1 + others.length);
    }, 60_000);
    const live = await wholeTable();
    const again = await command();
    expect(again).toMatchObject({
      code: 0,
      summary: { cases: BASE + arriving.length, caughtUp: 0, mismatches: 0 },
    });
    expect(await wholeTable()).toEqual(live);
    // The swapped-in table carries the names its indexes had: the next rebuild finds them.
    expect(
      (
        await rows<{ indexname: string }>(
          "SELECT indexname FROM pg_indexes WHERE tablename = 'case_views' ORDER BY 1",
        )
      ).map((row) => row.indexname),
    ).toEqual([
      'case_views_agency_idx',
      'case_views_applicant_idx',
      'case_views_at_risk_idx',
      'case_views_bundle_idx',
      'case_views_completed_idx',
      'case_views_overdue_idx',
      'case_views_pkey',
      'case_views_submitted_idx',
      'case_views_tracking_no_key',
    ]);
  }, 180_000);

  it('reports a live row that differs from its history and corrects it', async () => {
    const victim = base[200];
    const [before] = await rows<Record<string, unknown>>(
      'SELECT * FROM case_views WHERE application_id = $1',
      [victim.applicationId],
    );
    await rows("UPDATE case_views SET status = 'ISSUED', revisions = 7 WHERE application_id = $1", [
      victim.applicationId,
    ]);
    // A trigger of the live table goes with it to the rebuilt one.
    await rows(`CREATE FUNCTION rebuild_test_noop() RETURNS trigger LANGUAGE plpgsql AS
      'BEGIN RETURN NEW; END'`);
    await rows(`CREATE TRIGGER rebuild_test_noop AFTER UPDATE OF status ON case_views
      FOR EACH ROW EXECUTE FUNCTION rebuild_test_noop()`);

    const { code, summary } = await command();

    expect(code).toBe(1);
    expect(summary).toMatchObject({
      mismatches: 1,
      missing: 0,
      mismatched: [victim.applicationId],
    });
    expect(
      await rows('SELECT * FROM case_views WHERE application_id = $1', [victim.applicationId]),
    ).toEqual([before]);
    expect(
      await rows(
        "SELECT tgname FROM pg_trigger WHERE tgrelid = 'case_views'::regclass AND NOT tgisinternal",
      ),
    ).toEqual([{ tgname: 'rebuild_test_noop' }]);
  }, 120_000);

  it('fills an empty read model from the history when tracking starts', async () => {
    const live = await wholeTable();
    await tracking!.stop();
    tracking = undefined;
    await rows('TRUNCATE case_views');
    await rows('DELETE FROM read_model_version');

    tracking = await ServiceProcess.start('tracking', isolated);

    expect(await wholeTable()).toEqual(live);
    expect(await rows<{ version: number }>('SELECT version FROM read_model_version')).toEqual([
      { version: 1 },
    ]);
  }, 120_000);
});
