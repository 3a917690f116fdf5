import {
  ANONYMOUS,
  SYSTEM,
  decodePrincipal,
  encodePrincipal,
  type Principal,
} from '@satupintu/contracts';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes, randomUUID } from 'node:crypto';

/**
 * What follows one request through every service, beside its payload: who asked (as the
 * gateway verified it), with what intent (the client's Idempotency-Key), and the request id
 * and trace that tie the logs together. Carried in NATS headers on requests and, through the
 * outbox, on the events the request caused.
 */
export interface RequestContext {
  requestId: string;
  /** W3C trace context (`traceparent`), so the same trace id shows in every service's logs. */
  traceparent: string;
  principal: Principal;
  /** The client's `Idempotency-Key` for the creating request this work belongs to. */
  idempotencyKey?: string;
  /**
   * Set where the answer came back as a replay of the first request under the key (ADR 0017),
   * for whoever answers the caller. Never sent on: it describes an answer, not the request.
   */
  replayed?: boolean;
}

export const REQUEST_ID_HEADER = 'x-request-id';
export const TRACEPARENT_HEADER = 'traceparent';
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** Internal only: set by the gateway after authentication, never read from an HTTP request. */
export const PRINCIPAL_HEADER = 'sp-principal';

/** Opaque client keys: a UUID or anything of these characters, quotes around it tolerated. */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

/** The key without the structured-header quotes, or undefined when it is malformed. */
export function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const key = /^"(.*)"$/.exec(header)?.[1] ?? header;
  return IDEMPOTENCY_KEY.test(key) ? key : undefined;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

export function runInContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/**
 * Runs `work` (a request to a neighbour) as this service itself, not as the caller whose request
 * or job led to it: intake and identity answer those requests to the system only. The request id
 * and trace carry on.
 */
export function asThisService<T>(work: () => Promise<T>): Promise<T> {
  const context = currentContext();
  return runInContext(
    {
      requestId: context?.requestId ?? randomUUID(),
      traceparent: context?.traceparent ?? '',
      principal: SYSTEM,
    },
    work,
  );
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** A request id a caller may choose: it is echoed in headers, logs and problem documents. */
export const REQUEST_ID_PATTERN = /^[\w.:-]{1,128}$/;

/** Trace id of a `traceparent` header, or undefined when it is malformed. */
export function traceIdOf(traceparent: string): string | undefined {
  return parseTraceparent(traceparent)?.[1];
}

// W3C trace context: an all-zero trace id or parent id is invalid and must be ignored.
function parseTraceparent(header: string): RegExpExecArray | null {
  const match = TRACEPARENT.exec(header);
  if (!match || /^0+$/.test(match[1]) || /^0+$/.test(match[2])) return null;
  return match;
}

/**
 * Random bytes as hex, cut from a buffer filled 4 KiB at a time (as `randomUUID` caches its own):
 * every request and message mints a span id, and a `randomBytes` call each was a fifth of the
 * public lookup's time under load (ADR 0023). Each byte is handed out once.
 */
const RANDOM_POOL_BYTES = 4096;
let randomPool = Buffer.alloc(0);
let randomOffset = 0;

function randomHex(bytes: number): string {
  if (randomOffset + bytes > randomPool.length) {
    randomPool = randomBytes(RANDOM_POOL_BYTES);
    randomOffset = 0;
  }
  randomOffset += bytes;
  return randomPool.toString('hex', randomOffset - bytes, randomOffset);
}

/**
 * Builds the context for an HTTP request from outside: keeps a well-formed request id and trace,
 * replaces a malformed one, and starts a new span under the same trace. The caller is anonymous
 * until authentication says otherwise; a principal header from outside is never believed.
 */
export function contextFromHeaders(get: (name: string) => string | undefined): RequestContext {
  const incomingId = get(REQUEST_ID_HEADER);
  const incomingTrace = get(TRACEPARENT_HEADER);
  const match = incomingTrace ? parseTraceparent(incomingTrace) : null;
  const traceId = match ? match[1] : randomHex(16);
  const flags = match ? match[3] : '01';
  return {
    requestId: incomingId && REQUEST_ID_PATTERN.test(incomingId) ? incomingId : randomUUID(),
    traceparent: `00-${traceId}-${randomHex(8)}-${flags}`,
    principal: ANONYMOUS,
  };
}

/**
 * Builds the context for a NATS request or event from another service: as for HTTP, plus the
 * principal and the idempotency key it carried. A malformed principal counts as anonymous.
 */
export function contextFromMessage(get: (name: string) => string | undefined): RequestContext {
  const context = contextFromHeaders(get);
  context.principal = decodePrincipal(get(PRINCIPAL_HEADER)) ?? ANONYMOUS;
  const idempotencyKey = parseIdempotencyKey(get(IDEMPOTENCY_KEY_HEADER));
  if (idempotencyKey) context.idempotencyKey = idempotencyKey;
  return context;
}

/** The headers that hand the current context on to the next service (NATS requests, events). */
export function contextHeaders(context = currentContext()): Record<string, string> {
  if (!context) return {};
  return {
    [REQUEST_ID_HEADER]: context.requestId,
    [TRACEPARENT_HEADER]: context.traceparent,
    [PRINCIPAL_HEADER]: encodePrincipal(context.principal),
    ...(context.idempotencyKey ? { [IDEMPOTENCY_KEY_HEADER]: context.idempotencyKey } : {}),
  };
}
