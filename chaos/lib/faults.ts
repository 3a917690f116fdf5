/** What a row of the matrix does to the system; its undoing is part of it. */
export type FaultAction =
  /** SIGKILL one service; the supervisor restarting it is the undoing. */
  | { kind: 'kill'; service: string }
  /** Stop (SIGTERM) or kill (SIGKILL) NATS, leave it down, start it again on its port and store. */
  | { kind: 'nats'; signal: 'SIGTERM' | 'SIGKILL'; downMs: number }
  /** Stop PostgreSQL (fast shutdown) and start it again at once. */
  | { kind: 'postgres-restart' };

export interface Fault {
  /** For CHAOS_FAULTS: `kill-intake`, `nats-stop-60s`. */
  id: string;
  title: string;
  action: FaultAction;
}

/**
 * The services whose SIGKILL is a row: every one on the path of an application, identity,
 * which signs the tokens the callers present (the gateway verifies them without it), oss,
 * on the path of an application that came from OSS RBA (and of its reports back), surveys, on
 * the path of every row's SKM responses and complaints and of the cases it hears finished, and
 * queue, on the path of a counter-assisted application (intake asks it; ADR 0037) and of the
 * mall floor's own.
 */
export function isOnThePath(service: string): boolean {
  return (
    ['gateway', 'identity', 'intake', 'tracking', 'oss', 'surveys', 'queue'].includes(service) ||
    service.startsWith('agency-')
  );
}

/**
 * The rows, in the order they run: each service on the path killed, NATS stopped and killed for
 * 10 s and for 60 s, PostgreSQL restarted. A new service on the path is a new row by itself.
 */
export function faultMatrix(services: readonly string[]): Fault[] {
  const kills = services.filter(isOnThePath).map((service): Fault => ({
    id: `kill-${service}`,
    title: `SIGKILL ${service}`,
    action: { kind: 'kill', service },
  }));
  const nats = [10, 60].flatMap((seconds) =>
    (['SIGTERM', 'SIGKILL'] as const).map((signal): Fault => ({
      id: `nats-${signal === 'SIGTERM' ? 'stop' : 'kill'}-${seconds}s`,
      title: `NATS ${signal === 'SIGTERM' ? 'stopped' : 'killed'} for ${seconds} s`,
      action: { kind: 'nats', signal, downMs: seconds * 1000 },
    })),
  );
  const postgres: Fault = {
    id: 'postgres-restart',
    title: 'PostgreSQL restarted',
    action: { kind: 'postgres-restart' },
  };
  return [...kills, ...nats, postgres];
}

/**
 * The rows CHAOS_FAULTS asks for: ids or patterns with `*` (`kill-agency-*,nats-*-10s`), in
 * matrix order; every row when it is unset or empty. A pattern that matches nothing is an
 * error naming the ids, so a typo never passes for a clean run.
 */
export function selectFaults(matrix: readonly Fault[], selection: string | undefined): Fault[] {
  const patterns = (selection ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (patterns.length === 0) return [...matrix];
  const matchers = patterns.map((pattern) => ({
    pattern,
    test: new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`),
  }));
  const unknown = matchers.filter(({ test }) => !matrix.some((fault) => test.test(fault.id)));
  if (unknown.length > 0) {
    throw new Error(
      `CHAOS_FAULTS: nothing is called ${unknown.map(({ pattern }) => `"${pattern}"`).join(', ')}; ` +
        `the rows are ${matrix.map((fault) => fault.id).join(', ')}`,
    );
  }
  return matrix.filter((fault) => matchers.some(({ test }) => test.test(fault.id)));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
