/**
 * Every message between services is declared once, here: its subject, its payload class
 * (validated on receipt) and, for events, the stream that keeps it. Publishing or handling
 * through these objects ties the payload type to the subject at compile time.
 *
 * Subjects read `<domain>.<entity>.<event>.v<N>`: events in the past tense, requests as verbs.
 * A published contract never changes: add a `v2`, migrate consumers, then remove `v1`.
 */

export type PayloadClass<T> = new () => T;

/** `<domain>.<entity>.<event|verb>.v<N>`: exactly four tokens, so filters can count on it. */
export const CONTRACT_SUBJECT = /^[a-z][a-z-]*\.[a-z][a-z-]*\.[a-z][a-z-]*\.v[1-9][0-9]*$/;

/**
 * A JetStream stream: it keeps the events declared on it. Events that carry personal data (the
 * once-only profile sync) may only go to a stream whose messages expire.
 */
export interface StreamContract {
  kind: 'stream';
  /** Upper case; the deployed name is `<NAMESPACE>_<name>`. */
  name: string;
  /**
   * The leading tokens every event subject on this stream starts with (`intake`): the stream
   * captures all of them with one wildcard, so one consumer can filter any mix of its event
   * types by routing token. Spaces of different streams must not overlap.
   */
  space: string;
  description: string;
  /** How long a message is kept; undefined keeps it until deleted (no personal data there). */
  maxAgeSeconds?: number;
  personalData: boolean;
  /**
   * Keep only the latest message of each subject (each routing token): a stream of current
   * values (a profile per person), not of history.
   */
  latestPerSubject: boolean;
}

type StreamDefinition = {
  name: string;
  space: string;
  description: string;
  latestPerSubject?: boolean;
} & (
  { personalData?: false; maxAgeSeconds?: number } | { personalData: true; maxAgeSeconds: number }
);

export function defineStream(definition: StreamDefinition): StreamContract {
  if (!/^[A-Z][A-Z0-9]*$/.test(definition.name))
    throw new Error(`stream name must be upper-case letters and digits: ${definition.name}`);
  if (!/^[a-z][a-z-]*(\.[a-z][a-z-]*){0,2}$/.test(definition.space))
    throw new Error(`stream space must be one to three subject tokens: ${definition.space}`);
  if (definition.personalData && !(definition.maxAgeSeconds && definition.maxAgeSeconds > 0))
    throw new Error(`stream ${definition.name} carries personal data: it needs a max age`);
  return { kind: 'stream', personalData: false, latestPerSubject: false, ...definition };
}

export interface EventContract<T> {
  kind: 'event';
  subject: string;
  stream: StreamContract;
  payload: PayloadClass<T>;
  /**
   * The last subject token, so consumers filter on the server: events about one agency's
   * work are published on `<subject>.<agencyCode>` and each agency consumes only its own.
   */
  routingKey(payload: T): string;
  /**
   * What the order of events is kept for (an application id): events with the same key are
   * published and handled in the order they were recorded; a stuck one holds back only its key.
   */
  orderingKey(payload: T): string;
}

/**
 * A request/reply contract. `routed` requests go to one deployment of a service that runs once
 * per routing token (one per agency): the token is the subject's last token and the replicas of
 * that deployment share a queue group of their own.
 */
export interface RequestContract<Req, Res> {
  kind: 'request';
  subject: string;
  /** The service that answers, for error messages ("intake is not answering"). */
  service: string;
  /** What the routing token names, e.g. 'agency'; absent for a service that runs as one. */
  routedBy?: string;
  payload: PayloadClass<Req>;
  /** Phantom field: carries the reply type; never set at run time. */
  readonly reply?: Res;
}

export function defineEvent<T>(definition: Omit<EventContract<T>, 'kind'>): EventContract<T> {
  checkSubject(definition.subject);
  if (!definition.subject.startsWith(`${definition.stream.space}.`))
    throw new Error(
      `event ${definition.subject} is outside the space of stream ${definition.stream.name} (${definition.stream.space}.*)`,
    );
  return { kind: 'event', ...definition };
}

export function defineRequest<Req, Res>(
  definition: Omit<RequestContract<Req, Res>, 'kind' | 'reply'>,
): RequestContract<Req, Res> {
  checkSubject(definition.subject);
  return { kind: 'request', ...definition };
}

function checkSubject(subject: string): void {
  // `<namespace>.events.…` is where events are published: no request may live there.
  if (!CONTRACT_SUBJECT.test(subject) || subject.startsWith('events.'))
    throw new Error(`contract subject must read <domain>.<entity>.<event>.v<N>: ${subject}`);
}
