/** What a service depends on to answer at all. */
export type Dependency = 'database' | 'messaging';

/**
 * How long a caller is told to wait (Retry-After) with a 503: a dependency away or a service
 * restarting usually answers again within seconds.
 */
export const RETRY_AFTER_SECONDS = 5;

// PostgreSQL SQLSTATEs that mean "the server is not there for you now", not "your query is wrong":
// class 08 (connection exception), 57P01–57P03 (shutting down, crashed, starting), 53300 (full).
const PG_UNAVAILABLE = /^(08...|57P0[123]|53300)$/;
const NODE_UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
]);
const PG_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery)/i;
/**
 * TypeORM releases a transaction's query runner when its connection fails (PostgreSQL restarted
 * under it); the transaction's next query then throws this, and that is the outage, seen late.
 */
const RUNNER_RELEASED = 'QueryRunnerAlreadyReleasedError';
const NATS_MESSAGES = /CONNECTION_(CLOSED|DRAINING|REFUSED)|Connection lost|disconnect|TIMEOUT/;

/**
 * Which dependency an error says is away, if any: such an error is an outage (503, Retry-After),
 * not a bug (500). Looks through TypeORM's wrapper (`driverError`) and `cause` chains.
 */
export function unavailableDependency(error: unknown, depth = 0): Dependency | undefined {
  if (typeof error !== 'object' || error === null || depth > 4) return undefined;
  const e = error as {
    code?: unknown;
    message?: unknown;
    name?: unknown;
    driverError?: unknown;
    cause?: unknown;
  };
  const code = typeof e.code === 'string' ? e.code : undefined;
  const message = typeof e.message === 'string' ? e.message : '';
  if (code && PG_UNAVAILABLE.test(code)) return 'database';
  if (PG_MESSAGES.test(message)) return 'database';
  if (e.name === RUNNER_RELEASED) return 'database';
  if (code && NODE_UNAVAILABLE.has(code)) return isNatsError(e) ? 'messaging' : 'database';
  if (isNatsError(e) && (NATS_MESSAGES.test(message) || (code && NATS_MESSAGES.test(code))))
    return 'messaging';
  return (
    unavailableDependency(e.driverError, depth + 1) ?? unavailableDependency(e.cause, depth + 1)
  );
}

function isNatsError(e: { name?: unknown }): boolean {
  return (
    typeof e.name === 'string' && /Nats|JetStream|Connection(Error|Closed)|Request/.test(e.name)
  );
}
