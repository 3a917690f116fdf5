import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provideInfrastructure, type Infrastructure } from './infrastructure';
import { newRunId } from './test-environment';

declare global {
  var __SATUPINTU_INFRA__: Infrastructure | undefined;
}

/**
 * Once per Jest run of the integration project: find PostgreSQL and NATS, give this run its own database prefix and NATS
 * namespace (so concurrent runs never meet), and build the services that tests start as processes.
 */
export default async function globalSetup(): Promise<void> {
  const infra = await provideInfrastructure();
  globalThis.__SATUPINTU_INFRA__ = infra;
  // `npm test` runs the integration project twice (the suites on both cores, then the
  // `*.last.int-spec.ts` in band): both Jest runs are one test run, under the id it gives them.
  const runId = process.env.SP_TEST_RUN_ID ?? newRunId();
  process.env.DATABASE_URL = infra.databaseUrl;
  process.env.NATS_URL = infra.natsUrl;
  process.env.DB_PREFIX = process.env.SP_RUN_DB_PREFIX = `sptest_${runId}`;
  process.env.SP_NAMESPACE = process.env.SP_RUN_NAMESPACE = `t${runId}`;
  // Info, not just errors: the last test reads every line for credentials and NIKs.
  process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'info';
  process.env.SP_TEST_LOG_DIR = join(tmpdir(), 'satupintu-test-logs', runId);
  mkdirSync(process.env.SP_TEST_LOG_DIR, { recursive: true });
  if (process.env.SP_TEST_BUILT !== '1')
    execFileSync(process.execPath, ['scripts/build.mjs', '--no-openapi'], { stdio: 'inherit' });
  process.stdout.write(`\nintegration: ${infra.source} PostgreSQL and NATS; run ${runId}\n`);
}
