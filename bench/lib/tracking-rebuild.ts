import { Pool } from 'pg';
import {
  rebuildCaseViews,
  type RebuildSummary,
} from '../../apps/tracking/src/rebuild/case-views-rebuild';
import {
  caseRulesFrom,
  rebuildDatabaseOver,
} from '../../apps/tracking/src/rebuild/pg-rebuild-database';

/**
 * Tracking's retained history for `applications` cases, straight into its tables: about 5.25
 * entries each (SUBMITTED, then one of four paths through revision, payment, review and a
 * decision; every seventh stops after VERIFYING and IN_REVIEW-bound), a deadline from VERIFYING,
 * spread over a year of submissions, three agencies in three time zones.
 */
export async function seedTrackingHistory(url: string, applications: number): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    await pool.query(
      `
      INSERT INTO applications (application_id, tracking_no, agency_code, agency_time_zone,
                                service_code, channel, applicant_id, submitted_by_client, submitted_at)
      SELECT md5('rebuild' || n)::uuid, 'Z' || lpad(n::text, 8, '0'),
             (ARRAY['DUKCAPIL', 'PUPR', 'DPMPTSP'])[n % 3 + 1],
             (ARRAY['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'])[n % 3 + 1],
             (ARRAY['DUKCAPIL-KK', 'PUPR-PBG', 'DPMPTSP-NIB'])[n % 3 + 1],
             (ARRAY['WEB', 'KIOSK', 'COUNTER', 'MOBILE'])[n % 4 + 1],
             md5('applicant' || n % 300000)::uuid, NULL,
             timestamptz '2025-01-06 01:00Z' + n * (interval '365 days' / $1::int)
        FROM generate_series(1, $1::int) n`,
      [applications],
    );
    await pool.query(`
      INSERT INTO timeline_entries (event_id, application_id, tracking_no, status, agency_code,
                                    agency_time_zone, occurred_at, sequence, deadline)
      SELECT 'rebuild-' || a.tracking_no || '-' || p.i, a.application_id, a.tracking_no, p.status,
             a.agency_code, a.agency_time_zone, a.submitted_at + (p.i - 1) * interval '26 hours',
             p.i - 1,
             CASE WHEN p.i = 2 THEN a.submitted_at + interval '14 days' END
        FROM applications a
       CROSS JOIN LATERAL unnest(CASE get_byte(decode(md5(a.tracking_no), 'hex'), 0) % 4
         WHEN 0 THEN ARRAY['SUBMITTED', 'VERIFYING', 'IN_REVIEW', 'APPROVED', 'ISSUED']
         WHEN 1 THEN ARRAY['SUBMITTED', 'VERIFYING', 'NEEDS_REVISION', 'VERIFYING', 'IN_REVIEW', 'APPROVED']
         WHEN 2 THEN ARRAY['SUBMITTED', 'VERIFYING', 'IN_REVIEW', 'REJECTED']
         ELSE ARRAY['SUBMITTED', 'VERIFYING', 'AWAITING_PAYMENT', 'IN_REVIEW', 'APPROVED', 'ISSUED']
       END) WITH ORDINALITY AS p(status, i)
       WHERE a.tracking_no LIKE 'Z%'
         AND p.i <= CASE WHEN get_byte(decode(md5(a.tracking_no), 'hex'), 1) % 7 = 0 THEN 3 ELSE 9 END`);
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
