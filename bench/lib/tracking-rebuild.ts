import { Pool } from 'pg';
import { fmtRate, times, type Row } from './report';
import {
  rebuildCaseViews,
  type RebuildSummary,
} from '../../apps/tracking/src/rebuild/case-views-rebuild';
import {
  caseRulesFrom,
  rebuildDatabaseOver,
} from '../../apps/tracking/src/rebuild/pg-rebuild-database';

/**
 * Tracking's retained history for `applications` cases, straight into its tables in one statement:
 * about 5 entries each (SUBMITTED, then one of four paths through revision, payment, review and a
 * decision; one in seven stops after its second change), a 14-day deadline from VERIFYING,
 * submissions spread over a year, three agencies in three time zones. Tracking numbers `Y…` (the lookup row's begin with `Z`).
 */
export async function seedTrackingHistory(url: string, applications: number): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    await pool.query(
      `
      WITH seeded AS (
        INSERT INTO applications (application_id, tracking_no, agency_code, agency_time_zone,
                                  service_code, channel, applicant_id, submitted_at)
        SELECT md5('rebuild' || n)::uuid, 'Y' || lpad(n::text, 8, '0'),
               (ARRAY['DUKCAPIL', 'PUPR', 'DPMPTSP'])[n % 3 + 1],
               (ARRAY['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'])[n % 3 + 1],
               (ARRAY['DUKCAPIL-KK', 'PUPR-PBG', 'DPMPTSP-NIB'])[n % 3 + 1],
               (ARRAY['WEB', 'KIOSK', 'COUNTER', 'MOBILE'])[n % 4 + 1],
               md5('applicant' || n % 300000)::uuid,
               timestamptz '2025-01-06 01:00Z' + n * (interval '365 days' / $1::int)
          FROM generate_series(1, $1::int) n
        RETURNING application_id, tracking_no, agency_code, agency_time_zone, submitted_at)
      INSERT INTO timeline_entries (event_id, application_id, tracking_no, status, agency_code,
                                    agency_time_zone, occurred_at, sequence, deadline)
      SELECT 'rebuild-' || a.tracking_no || '-' || p.i, a.application_id, a.tracking_no, p.status,
             a.agency_code, a.agency_time_zone, a.submitted_at + (p.i - 1) * interval '26 hours',
             p.i - 1, CASE WHEN p.i = 2 THEN a.submitted_at + interval '14 days' END
        FROM seeded a
       CROSS JOIN LATERAL unnest(CASE get_byte(decode(md5(a.tracking_no), 'hex'), 0) % 4
         WHEN 0 THEN ARRAY['SUBMITTED', 'VERIFYING', 'IN_REVIEW', 'APPROVED', 'ISSUED']
         WHEN 1 THEN ARRAY['SUBMITTED', 'VERIFYING', 'NEEDS_REVISION', 'VERIFYING', 'IN_REVIEW', 'APPROVED']
         WHEN 2 THEN ARRAY['SUBMITTED', 'VERIFYING', 'IN_REVIEW', 'REJECTED']
         ELSE ARRAY['SUBMITTED', 'VERIFYING', 'AWAITING_PAYMENT', 'IN_REVIEW', 'APPROVED', 'ISSUED']
       END) WITH ORDINALITY AS p(status, i)
       WHERE p.i <= CASE WHEN get_byte(decode(md5(a.tracking_no), 'hex'), 1) % 7 = 0 THEN 3 ELSE 9 END`,
      [applications],
    );
    await pool.query('ANALYZE applications');
    await pool.query('ANALYZE timeline_entries');
  } finally {
    await pool.end();
  }
}

/** `npm run tracking:rebuild`'s work, in this process, timed. */
export async function timeRebuild(url: string): Promise<{ ms: number; summary: RebuildSummary }> {
  const pool = new Pool({ connectionString: url, max: 4, application_name: 'bench-rebuild' });
  try {
    const database = rebuildDatabaseOver(pool);
    const rules = await caseRulesFrom(database.pool, 0.75);
    const started = Date.now();
    const summary = await rebuildCaseViews(database, rules);
    if (!summary) throw new Error('the rebuild did not run');
    return { ms: Date.now() - started, summary };
  } finally {
    await pool.end();
  }
}

export const REBUILD_APPLICATIONS = 1_000_000;
const REBUILD_GOAL_MS = 120_000;

/**
 * The row "rebuild of 1,000,000 applications": tracking's history seeded beside what the run's
 * services put there (tracking keeps running and consuming), the rebuild timed, then its baseline
 * measured on the same table: PostgreSQL copying the rebuilt `case_views` into a new table
 * (`CREATE TABLE … AS SELECT *`), the floor of writing that many rows on this machine.
 */
export async function rebuildRow(url: string): Promise<{ row: Row; summary: string }> {
  const seedStarted = Date.now();
  await seedTrackingHistory(url, REBUILD_APPLICATIONS);
  const seedMs = Date.now() - seedStarted;
  const { ms, summary } = await timeRebuild(url);
  const pool = new Pool({ connectionString: url, max: 1 });
  let copyMs: number;
  try {
    const started = Date.now();
    await pool.query('CREATE TABLE bench_case_views_copy AS SELECT * FROM case_views');
    copyMs = Date.now() - started;
    await pool.query('DROP TABLE bench_case_views_copy');
  } finally {
    await pool.end();
  }
  // The seeded cases had no live rows: each is "missing", and nothing else may differ.
  const unexpected = summary.mismatches - summary.missing;
  const met = ms <= REBUILD_GOAL_MS;
  const perSecond = summary.rebuilt / (ms / 1000);
  return {
    row: {
      target: `rebuild of ${REBUILD_APPLICATIONS.toLocaleString('en')} applications (\`tracking:rebuild\`, tracking running), cases/s`,
      rps: fmtRate(perSecond),
      p50: '—',
      p99: '—',
      errors: unexpected === 0 ? '0' : `**${unexpected} live rows differed from their history**`,
      ratio: `${(ms / 1000).toFixed(1)} s, goal ≤ ${REBUILD_GOAL_MS / 1000} s: ${met ? 'met' : '**not met**'}`,
      latencyRatio: `${times(ms, copyMs)} SQL copy`,
      cpu: '—',
      other: '—',
    },
    summary:
      `Rebuild of ${summary.rebuilt.toLocaleString('en')} cases (${REBUILD_APPLICATIONS.toLocaleString('en')} seeded with about 5 entries each in ${(seedMs / 1000).toFixed(0)} s): ` +
      `${(ms / 1000).toFixed(1)} s (goal ≤ ${REBUILD_GOAL_MS / 1000} s: **${met ? 'met' : 'not met'}**; building ${(summary.buildMs / 1000).toFixed(1)} s, ` +
      `catch-up and swap ${(summary.catchUpMs / 1000).toFixed(1)} s); PostgreSQL copying the result: ${(copyMs / 1000).toFixed(1)} s. ` +
      `Caught up ${summary.caughtUp}, mismatches ${summary.mismatches} (${summary.missing} of them the seeded cases, which had no live row).`,
  };
}
