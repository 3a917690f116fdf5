/**
 * Every message between services is declared once, here: its subject, its payload class
 * (validated on receipt) and, for events, the stream that keeps it. Publishing or handling
 * through these objects ties the payload type to the subject at compile time.
 *
 * Subjects read `<domain>.<entity>.<event>.v<N>`: events in the past tense, requests as verbs.
 * A published contract never changes: add a `v2`, migrate consumers, then remove `v1`.
 */

export type PayloadClass<T> = new () => T;

/** A JetStream stream: it keeps every event whose subject it lists until consumers ack them. */
export type StreamName = 'INTAKE' | 'AGENCY';

export interface EventContract<T> {
  kind: 'event';
  subject: string;
  stream: StreamName;
  payload: PayloadClass<T>;
  /**
   * The last subject token, so consumers filter on the server: events about one agency's
   * work are published on `<subject>.<agencyCode>` and each agency consumes only its own.
   */
  routingKey(payload: T): string;
}

export interface RequestContract<Req, Res> {
  kind: 'request';
  subject: string;
  /** The service that answers, for error messages ("intake is not answering"). */
  service: string;
  payload: PayloadClass<Req>;
  /** Phantom field: carries the reply type; never set at run time. */
  readonly reply?: Res;
}

export function defineEvent<T>(definition: Omit<EventContract<T>, 'kind'>): EventContract<T> {
  return { kind: 'event', ...definition };
}

export function defineRequest<Req, Res>(
  definition: Omit<RequestContract<Req, Res>, 'kind' | 'reply'>,
): RequestContract<Req, Res> {
  return { kind: 'request', ...definition };
}
