import autocannon from 'autocannon';
import { cpus } from 'node:os';
import { BENCH, cpuByProcess, sampleProcesses } from './proc-cpu';

export interface LoadOptions {
  target: string;
  url: string;
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
  /** Headers that differ on every request (an `Idempotency-Key`), added to `headers`. */
  perRequestHeaders?: () => Record<string, string>;
  /** A body that differs on every request (another tracking number), in place of `body`. */
  perRequestBody?: () => string;
  /** The status every response must have. */
  expectStatus: number;
  connections: number;
  /**
   * Requests per second over all connections. Unset: each connection sends its next request as
   * soon as its answer comes (the target saturated: latency is then mostly queueing).
   */
  overallRate?: number;
  durationS: number;
}

export interface LoadResult {
  target: string;
  url: string;
  durationS: number;
  /** Mean of the per-second request counts. */
  rps: number;
  p50: number;
  p99: number;
  /** Responses with the expected status. */
  expected: number;
  /** Responses with any other status. */
  unexpected: number;
  /** Connection errors and timeouts (autocannon counts timeouts among its errors). */
  errors: number;
  timeouts: number;
  statusCounts: Record<string, number>;
  /** Share of the whole machine's CPU time that was busy during the run (0..1). */
  machineBusy: number;
  /** CPU used by this process (the load generator), in cores. */
  generatorCores: number;
  /** CPU used by each process (by name, see proc-cpu.ts) during the run, in cores, busiest first. */
  processCores: { name: string; cores: number }[];
  /** CPU of the target's own processes (services or baselines) per response, in ms. */
  cpuMsPerResponse: number;
  /** Cores used meanwhile by processes that are not this bench's, PostgreSQL's or NATS's: noise. */
  otherLoadCores: number;
  /** Open-loop NATS loads: the slowest second of the run (its start, its worst latency, refusals). */
  slowestSecond?: { atS: number; maxMs: number; refused: number };
}

const isInfrastructure = (name: string) => /^(postgres|nats-server) /.test(name);
const isOurs = (name: string) => !name.endsWith('(not ours)') && name !== BENCH;

/**
 * Of the CPU by process during a run (cpuByProcess), the cores of the bench's children (services
 * or baselines), and of other users of the machine (neither ours nor PostgreSQL or NATS).
 */
export function splitCores(children: { name: string; cores: number }[]): {
  own: number;
  other: number;
} {
  const sum = (keep: (name: string) => boolean) =>
    children.filter(({ name }) => keep(name)).reduce((total, { cores }) => total + cores, 0);
  return {
    own: sum(isOurs),
    other: sum((name) => name.endsWith('(not ours)') && !isInfrastructure(name)),
  };
}

let current: autocannon.Instance | undefined;
let stopped = false;

/** Ends the run in progress, if any, and refuses any later one (on Ctrl-C). */
export function stopLoad(): void {
  stopped = true;
  current?.stop();
}

/** The machine's CPU time so far, idle and in all: busy share = 1 − Δidle ÷ Δtotal. */
export function cpuTimes(): { idle: number; total: number } {
  let idle = 0;
  let total = 0;
  for (const cpu of cpus()) {
    const t = cpu.times;
    idle += t.idle;
    total += t.user + t.nice + t.sys + t.idle + t.irq;
  }
  return { idle, total };
}

/** One autocannon run; bounded by its duration and the per-request timeout (10 s). */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  if (stopped) return Promise.reject(new Error('load stopped'));
  const before = cpuTimes();
  const ownBefore = process.cpuUsage();
  const childrenBefore = sampleProcesses();
  const startedAt = Date.now();
  return new Promise((resolve, reject) => {
    current = autocannon(
      {
        title: options.target,
        url: options.url,
        method: options.method ?? 'GET',
        headers: options.headers,
        body: options.body,
        ...(options.perRequestHeaders || options.perRequestBody
          ? {
              requests: [
                {
                  setupRequest: (request: autocannon.Request) => ({
                    ...request,
                    headers: { ...request.headers, ...options.perRequestHeaders?.() },
                    ...(options.perRequestBody ? { body: options.perRequestBody() } : {}),
                  }),
                },
              ],
            }
          : {}),
        connections: options.connections,
        ...(options.overallRate ? { overallRate: options.overallRate } : {}),
        duration: options.durationS,
        timeout: 10,
      },
      (error, result) => {
        current = undefined;
        if (error) return reject(error);
        const after = cpuTimes();
        const children = cpuByProcess(childrenBefore, sampleProcesses());
        const own = process.cpuUsage(ownBefore);
        const wallMs = Math.max(Date.now() - startedAt, 1);
        const statusCounts: Record<string, number> = {};
        for (const [status, { count }] of Object.entries(result.statusCodeStats))
          statusCounts[status] = count;
        const expected = statusCounts[String(options.expectStatus)] ?? 0;
        const responses = Object.values(statusCounts).reduce((sum, n) => sum + n, 0);
        const totalDelta = after.total - before.total;
        const wallS = wallMs / 1000;
        const { own: ownCores, other: otherCores } = splitCores(children);
        resolve({
          target: options.target,
          url: options.url,
          durationS: options.durationS,
          rps: result.requests.mean,
          p50: result.latency.p50,
          p99: result.latency.p99,
          expected,
          unexpected: responses - expected,
          errors: result.errors,
          timeouts: result.timeouts,
          statusCounts,
          machineBusy: totalDelta > 0 ? 1 - (after.idle - before.idle) / totalDelta : 0,
          generatorCores: (own.user + own.system) / 1000 / wallMs,
          processCores: children,
          cpuMsPerResponse: responses > 0 ? (ownCores * wallS * 1000) / responses : NaN,
          otherLoadCores: otherCores,
        });
      },
    );
  });
}

/** Anything but the expected status, a connection error or a timeout. */
export function failures(result: LoadResult): number {
  return result.unexpected + result.errors;
}
