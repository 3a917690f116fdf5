import { type BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  RETRY_AFTER_SECONDS,
  currentContext,
  runInContext,
  type RequestContext,
} from '@satupintu/common';
import {
  ANONYMOUS,
  GetTimelineSince,
  publicTimelineEntry,
  timelineLiveSubject,
  type TimelineEntryV1,
  type TimelineLiveV1,
  type TimelineSinceV1,
} from '@satupintu/contracts';
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

export interface LiveTarget {
  trackingNo: string;
  /** The client's Last-Event-ID: the last sequence it has. */
  after?: number;
  lookupToken?: string;
}

/**
 * The gateway's live timelines (GET /v1/applications/{trackingNo}/events, ADR 0024): every open
 * stream, counted against the gateway's and each caller's bound, and ended when the gateway stops.
 */
@Injectable()
export class LiveStreams implements BeforeApplicationShutdown {
  private readonly streams = new Set<LiveStream>();
  private readonly perCaller = new Map<string, number>();

  constructor(
    private readonly rpc: RpcClient,
    @Inject(LIVE_STREAM_SETTINGS) private readonly settings: LiveStreamSettings,
  ) {}

  get openStreams(): number {
    return this.streams.size;
  }

  /**
   * Checks the caller may read the case (tracking answers the replay, or refuses it as for an
   * unknown number), then streams. Refusals are thrown before anything is written.
   */
  async open(request: FastifyRequest, reply: FastifyReply, target: LiveTarget): Promise<void> {
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
    const stream = new LiveStream(this.rpc, context, target, this.settings.heartbeatMs, () => {
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
 * One client's stream: subscribed to the case's announcements before asking tracking for what
 * the client missed, so nothing committed in between is lost; every entry sent once, in order.
 */
class LiveStream {
  private readonly body = new PassThrough();
  private readonly order: LiveOrder;
  private publicOnly = false;
  /** Live announcements wait here until the replay is sent, then go one at a time. */
  private queue: Promise<void>;
  private replayed: () => void = () => undefined;
  private unsubscribe: () => void = () => undefined;
  private heartbeat?: NodeJS.Timeout;
  private expiry?: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly rpc: RpcClient,
    private readonly context: RequestContext | undefined,
    private readonly target: LiveTarget,
    private readonly heartbeatMs: number,
    private readonly onClose: () => void,
  ) {
    this.order = new LiveOrder(target.after ?? -1);
    this.queue = new Promise((resolve) => (this.replayed = resolve));
  }

  async start(reply: FastifyReply): Promise<void> {
    let first: TimelineSinceV1;
    try {
      this.unsubscribe = await this.rpc.listen(
        timelineLiveSubject(this.target.trackingNo),
        (data) => this.enqueue(() => this.announced(data)),
      );
      first = await this.since();
    } catch (error) {
      this.close();
      throw error;
    }
    this.publicOnly = first.publicOnly;
    reply.raw.on('close', () => this.close());
    this.body.on('error', () => this.close());
    void reply
      .headers({
        'content-type': 'text/event-stream; charset=utf-8',
        'x-accel-buffering': 'no',
      })
      .send(this.body);
    this.write(`retry: ${RECONNECT_MS}\n\n`);
    this.send(first.entries);
    this.replayed();
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
    this.unsubscribe();
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
    let message: TimelineLiveV1;
    try {
      message = JSON.parse(Buffer.from(data).toString('utf8')) as TimelineLiveV1;
    } catch {
      return;
    }
    if (!this.send(message.entries ?? [])) return;
    // Something before these entries never reached this stream: tracking has it by now.
    this.send((await this.since()).entries);
  }

  /** Writes what follows the last sent entry; true if a gap held some back. */
  private send(entries: readonly TimelineEntryV1[]): boolean {
    const { send, gap } = this.order.take(entries);
    for (const entry of send) {
      const shown = this.publicOnly ? publicTimelineEntry(entry) : entry;
      this.write(`id: ${entry.sequence}\nevent: status\ndata: ${JSON.stringify(shown)}\n\n`);
    }
    return gap;
  }

  private since(): Promise<TimelineSinceV1> {
    const last = this.order.lastSent;
    const ask = () =>
      this.rpc.request(GetTimelineSince, {
        trackingNo: this.target.trackingNo,
        ...(last >= 0 ? { after: last } : {}),
        ...(this.target.lookupToken ? { lookupToken: this.target.lookupToken } : {}),
      });
    return this.context ? runInContext(this.context, ask) : ask();
  }

  private write(text: string): void {
    if (this.closed || this.body.destroyed) return;
    this.body.write(text);
    if (this.body.writableLength > MAX_BUFFERED_BYTES) this.close();
  }
}
