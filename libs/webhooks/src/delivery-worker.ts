import type { AppLogger } from '@satupintu/common';
import type { Executor } from '@satupintu/persistence';
import { randomUUID } from 'node:crypto';
import { lookup } from 'node:dns';
import { setMaxListeners } from 'node:events';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Webhook } from 'standardwebhooks';
import {
  DEFAULT_RETRY_POLICY,
  nextStep,
  worthLogging,
  type AttemptResult,
  type RetryPolicy,
} from './delivery-policy';
import {
  claimDeliveries,
  recordAttempts,
  type AttemptRecord,
  type ClaimedDelivery,
} from './deliveries.repository';
import { signedHeaders, webhookBody } from './signing';
import { isPrivateHost, openSecret } from './subscriptions';
import type { WebhookMetrics } from './webhook-metrics';

export interface DeliveryWorkerOptions {
  /** The key subscriptions' secrets are sealed with (`SubscriptionKeeping.secretKey`). */
  secretKey: Buffer;
  retry: RetryPolicy;
  /** An attempt that has no answer after this long fails. */
  timeoutMs: number;
  /**
   * How long a claim holds a delivery from other workers. Longer than `timeoutMs` (checked), so
   * a delivery is never sent by two workers at once; after it, a dead worker's deliveries are
   * taken over.
   */
  leaseMs: number;
  /** Deliveries claimed by one statement and sent side by side (each of another key). */
  batchSize: number;
  /** Batches in flight at once in this worker. */
  concurrency: number;
  /** How often to look for due deliveries; an enqueue in this process kicks it sooner. */
  pollMs: number;
  /** Send to names that resolve to private addresses too (development); else `sendToPublicOnly`. */
  allowPrivateTargets?: boolean;
  /** How deliveries go on the wire and are acknowledged; absent: Standard Webhooks. */
  protocol?: DeliveryProtocol;
}

/** What a receiver answered: its status, and the start of its body (up to 64 KiB). */
export interface SendAnswer {
  status: number;
  body: string;
}

/** A delivery as a protocol sees it: what to send, and to which subscription URL. */
export interface OutgoingDelivery {
  url: string;
  webhookId: string;
  eventType: string;
  payload: unknown;
  occurredAt: Date;
}

/**
 * Another protocol than Standard Webhooks over the same outbox, order and retries (ADR 0031: the
 * OSS RBA PIA). `request` makes the HTTP request of a delivery (POST); `answer` reads what came
 * back: whether a 2xx acknowledges it (a protocol whose receiver says "no" in a 200's body), and
 * what of it to keep in the attempt log. Pure and quick: called once per attempt.
 */
export interface DeliveryProtocol {
  request(delivery: OutgoingDelivery): {
    url: string;
    headers: Record<string, string>;
    body: string;
  };
  answer(delivery: OutgoingDelivery, answer: SendAnswer): { acknowledged: boolean; kept?: string };
}

export const DEFAULT_DELIVERY_WORKER_OPTIONS: Omit<DeliveryWorkerOptions, 'secretKey'> = {
  retry: DEFAULT_RETRY_POLICY,
  timeoutMs: 10_000,
  leaseMs: 60_000,
  batchSize: 200,
  concurrency: 4,
  pollMs: 1000,
};

/** Sends `body` with `headers` to `url`, POST, and answers what came of it. */
export type Send = (
  url: string,
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal,
) => Promise<SendAnswer>;

/**
 * `node:http`/`node:https` over keep-alive agents (one socket per request in flight, reused
 * after): never follows a redirect (a 3xx is a failure, as Standard Webhooks asks). The answer's
 * body is read (its start kept, for a protocol that reads it), so its connection can be reused;
 * one that goes on too long is cut instead. Not `fetch`: its web streams and per-request signals cost the sender over twice the
 * CPU per delivery (bench/README.md).
 */
export const sendOverHttp: Send = (url, headers, body, signal) =>
  send(url, headers, body, signal, { http: HTTP_AGENT, https: HTTPS_AGENT });

/**
 * `sendOverHttp`, but a host name that resolves to a loopback, private or link-local address
 * (`isPrivateHost`) is refused at connect time: what the URL check at subscription cannot see
 * (a public name pointing inward, or made to later). For production (SSRF).
 */
export const sendToPublicOnly: Send = (url, headers, body, signal) => {
  // An address in the URL is never looked up: checked here (it was when subscribed, under
  // whatever the configuration was then).
  const host = new URL(url).hostname;
  if (isPrivateHost(host)) {
    return Promise.reject(new Error(`${host} is not a public address: refused (SSRF)`));
  }
  return send(url, headers, body, signal, { http: PUBLIC_HTTP_AGENT, https: PUBLIC_HTTPS_AGENT });
};

const send = (
  url: string,
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal,
  agents: { http: HttpAgent; https: HttpsAgent },
): Promise<SendAnswer> =>
  new Promise((resolve, reject) => {
    // Aborted: the signal's reason (a timeout, the worker stopping), as `fetch` gives it.
    const fail = (error: Error) => reject(signal.aborted ? (signal.reason as Error) : error);
    const target = new URL(url);
    const https = target.protocol === 'https:';
    const request = (https ? httpsRequest : httpRequest)(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        agent: https ? agents.https : agents.http,
        signal,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let read = 0;
        const answered = () =>
          resolve({ status, body: Buffer.concat(chunks).toString('utf8', 0, MAX_ANSWER_BYTES) });
        response.on('data', (chunk: Buffer) => {
          read += chunk.byteLength;
          if (read - chunk.byteLength < MAX_ANSWER_BYTES) chunks.push(chunk);
          if (read <= MAX_ANSWER_BYTES) return;
          answered();
          // The rest is not worth waiting for: the connection goes with it.
          request.destroy();
        });
        response.on('end', answered);
        response.on('error', reject);
        response.on('close', () => {
          if (!response.complete)
            reject(new Error('the connection closed before the answer ended'));
        });
      },
    );
    request.on('error', fail);
    request.end(body);
  });

const HTTP_AGENT = new HttpAgent({ keepAlive: true });
const HTTPS_AGENT = new HttpsAgent({ keepAlive: true });

/** `dns.lookup`, failing when any address it answers is not public. */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, options, (error, address, family) => {
    if (error) return callback(error, address, family);
    const addresses = Array.isArray(address) ? address.map((a) => a.address) : [address];
    const inward = addresses.find((a) => isPrivateHost(a));
    if (inward === undefined) return callback(null, address, family);
    const refused: NodeJS.ErrnoException = new Error(
      `${hostname} resolves to ${inward}, not a public address: refused (SSRF)`,
    );
    refused.code = 'EPRIVATETARGET';
    callback(refused, address, family);
  });
};

const PUBLIC_HTTP_AGENT = new HttpAgent({ keepAlive: true, lookup: publicOnlyLookup });
const PUBLIC_HTTPS_AGENT = new HttpsAgent({ keepAlive: true, lookup: publicOnlyLookup });

const MAX_ERROR_LENGTH = 500;
/** More than this of an answer's body is not worth waiting for. */
const MAX_ANSWER_BYTES = 64 * 1024;
const USER_AGENT = 'SatuPintu-Webhooks/1';

/**
 * Delivers due webhooks (ADR 0020): claims a batch (one statement, `FOR UPDATE SKIP LOCKED`,
 * the head of each application's queue only), signs and sends them side by side, and settles
 * the batch in one statement. Plain: give it an executor on the service's database; the Nest
 * service `WebhookDeliveryService` runs one per instance.
 */
export class DeliveryWorker {
  private readonly loops = new Set<Promise<void>>();
  private readonly stopping = new AbortController();
  private readonly signers = new Map<string, { sealed: Buffer; signer: Webhook }>();
  private phase: 'idle' | 'running' | 'stopped' = 'idle';
  private timer?: NodeJS.Timeout;
  private failing = false;

  constructor(
    private readonly db: Executor,
    private readonly options: DeliveryWorkerOptions,
    private readonly observers: {
      logger?: AppLogger;
      metrics?: WebhookMetrics;
      send?: Send;
      random?: () => number;
    } = {},
  ) {
    if (!(options.leaseMs > options.timeoutMs + 1000)) {
      throw new Error(
        'webhook delivery: the lease must be longer than the timeout (by 1 s at least)',
      );
    }
  }

  start(): void {
    if (this.phase !== 'idle') return;
    this.phase = 'running';
    this.timer = setInterval(() => this.kick(), this.options.pollMs);
    this.timer.unref();
    this.kick();
  }

  /**
   * Stops claiming and waits for the batches in flight, up to `graceMs`; then aborts their
   * requests, which are recorded as failed attempts and retried. If even that does not happen
   * (the process is killed), their leases expire and another worker sends them again.
   */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.phase === 'stopped') return;
    this.phase = 'stopped';
    clearInterval(this.timer);
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([this.drained(), grace]);
    clearTimeout(timer);
    this.stopping.abort(new Error('the webhook worker is stopping'));
    await this.drained();
  }

  /** Look for due deliveries now, unless `concurrency` batches are in flight already. */
  kick(): void {
    if (this.phase !== 'running' || this.loops.size >= this.options.concurrency) return;
    const loop: Promise<void> = this.work().finally(() => this.loops.delete(loop));
    this.loops.add(loop);
  }

  private async drained(): Promise<void> {
    while (this.loops.size > 0) await Promise.all(this.loops);
  }

  private async work(): Promise<void> {
    try {
      while (this.phase === 'running' && (await this.deliverBatch()) > 0) {
        // a batch went: there may be more
      }
      if (this.failing) this.observers.logger?.info('webhook worker delivering again');
      this.failing = false;
    } catch (error) {
      // The poll tries again. Log once per outage (of the database), not once per poll.
      if (!this.failing) {
        this.observers.logger?.warn(
          { err: error },
          'webhook worker cannot claim deliveries; will retry',
        );
      }
      this.failing = true;
    }
  }

  /** Claims, sends and settles one batch; answers how many deliveries it claimed. */
  async deliverBatch(): Promise<number> {
    const claim = randomUUID();
    const claimed = await claimDeliveries(
      this.db,
      claim,
      this.options.batchSize,
      this.options.leaseMs,
    );
    if (claimed.length === 0) return 0;
    // A full batch: there is likely more; let another loop claim it meanwhile.
    if (claimed.length === this.options.batchSize) this.kick();
    // The batch's attempts start together: one timeout serves them all.
    const signal = AbortSignal.any([
      AbortSignal.timeout(this.options.timeoutMs),
      this.stopping.signal,
    ]);
    setMaxListeners(claimed.length + 10, signal);
    const records = await Promise.all(claimed.map((delivery) => this.attempt(delivery, signal)));
    await recordAttempts(this.db, claim, records);
    for (const [index, record] of records.entries()) this.report(claimed[index], record);
    return claimed.length;
  }

  private async attempt(delivery: ClaimedDelivery, signal: AbortSignal): Promise<AttemptRecord> {
    const started = performance.now();
    let kept: string | undefined;
    const result = await this.send(delivery, signal).then(
      (answer): AttemptResult => {
        const durationMs = performance.now() - started;
        const protocol = this.options.protocol;
        if (!protocol) return { kind: 'answered', status: answer.status, durationMs };
        const read = protocol.answer(outgoing(delivery), answer);
        kept = read.kept?.slice(0, MAX_ERROR_LENGTH);
        return {
          kind: 'answered',
          status: answer.status,
          durationMs,
          acknowledged: read.acknowledged,
        };
      },
      (error: unknown): AttemptResult => ({
        kind: 'failed',
        error: describe(error),
        durationMs: performance.now() - started,
      }),
    );
    const next = nextStep(
      result,
      delivery.attempts,
      delivery.since_first_ms + result.durationMs,
      this.options.retry,
      this.observers.random,
    );
    return {
      id: delivery.id,
      outcome: next.kind,
      ...(next.kind === 'retry' ? { retryInMs: next.inMs } : {}),
      ...(result.kind === 'answered' ? { httpStatus: result.status } : { error: result.error }),
      ...(kept !== undefined ? { answer: kept } : {}),
      durationMs: result.durationMs,
    };
  }

  private async send(delivery: ClaimedDelivery, signal: AbortSignal): Promise<SendAnswer> {
    const sender =
      this.observers.send ?? (this.options.allowPrivateTargets ? sendOverHttp : sendToPublicOnly);
    if (this.options.protocol) {
      const request = this.options.protocol.request(outgoing(delivery));
      return sender(request.url, request.headers, request.body, signal);
    }
    const body = webhookBody({
      type: delivery.event_type,
      occurredAt: delivery.occurred_at,
      data: delivery.payload,
    });
    const headers = {
      'content-type': 'application/json',
      'user-agent': USER_AGENT,
      ...signedHeaders(this.signersOf(delivery), delivery.webhook_id, body, new Date()),
    };
    return sender(delivery.url, headers, body, signal);
  }

  /** The subscription's signers: its secret, and while a rotation overlaps, the one it replaced. */
  private signersOf(delivery: ClaimedDelivery): Webhook[] {
    const signers = [this.signer(delivery.subscription_id, delivery.secret_sealed)];
    if (delivery.previous_secret_sealed) {
      signers.push(
        this.signer(`${delivery.subscription_id} previous`, delivery.previous_secret_sealed),
      );
    }
    return signers;
  }

  /** A secret is opened once per worker, and again only once it is rotated (sealed anew). */
  private signer(key: string, sealed: Buffer): Webhook {
    const cached = this.signers.get(key);
    if (cached?.sealed.equals(sealed)) return cached.signer;
    if (this.signers.size >= 10_000) this.signers.clear();
    const subscriptionId = key.split(' ')[0];
    const signer = new Webhook(openSecret(sealed, this.options.secretKey, subscriptionId));
    this.signers.set(key, { sealed, signer });
    return signer;
  }

  private report(delivery: ClaimedDelivery, record: AttemptRecord): void {
    const outcome = record.outcome === 'retry' ? 'retried' : record.outcome;
    this.observers.metrics?.attempted(outcome, record.durationMs / 1000);
    const logger = this.observers.logger;
    if (!logger || outcome === 'delivered') return;
    const fields = {
      deliveryId: delivery.id,
      webhookId: delivery.webhook_id,
      subscriptionId: delivery.subscription_id,
      eventType: delivery.event_type,
      attempt: delivery.attempts,
      httpStatus: record.httpStatus,
      error: record.error,
    };
    if (outcome === 'dead') {
      logger.error(fields, 'webhook delivery failed until the end of its retry window; it is dead');
    } else if (worthLogging(delivery.attempts)) {
      logger.warn(
        { ...fields, retryInMs: record.retryInMs },
        'webhook delivery failed; will retry',
      );
    }
  }
}

function outgoing(delivery: ClaimedDelivery): OutgoingDelivery {
  return {
    url: delivery.url,
    webhookId: delivery.webhook_id,
    eventType: delivery.event_type,
    payload: delivery.payload,
    occurredAt: delivery.occurred_at,
  };
}

/** What is kept of a failed attempt: the error and its cause (an abort puts the reason there). */
function describe(error: unknown): string {
  const text = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));
  const cause =
    error instanceof Error && error.cause !== undefined ? ` (${text(error.cause)})` : '';
  return `${text(error)}${cause}`.slice(0, MAX_ERROR_LENGTH);
}
