import { bool, makeValidator } from 'envalid';
import { DEFAULT_RETRY_POLICY } from './delivery-policy';
import type { WebhookSource } from './webhook-sources';
import type { WebhooksOptions } from './webhooks.module';

/**
 * Scales the whole retry schedule of webhook deliveries (first wait, longest wait, window): 1 in
 * production; tests shrink it so hours of retries take seconds.
 */
const retryScale = (production: boolean) =>
  makeValidator<number>((value) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0 || n > 1) throw new Error('must be a number in (0, 1]');
    if (production && n !== 1) throw new Error('must be 1 in production');
    return n;
  });

const seconds = makeValidator<number>((value) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 30) throw new Error('must be 1 to 30 seconds');
  return n;
});

/** Private and loopback webhook targets: never in production (requests into the mall's network). */
const allowPrivate = (production: boolean) =>
  makeValidator<boolean>((value) => {
    const allowed = bool()._parse(value);
    if (production && allowed) throw new Error('must be false in production');
    return allowed;
  });

/** The variables of a service that delivers webhooks; `whose` names them in `WEBHOOK_DELIVER`. */
export function webhookEnv(production: boolean, whose: string) {
  return {
    WEBHOOK_DELIVER: bool({
      default: true,
      desc: `deliver ${whose} webhooks from this instance (every replica may: they share the work, ADR 0020)`,
    }),
    WEBHOOK_RETRY_SCALE: retryScale(production)({
      default: 1,
      desc: 'scales the webhook retry schedule (5 s doubling to 1 h, for 24 h): 1 in production, where anything else is refused; tests shrink it',
    }),
    WEBHOOK_TIMEOUT_SECONDS: seconds({
      default: 10,
      desc: 'how long a webhook receiver has to answer (1 to 30 s); a replica that dies holds its deliveries six times this long before another takes them',
    }),
    WEBHOOK_ALLOW_PRIVATE_URLS: allowPrivate(production)({
      default: !production,
      desc: 'accept webhook URLs naming a loopback, private or link-local address, and http://: outside production only (refused in production)',
    }),
  };
}

export interface WebhookConfig {
  WEBHOOK_DELIVER: boolean;
  WEBHOOK_RETRY_SCALE: number;
  WEBHOOK_TIMEOUT_SECONDS: number;
  WEBHOOK_ALLOW_PRIVATE_URLS: boolean;
}

/** `WebhooksModule.forRoot`'s options from those variables: the schedule scaled, the lease long. */
export function webhooksOptionsOf(
  config: WebhookConfig,
  secretKey: Buffer,
  events: readonly WebhookSource[] = [],
): WebhooksOptions {
  const scale = config.WEBHOOK_RETRY_SCALE;
  const { backoff, windowMs } = DEFAULT_RETRY_POLICY;
  const timeoutMs = config.WEBHOOK_TIMEOUT_SECONDS * 1000;
  return {
    secretKey,
    allowHttp: config.WEBHOOK_ALLOW_PRIVATE_URLS,
    allowPrivateTargets: config.WEBHOOK_ALLOW_PRIVATE_URLS,
    deliver: config.WEBHOOK_DELIVER,
    events,
    worker: {
      retry: {
        backoff: { baseMs: backoff.baseMs * scale, maxMs: backoff.maxMs * scale },
        windowMs: windowMs * scale,
      },
      timeoutMs,
      // A claim outlives any attempt, so no two replicas send one delivery at once.
      leaseMs: timeoutMs * 6,
    },
  };
}
