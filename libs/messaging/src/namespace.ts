/**
 * Every subject and stream is prefixed with the deployment's namespace (SP_NAMESPACE), so two
 * deployments, or two test runs, on one NATS server never see each other's messages.
 */
export function namespacedSubject(namespace: string, subject: string): string {
  return `${namespace}.${subject}`;
}

export function streamName(namespace: string, stream: string): string {
  return `${namespace}_${stream}`.toUpperCase().replace(/[^A-Z0-9_-]/g, '_');
}

/**
 * Where an event is published: `<namespace>.events.<subject>.<routing token>`. The `events`
 * token keeps event subjects apart from request subjects, so a stream's wildcard can never
 * capture a request (JetStream would answer it with a publish ack).
 */
export function eventSubject(namespace: string, subject: string, routingToken: string): string {
  return `${namespace}.events.${subject}.${routingToken}`;
}

/** What a stream captures: every event in its space, whatever the type and routing token. */
export function streamSubject(namespace: string, space: string): string {
  return `${namespace}.events.${space}.>`;
}

/**
 * A consumer's filter: the whole stream, or one routing token of it. Every event subject has
 * four tokens, so the token's position is known; one filter serves every event type (NATS 2.9
 * takes one filter per consumer, and it must lie within one stream subject).
 */
export function consumerFilter(namespace: string, space: string, routingToken?: string): string {
  if (!routingToken) return streamSubject(namespace, space);
  const wildcards = 4 - space.split('.').length;
  return `${namespace}.events.${space}.${'*.'.repeat(wildcards)}${routingToken}`;
}
