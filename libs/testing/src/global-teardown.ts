import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { dropDatabase, listDatabases } from '@satupintu/persistence';

/** Leaves nothing behind: this run's databases and streams go, and containers stop. */
export default async function globalTeardown(): Promise<void> {
  const { DATABASE_URL, NATS_URL, DB_PREFIX, SP_NAMESPACE } = process.env;
  if (DATABASE_URL && DB_PREFIX) {
    for (const database of await listDatabases(DATABASE_URL, DB_PREFIX))
      await dropDatabase(DATABASE_URL, database);
  }
  if (NATS_URL && SP_NAMESPACE) {
    const nc = await connect({ servers: NATS_URL.split(',') });
    const jsm = await jetstreamManager(nc);
    const prefix = `${SP_NAMESPACE}_`.toUpperCase();
    for await (const name of jsm.streams.names()) {
      if (name.startsWith(prefix)) await jsm.streams.delete(name);
    }
    await nc.close();
  }
  await globalThis.__SATUPINTU_INFRA__?.stop();
}
