import { Objm, type ObjectStore } from '@nats-io/obj';
import { StorageType, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { type NatsConnection, connect } from '@nats-io/transport-node';
import { natsConnectionOptions } from '../nats-options';
import { streamName } from '../namespace';

/** One stored object, as a listing sees it. */
export interface StoredObject {
  name: string;
  size: number;
  storedAt: Date;
}

/**
 * Where uploaded documents' bytes live, apart from their metadata (intake's registry). Bytes
 * go in and out as streams: nothing holds a whole document in memory, and nothing puts one in
 * a NATS request (ADR 0014).
 */
export interface DocumentStore {
  /** Stores the stream under `name`; rejects (leaving nothing) if the stream errors. */
  write(name: string, content: ReadableStream<Uint8Array>): Promise<void>;
  /** The object's bytes, or undefined if there is none by that name. */
  read(name: string): Promise<ReadableStream<Uint8Array> | undefined>;
  /** Removes the object; removing one that is not there is not an error. */
  remove(name: string): Promise<void>;
  list(): Promise<StoredObject[]>;
  /**
   * Removes the bytes of writes that never finished (their writer died mid-way), last written
   * before `before`; answers how many such writes it removed.
   */
  removeUnfinished(before: Date): Promise<number>;
}

export interface ObjectStoreOptions {
  natsUrl: string;
  namespace: string;
  /** The connection's name in NATS monitoring. */
  connectionName: string;
  /** How long one chunk's publish or a metadata call may wait for JetStream. */
  timeoutMs?: number;
}

/** The documents bucket's name, `<NAMESPACE>_DOCUMENTS`: apart per deployment and test run. */
export function documentsBucket(namespace: string): string {
  return streamName(namespace, 'DOCUMENTS');
}

/**
 * The JetStream object store behind `DocumentStore`: a bucket of file storage, one replica,
 * no age limit (the sweeper removes what was abandoned; attached documents stay with their
 * application). Objects are written in 128 KiB chunks, each acked by JetStream; a write that
 * fails purges the chunks it had written.
 */
export class JetStreamDocumentStore implements DocumentStore {
  private connection: NatsConnection | undefined;
  private bucket: Promise<ObjectStore> | undefined;
  private closed = false;

  constructor(private readonly options: ObjectStoreOptions) {}

  async write(name: string, content: ReadableStream<Uint8Array>): Promise<void> {
    const store = await this.open();
    await store.put({ name }, content, { timeout: this.options.timeoutMs ?? 5000 });
  }

  async read(name: string): Promise<ReadableStream<Uint8Array> | undefined> {
    const store = await this.open();
    const result = await store.get(name);
    return result?.data ?? undefined;
  }

  async remove(name: string): Promise<void> {
    const store = await this.open();
    if ((await store.info(name)) === null) return;
    await store.delete(name);
  }

  async list(): Promise<StoredObject[]> {
    const store = await this.open();
    const infos = await store.list();
    return infos
      .filter((info) => !info.deleted)
      .map((info) => ({ name: info.name, size: info.size, storedAt: new Date(info.mtime) }));
  }

  async removeUnfinished(before: Date): Promise<number> {
    const store = await this.open();
    const bucket = documentsBucket(this.options.namespace);
    const stream = `OBJ_${bucket}`;
    const chunks = `$O.${bucket}.C.`;
    const jsm = await jetstreamManager(this.connection!);
    const info = await jsm.streams.info(stream, { subjects_filter: `${chunks}>` });
    // Every finished object names its chunks' subject; a subject no object names is a write
    // that died (or one going on now: hence `before`).
    const named = new Set((await store.list()).map((object) => `${chunks}${object.nuid}`));
    let removed = 0;
    for (const subject of Object.keys(info.state.subjects ?? {})) {
      if (named.has(subject)) continue;
      const last = await jsm.streams.getMessage(stream, { last_by_subj: subject });
      if (!last || last.time.getTime() >= before.getTime()) continue;
      await jsm.streams.purge(stream, { filter: subject });
      removed += 1;
    }
    return removed;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.connection?.close().catch(() => undefined);
  }

  private open(): Promise<ObjectStore> {
    if (this.closed) return Promise.reject(new Error('document store closed'));
    if (this.connection?.isClosed()) this.bucket = undefined;
    this.bucket ??= (async () => {
      const nc = await connect(
        natsConnectionOptions(this.options.natsUrl, this.options.connectionName),
      );
      this.connection = nc;
      const objm = new Objm(jetstream(nc, { timeout: this.options.timeoutMs ?? 5000 }));
      return objm.create(documentsBucket(this.options.namespace), {
        storage: StorageType.File,
        replicas: 1,
        description: 'uploaded documents: bytes only, their registry is in intake',
      });
    })();
    // A failed first connection is tried again by the next call, not cached.
    this.bucket.catch(() => (this.bucket = undefined));
    return this.bucket;
  }
}
