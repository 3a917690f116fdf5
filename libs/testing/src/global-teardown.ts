import { rmSync } from 'node:fs';
import { deleteRunStreams, dropRunDatabases } from './cleanup';

/**
 * Leaves nothing behind: this run's databases and streams go (every worker's and every suite's
 * own, which all start with the run's names), and containers stop. Not after the first of
 * `npm test`'s two Jest runs (`SP_TEST_KEEP_RUN=1`): the last suites read what it left.
 */
export default async function globalTeardown(): Promise<void> {
  const { DATABASE_URL, NATS_URL, SP_RUN_DB_PREFIX, SP_RUN_NAMESPACE } = process.env;
  if (process.env.SP_TEST_KEEP_RUN === '1') {
    await globalThis.__SATUPINTU_INFRA__?.stop();
    return;
  }
  if (DATABASE_URL && SP_RUN_DB_PREFIX) await dropRunDatabases(DATABASE_URL, SP_RUN_DB_PREFIX);
  if (NATS_URL && SP_RUN_NAMESPACE) await deleteRunStreams(NATS_URL, SP_RUN_NAMESPACE);
  await globalThis.__SATUPINTU_INFRA__?.stop();
  const logs = process.env.SP_TEST_LOG_DIR;
  if (logs) rmSync(logs, { recursive: true, force: true });
}
