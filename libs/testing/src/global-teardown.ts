import { rmSync } from 'node:fs';
import { deleteNamespaceStreams, dropRunDatabases } from './cleanup';

/** Leaves nothing behind: this run's databases and streams go, and containers stop. */
export default async function globalTeardown(): Promise<void> {
  const { DATABASE_URL, NATS_URL, DB_PREFIX, SP_NAMESPACE } = process.env;
  if (DATABASE_URL && DB_PREFIX) await dropRunDatabases(DATABASE_URL, DB_PREFIX);
  if (NATS_URL && SP_NAMESPACE) await deleteNamespaceStreams(NATS_URL, SP_NAMESPACE);
  await globalThis.__SATUPINTU_INFRA__?.stop();
  const logs = process.env.SP_TEST_LOG_DIR;
  if (logs) rmSync(logs, { recursive: true, force: true });
}
