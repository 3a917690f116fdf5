import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { dropDatabase, listDatabases } from '@satupintu/persistence';

/** Drops every database of a run (`<prefix>_*`); answers their names. */
export async function dropRunDatabases(databaseUrl: string, prefix: string): Promise<string[]> {
  const names = await listDatabases(databaseUrl, prefix);
  for (const name of names) await dropDatabase(databaseUrl, name);
  return names;
}

/**
 * Deletes every stream of a namespace (`<NAMESPACE>_*`, and its key-value buckets' `KV_<NAMESPACE>_*`),
 * and so its consumers; answers their names.
 */
export function deleteNamespaceStreams(natsUrl: string, namespace: string): Promise<string[]> {
  return deleteStreamsStartingWith(natsUrl, `${namespace}_`);
}

/**
 * Deletes the streams of every namespace a test run used: its own, its workers' and its suites'
 * (`<run namespace>w1`, `<run namespace>-hooks`, …), all of which start with the run's namespace.
 */
export function deleteRunStreams(natsUrl: string, runNamespace: string): Promise<string[]> {
  return deleteStreamsStartingWith(natsUrl, runNamespace);
}

async function deleteStreamsStartingWith(natsUrl: string, start: string): Promise<string[]> {
  const nc = await connect({ servers: natsUrl.split(','), timeout: 5000 });
  try {
    const jsm = await jetstreamManager(nc);
    const prefix = start.toUpperCase();
    const deleted: string[] = [];
    for await (const name of jsm.streams.names()) {
      // Streams, and those behind key-value buckets (KV_) and object stores (OBJ_).
      if (![prefix, `KV_${prefix}`, `OBJ_${prefix}`].some((p) => name.startsWith(p))) continue;
      await jsm.streams.delete(name);
      deleted.push(name);
    }
    return deleted;
  } finally {
    await nc.close();
  }
}
