/**
 * `npm run check:history -- --agency DUKCAPIL [--json]`: the history check of
 * `GET /v1/agencies/{agencyCode}/history-check`, run against the agency's database directly
 * (DATABASE_URL, DB_PREFIX), for an audit too large for one request or with the services down.
 * Read-only. Exits 0 when every case's history holds, 1 when one is broken or it fails.
 */
import { SUBJECT_TOKEN_PATTERN, baseEnv, loadConfig, runMain } from '@satupintu/common';
import { databaseName, databaseUrl, executorOver } from '@satupintu/persistence';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { checkHistory } from './cases/check-history';
import { CasesRepository } from './cases/cases.repository';

runMain(async () => {
  const { values } = parseArgs({
    options: { agency: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const agencyCode = values.agency?.toUpperCase();
  if (!agencyCode || !SUBJECT_TOKEN_PATTERN.test(agencyCode))
    throw new Error('usage: npm run check:history -- --agency <AGENCY_CODE> [--json]');
  const config = loadConfig({ DATABASE_URL: baseEnv.DATABASE_URL, DB_PREFIX: baseEnv.DB_PREFIX });
  const database = databaseName(config.DB_PREFIX, 'agency', agencyCode);
  const client = new Client({ connectionString: databaseUrl(config.DATABASE_URL, database) });
  await client.connect();
  try {
    const db = executorOver(client);
    const result = await checkHistory(agencyCode, {
      cases: (after, limit) => CasesRepository.casesToCheck(db, after, limit),
      now: () => new Date(),
    });
    if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else {
      const lines = [
        `${agencyCode} (${database}): ${result.cases} cases, ${result.records} records, ` +
          `${result.intact} intact, ${result.cases - result.intact} broken`,
        ...result.broken.map(
          (b) =>
            `  ${b.trackingNo} ${b.applicationId}: ${b.problem} at record ${b.sequence} (expected ${b.expectedSequence})`,
        ),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    }
    process.exitCode = result.intact === result.cases ? 0 : 1;
  } finally {
    await client.end();
  }
});
