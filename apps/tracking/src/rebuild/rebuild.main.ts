/**
 * `npm run tracking:rebuild`: rebuilds tracking's read model (`case_views`) from the retained
 * history beside the live one, with the service running, and swaps it in (case-views-rebuild.ts).
 * Connects as tracking does (DATABASE_URL, DB_PREFIX; TRACKING_AT_RISK_SHARE for the fold) and
 * prints a JSON summary. Exits 1 when live rows differed from their history (the swap corrected
 * them; the summary names some) or when it fails.
 */
import { runMain } from '@satupintu/common';
import { databaseName, databaseUrl } from '@satupintu/persistence';
import { Pool } from 'pg';
import { loadTrackingConfig } from '../config';
import { rebuildCaseViews } from './case-views-rebuild';
import { caseRulesFrom, rebuildDatabaseOver } from './pg-rebuild-database';

runMain(async () => {
  const config = loadTrackingConfig();
  const pool = new Pool({
    connectionString: databaseUrl(config.DATABASE_URL, databaseName(config.DB_PREFIX, 'tracking')),
    application_name: 'tracking-rebuild',
    max: 4,
  });
  try {
    const database = rebuildDatabaseOver(pool);
    const rules = await caseRulesFrom(database.pool, config.TRACKING_AT_RISK_SHARE);
    const summary = await rebuildCaseViews(database, rules);
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    process.exitCode = summary && summary.mismatches > 0 ? 1 : 0;
  } finally {
    await pool.end();
  }
});
