import { Inject, Injectable, Optional, type OnApplicationShutdown } from '@nestjs/common';
import { JetStreamApiCodes, JetStreamApiError, jetstream } from '@nats-io/jetstream';
import { type KV, Kvm } from '@nats-io/kv';
import { type NatsConnection, connect } from '@nats-io/transport-node';
import { LOGGER, createLogger, type AppLogger } from '@satupintu/common';
import { natsConnectionOptions, streamName } from '@satupintu/messaging';

const SILENT = createLogger('gateway', 'silent');

export const RATE_LIMIT_STORE_OPTIONS = Symbol('RATE_LIMIT_STORE_OPTIONS');

export interface RateLimitStoreOptions {
  natsUrl: string;
  namespace: string;
  /** The longest window: a counter is kept twice that long, then NATS drops it. */
  windowSeconds: number;
}

/** How long one counter operation may wait for NATS before the replica counts alone. */
export const KV_TIMEOUT_MS = 500;
/** Compare-and-set attempts before a contended counter is counted locally for this request. */
const MAX_ATTEMPTS = 8;
/**
 * A caller this many requests or more short of its limit is answered at once from this
 * replica's estimate, its request counted by the next shared write: being exact there would
 * make every request wait for NATS. Closer to the limit, each request waits for its write.
 */
export const BACKGROUND_MARGIN = 100;
/** How long requests counted in the background gather before their shared write. */
export const BACKGROUND_WRITE_DELAY_MS = 50;

/**
 * Counters the gateway's replicas share, in a NATS key-value bucket (`<NAMESPACE>_RATE_LIMITS`):
 * one key per caller and window, incremented by compare-and-set on the key's revision (create
 * when absent, update only from the revision read), so two replicas never both count from the
 * same value. When NATS cannot be reached the replica counts in its own memory: limits then
 * hold per replica, not across them (fail open per replica, ADR 0012), and the API stays up.
 */
@Injectable()
export class RateLimitCounters implements OnApplicationShutdown {
  private connection: NatsConnection | undefined;
  private bucket: Promise<KV> | undefined;
  private readonly local = new Map<string, { count: number; expiresAt: number }>();
  /** Per key: the requests waiting for the write in flight to end, to be counted by the next. */
  private readonly waiting = new Map<string, Waiter[]>();
  /** Per key: the shared count after this replica's last write, and its requests not in it yet. */
  private readonly seen = new Map<
    string,
    { shared: number; unwritten: number; expiresAt: number }
  >();
  private degraded = false;
  private closed = false;
  /** While the connection is down, counting waits for nothing: the replica counts alone at once. */
  private connected = false;

  constructor(
    @Inject(RATE_LIMIT_STORE_OPTIONS) private readonly options: RateLimitStoreOptions,
    // Absent only where the gateway is built for its OpenAPI document, never run.
    @Optional() @Inject(LOGGER) private readonly logger: AppLogger = SILENT,
  ) {}

  /**
   * This request's count in its window, counting it: shared when NATS answers, local if not.
   * Concurrent requests of one caller on this replica are counted together, by one
   * compare-and-set of `+n`, so a busy caller costs one write at a time, not a storm of retries.
   * Far from its `limit` (BACKGROUND_MARGIN), the count is this replica's estimate (the shared
   * count it last saw plus its own requests since), answered at once while the write goes on.
   */
  increment(key: string, limit: number): Promise<number> {
    const seen = this.seenOf(key);
    seen.unwritten += 1;
    const estimate = seen.shared + seen.unwritten;
    return new Promise<number>((resolve) => {
      const background = limit - estimate >= BACKGROUND_MARGIN;
      if (background) resolve(estimate);
      const waiter: Waiter = background
        ? { settle: () => undefined }
        : { settle: resolve, waits: true };
      const waiting = this.waiting.get(key);
      if (waiting) {
        waiting.push(waiter);
        return;
      }
      this.waiting.set(key, [waiter]);
      void this.flush(key);
    });
  }

  private seenOf(key: string): { shared: number; unwritten: number; expiresAt: number } {
    const now = Date.now();
    if (this.seen.size > 100_000) {
      for (const [k, v] of this.seen)
        if (v.expiresAt <= now && v.unwritten === 0) this.seen.delete(k);
    }
    let seen = this.seen.get(key);
    if (!seen) {
      seen = { shared: 0, unwritten: 0, expiresAt: now + this.options.windowSeconds * 2 * 1000 };
      this.seen.set(key, seen);
    }
    return seen;
  }

  private async flush(key: string): Promise<void> {
    for (;;) {
      // Nobody waits for this write: let more of the caller's requests join it first.
      if (!(this.waiting.get(key) ?? []).some((waiter) => waiter.waits))
        await new Promise((resolve) => setTimeout(resolve, BACKGROUND_WRITE_DELAY_MS));
      const batch = this.waiting.get(key) ?? [];
      if (batch.length === 0) {
        this.waiting.delete(key);
        return;
      }
      // Requests arriving from now on wait for the next write.
      this.waiting.set(key, []);
      const total = await this.add(key, batch.length);
      const seen = this.seenOf(key);
      seen.shared = Math.max(seen.shared, total);
      seen.unwritten -= batch.length;
      batch.forEach((waiter, i) => waiter.settle(total - batch.length + 1 + i));
    }
  }

  private async add(key: string, n: number): Promise<number> {
    try {
      const count = await this.addShared(key, n);
      if (this.degraded) {
        this.degraded = false;
        this.logger.info('rate limits are shared across gateway replicas again');
      }
      return count;
    } catch (error) {
      if (!this.degraded) {
        this.degraded = true;
        this.logger.warn(
          { err: error },
          'rate-limit counters unreachable in NATS: counting per replica until they are back',
        );
      }
      return this.addLocal(key, n);
    }
  }

  private async addShared(key: string, n: number): Promise<number> {
    if (this.connection && !this.connected) throw new Error('NATS connection is down');
    const kv = await this.open();
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const entry = await kv.get(key);
      try {
        if (!entry || entry.operation !== 'PUT') {
          await kv.create(key, String(n));
          return n;
        }
        const count = Number(entry.string()) + n;
        await kv.update(key, String(count), entry.revision, KV_TIMEOUT_MS);
        return count;
      } catch (error) {
        // Another replica wrote first (wrong last sequence): read again and retry.
        if (!lostTheRace(error)) throw error;
      }
    }
    throw new Error(`rate-limit counter ${key} too contended`);
  }

  private open(): Promise<KV> {
    if (this.closed) return Promise.reject(new Error('closed'));
    if (this.connection?.isClosed()) this.bucket = undefined;
    this.bucket ??= (async () => {
      const nc = await connect({
        ...natsConnectionOptions(this.options.natsUrl, 'gateway-rate-limits'),
        timeout: KV_TIMEOUT_MS * 4,
      });
      this.connection = nc;
      this.connected = true;
      void (async () => {
        for await (const status of nc.status()) {
          if (status.type === 'disconnect') this.connected = false;
          else if (status.type === 'reconnect') this.connected = true;
        }
      })();
      const kvm = new Kvm(jetstream(nc, { timeout: KV_TIMEOUT_MS }));
      return kvm.create(streamName(this.options.namespace, 'RATE_LIMITS'), {
        history: 1,
        ttl: this.options.windowSeconds * 2 * 1000,
        description: 'gateway rate-limit counters: one per caller and fixed window',
      });
    })();
    // A failed first connection is tried again by the next request, not cached.
    this.bucket.catch(() => (this.bucket = undefined));
    return this.bucket;
  }

  private addLocal(key: string, n: number): number {
    const now = Date.now();
    if (this.local.size > 100_000) {
      for (const [k, v] of this.local) if (v.expiresAt <= now) this.local.delete(k);
    }
    const current = this.local.get(key);
    const count = (current && current.expiresAt > now ? current.count : 0) + n;
    this.local.set(key, { count, expiresAt: now + this.options.windowSeconds * 1000 });
    return count;
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await this.connection?.close().catch(() => undefined);
  }
}

/** A request counted by the next write: answered by it, or already answered from the estimate. */
interface Waiter {
  settle: (count: number) => void;
  waits?: true;
}

function lostTheRace(error: unknown): boolean {
  return (
    error instanceof JetStreamApiError &&
    (error.code === JetStreamApiCodes.StreamWrongLastSequence ||
      error.code === JetStreamApiCodes.StreamWrongLastSequenceUnknown)
  );
}
