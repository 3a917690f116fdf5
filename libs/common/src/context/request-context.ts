import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes, randomUUID } from 'node:crypto';

/** What follows one request through every service: carried in HTTP and NATS headers. */
export interface RequestContext {
  requestId: string;
  /** W3C trace context (`traceparent`), so the same trace id shows in every service's logs. */
  traceparent: string;
}

export const REQUEST_ID_HEADER = 'x-request-id';
export const TRACEPARENT_HEADER = 'traceparent';

const storage = new AsyncLocalStorage<RequestContext>();

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

export function runInContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
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
 * Builds the context for incoming work from whatever headers arrived: keeps a well-formed
 * request id and trace, replaces a malformed one, and starts a new span under the same trace.
 */
export function contextFromHeaders(get: (name: string) => string | undefined): RequestContext {
  const incomingId = get(REQUEST_ID_HEADER);
  const incomingTrace = get(TRACEPARENT_HEADER);
  const match = incomingTrace ? parseTraceparent(incomingTrace) : null;
  const traceId = match ? match[1] : randomBytes(16).toString('hex');
  const flags = match ? match[3] : '01';
  return {
    requestId: incomingId && REQUEST_ID_PATTERN.test(incomingId) ? incomingId : randomUUID(),
    traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-${flags}`,
  };
}
