import { type BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  RETRY_AFTER_SECONDS,
  currentContext,
  runInContext,
  type RequestContext,
} from '@satupintu/common';
import { ANONYMOUS } from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PassThrough } from 'node:stream';
import { callerOf } from '../rate-limits/fixed-window';
import { LiveOrder } from './live-order';

export interface LiveStreamSettings {
  /** A comment line this often keeps proxies from closing an idle stream. */
  heartbeatMs: number;
  /** Streams one gateway holds open at once: past it, 503. */
  maxStreams: number;
  /** Streams one caller (subject, client, or IP when anonymous) holds open at once: past it, 429. */
  maxStreamsPerCaller: number;
}

export const LIVE_STREAM_SETTINGS = Symbol('LIVE_STREAM_SETTINGS');

/** What the client waits before reconnecting (the `retry:` field); it then sends Last-Event-ID. */
export const RECONNECT_MS = 3000;

/** A client this far behind (its socket not draining) is dropped; it resumes by Last-Event-ID. */
const MAX_BUFFERED_BYTES = 256 * 1024;

/** What a feed's replay answers: the entries after what the stream asked for. */
export interface LiveBatch<E> {
  entries: readonly E[];
  /**
   * Where a client that named no last event starts (the sequence before the first entry), when
   * the feed sends it less than everything; absent: from the first entry there is.
   */
  before?: number;
  /** More entries follow than one answer holds: the stream asks again after the last. */
  more?: boolean;
  /** The stream may run only until then (ISO 8601): a lookup token's expiry. */
  until?: string;
}

/** What one announcement on NATS tells a stream: entries, or only that there are new ones. */
export type LiveAnnouncement<E> = { entries: readonly E[] } | { latest: number };

/**
 * One kind of live stream (ADR 0024): sequenced entries, kept by a service that replays them
 * after a sequence, and announced after commit on core NATS subjects. The stream does the rest:
 * subscribe before replay, each sequence once and in order, gaps filled from the replay.
 */
export interface LiveFeed<E extends { sequence: number }> {
  /** The subjects (without namespace) whose messages announce new entries. */
  readonly subjects: readonly string[];
  /**
   * The entries after `after`; without it, what a client that has nothing starts with. Runs in
   * the request's context; a refusal is thrown, and before anything is written to the client.
   */
  since(after: number | undefined): Promise<LiveBatch<E>>;
  /** What a message on one of the subjects tells; undefined for one that is not understood. */
  announced(message: unknown): LiveAnnouncement<E> | undefined;
  /** The event's name and data as the client receives them. */
  render(entry: E): { event: string; data: unknown };
}

/**
 * The gateway's live streams (ADR 0024): timelines (GET /v1/applications/{trackingNo}/events) and
 * the mall's display feed (GET /v1/floor/display/events). Every open stream, counted against the
 * gateway's and each caller's bound, and ended when the gateway stops.
 */
@Injectable()
export class LiveStreams implements BeforeApplicationShutdown {
  private readonly streams = new Set<LiveStream<{ sequence: number }>>();
  private readonly perCaller = new Map<string, number>();

  constructor(
    private readonly rpc: RpcClient,
    @Inject(LIVE_STREAM_SETTINGS) private readonly settings: LiveStreamSettings,
  ) {}

  get openStreams(): number {
    return this.streams.size;
  }

  /**
   * Asks the feed for the replay (which refuses a caller who may not read it), then streams.
   * Refusals are thrown before anything is written. `after`: the client's Last-Event-ID.
   */
  async open<E extends { sequence: number }>(
    request: FastifyRequest,
    reply: FastifyReply,
    feed: LiveFeed<E>,
    after: number | undefined,
  ): Promise<void> {
    const context = currentContext();
    const caller = callerOf(
      { name: 'live', limit: this.settings.maxStreamsPerCaller, windowSeconds: 1, per: 'caller' },
      context?.principal ?? ANONYMOUS,
      request.ip,
    );
    if (this.streams.size >= this.settings.maxStreams)
      throw new DomainError('live_streams_full', 503, [], {
        retryAfterSeconds: RETRY_AFTER_SECONDS,
      });
    const held = this.perCaller.get(caller) ?? 0;
    if (held >= this.settings.maxStreamsPerCaller)
      throw new DomainError('too_many_live_streams', 429, [], {
        limit: this.settings.maxStreamsPerCaller,
        retryAfterSeconds: RETRY_AFTER_SECONDS,
      });
    this.perCaller.set(caller, held + 1);
    const stream = new LiveStream(this.rpc, context, feed, after, this.settings.heartbeatMs, () => {
      this.streams.delete(stream);
      const left = (this.perCaller.get(caller) ?? 1) - 1;
      if (left > 0) this.perCaller.set(caller, left);
      else this.perCaller.delete(caller);
    });
    this.streams.add(stream);
    await stream.start(reply);
  }

  /** Before the HTTP server closes: it would otherwise wait for every open stream. */
  beforeApplicationShutdown(): void {
    for (const stream of [...this.streams]) stream.close();
  }
}

/**
 * One client's stream: subscribed to the feed's announcements before asking for what the client
 * missed, so nothing committed in between is lost; every entry sent once, in order.
 */
class LiveStream<E extends { sequence: number }> {
  private readonly body = new PassThrough();
  private readonly order: LiveOrder;
  /** Live announcements wait here until the replay is sent, then go one at a time. */
  private queue: Promise<void>;
  private replayed: () => void = () => undefined;
  private unsubscribe: Array<() => void> = [];
  private heartbeat?: NodeJS.Timeout;
  private expiry?: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly rpc: RpcClient,
    private readonly context: RequestContext | undefined,
    private readonly feed: LiveFeed<E>,
    after: number | undefined,
    private readonly heartbeatMs: number,
    private readonly onClose: () => void,
  ) {
    this.order = new LiveOrder(after ?? -1);
    this.queue = new Promise((resolve) => (this.replayed = resolve));
  }

  async start(reply: FastifyReply): Promise<void> {
    let first: LiveBatch<E>;
    try {
      for (const subject of this.feed.subjects)
        this.unsubscribe.push(
          await this.rpc.listen(subject, (data) => this.enqueue(() => this.announced(data))),
        );
      first = await this.since();
    } catch (error) {
      this.close();
      throw error;
    }
    if (first.before !== undefined && this.order.lastSent < 0) this.order.startAfter(first.before);
    reply.raw.on('close', () => this.close());
    this.body.on('error', () => this.close());
    void reply
      .headers({
        'content-type': 'text/event-stream; charset=utf-8',
        'x-accel-buffering': 'no',
      })
      .send(this.body);
    this.write(`retry: ${RECONNECT_MS}\n\n`);
    // The replay's first page is written before this returns; announcements wait for its last.
    void this.catchUp(first).then(
      () => this.replayed(),
      () => this.close(),
    );
    this.heartbeat = setInterval(() => this.write(': heartbeat\n\n'), this.heartbeatMs);
    // A lookup token allows the stream only until it expires; the client asks the lookup again.
    if (first.until) {
      const left = Date.parse(first.until) - Date.now();
      this.expiry = setTimeout(() => this.close(), Math.max(0, Math.min(left, 2 ** 31 - 1)));
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    clearTimeout(this.expiry);
    for (const unsubscribe of this.unsubscribe) unsubscribe();
    this.replayed();
    this.body.end();
    this.onClose();
  }

  private enqueue(work: () => Promise<void>): void {
    this.queue = this.queue
      .then(() => (this.closed ? undefined : work()))
      .catch(() => this.close());
  }

  private async announced(data: Uint8Array): Promise<void> {
    let message: unknown;
    try {
      message = JSON.parse(Buffer.from(data).toString('utf8'));
    } catch {
      return;
    }
    const announcement = this.feed.announced(message);
    if (!announcement) return;
    if ('entries' in announcement) {
      if (!this.send(announcement.entries)) return;
    } else if (announcement.latest <= this.order.lastSent) return;
    // Something before these entries never reached this stream: the feed has it by now.
    await this.catchUp(await this.since());
  }

  /** Sends a replay, and asks for its next pages while there are more. */
  private async catchUp(batch: LiveBatch<E>): Promise<void> {
    this.send(batch.entries);
    while (batch.more && !this.closed) {
      batch = await this.since();
      this.send(batch.entries);
    }
  }

  /** Writes what follows the last sent entry; true if a gap held some back. */
  private send(entries: readonly E[]): boolean {
    const { send, gap } = this.order.take(entries);
    for (const entry of send) {
      const { event, data } = this.feed.render(entry);
      this.write(`id: ${entry.sequence}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    }
    return gap;
  }

  private since(): Promise<LiveBatch<E>> {
    const last = this.order.lastSent;
    const ask = () => this.feed.since(last >= 0 ? last : undefined);
    return this.context ? runInContext(this.context, ask) : ask();
  }

  private write(text: string): void {
    if (this.closed || this.body.destroyed) return;
    this.body.write(text);
    if (this.body.writableLength > MAX_BUFFERED_BYTES) this.close();
  }
}
