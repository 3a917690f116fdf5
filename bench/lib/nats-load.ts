import { connect, type NatsConnection } from '@nats-io/transport-node';
import { type LoadResult, cpuTimes, splitCores } from './load';
import { cpuByProcess, sampleProcesses } from './proc-cpu';

/**
 * A closed-loop load of NATS requests, as autocannon is of HTTP ones: `concurrency` requests in
 * flight from this process, each followed at once by the next, for `durationS`. Each reply is
 * classified by `classify` (`'200'` when it is the expected answer), as a status in LoadResult's
 * terms, so its rows print like the HTTP ones.
 */
export interface NatsLoadOptions {
  target: string;
  natsUrl: string;
  subject: string;
  /** The i-th request's body. */
  body: (i: number) => string;
  classify: (reply: Uint8Array) => string;
  concurrency: number;
  durationS: number;
  timeoutMs?: number;
  /**
   * An open-loop load instead: requests sent at this fixed rate whatever the replies do, each
   * latency counted from the moment its request was due (not from when it went out), so a stall
   * shows in p99 instead of slowing the load down (no coordinated omission). `concurrency` then
   * caps the requests in flight; a request that finds the cap full counts as an error.
   */
  ratePerS?: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

export async function runNatsLoad(options: NatsLoadOptions): Promise<LoadResult> {
  const nc: NatsConnection = await connect({
    servers: options.natsUrl.split(','),
    name: 'bench-nats-load',
  });
  try {
    const latencies: number[] = [];
    const statusCounts: Record<string, number> = {};
    let errors = 0;
    let timeouts = 0;
    let sent = 0;
    const before = cpuTimes();
    const ownBefore = process.cpuUsage();
    const childrenBefore = sampleProcesses();
    const startedAt = Date.now();
    const endAt = startedAt + options.durationS * 1000;
    // Open loop: per second of due time, the worst latency and the requests refused at the cap.
    const perSecond = new Map<number, { maxMs: number; refused: number }>();
    const second = (at: number) => {
      const key = Math.floor(at / 1000);
      const entry = perSecond.get(key) ?? { maxMs: 0, refused: 0 };
      perSecond.set(key, entry);
      return entry;
    };
    let origin = 0;
    const oneRequest = async (dueAt: number) => {
      const body = options.body(sent++);
      try {
        const reply = await nc.request(options.subject, body, {
          timeout: options.timeoutMs ?? 10_000,
        });
        const latency = performance.now() - dueAt;
        latencies.push(latency);
        if (origin > 0) {
          const entry = second(dueAt - origin);
          entry.maxMs = Math.max(entry.maxMs, latency);
        }
        const status = options.classify(reply.data);
        statusCounts[status] = (statusCounts[status] ?? 0) + 1;
      } catch (error) {
        errors += 1;
        if (error instanceof Error && /timeout/i.test(error.message)) timeouts += 1;
      }
    };
    const worker = async () => {
      while (Date.now() < endAt) await oneRequest(performance.now());
    };
    const openLoop = async (ratePerS: number) => {
      const inFlight = new Set<Promise<void>>();
      origin = performance.now();
      const total = Math.floor(ratePerS * options.durationS);
      let due = 0;
      while (due < total) {
        const now = performance.now();
        // Every request due by now goes out, each carrying the instant it was due.
        while (due < total && origin + (due * 1000) / ratePerS <= now) {
          const dueAt = origin + (due * 1000) / ratePerS;
          due += 1;
          if (inFlight.size >= options.concurrency) {
            errors += 1;
            second(dueAt - origin).refused += 1;
            continue;
          }
          const request = oneRequest(dueAt).finally(() => inFlight.delete(request));
          inFlight.add(request);
        }
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      await Promise.all(inFlight);
    };
    if (options.ratePerS) await openLoop(options.ratePerS);
    else await Promise.all(Array.from({ length: options.concurrency }, worker));
    const wallMs = Math.max(Date.now() - startedAt, 1);
    const [slowest] = [...perSecond.entries()].sort(([, a], [, b]) => b.maxMs - a.maxMs);
    const after = cpuTimes();
    const children = cpuByProcess(childrenBefore, sampleProcesses());
    const own = process.cpuUsage(ownBefore);
    latencies.sort((a, b) => a - b);
    const responses = latencies.length;
    const expected = statusCounts['200'] ?? 0;
    const totalDelta = after.total - before.total;
    const { own: ownCores, other: otherCores } = splitCores(children);
    return {
      target: options.target,
      url: `nats:${options.subject}`,
      durationS: options.durationS,
      rps: responses / (wallMs / 1000),
      p50: percentile(latencies, 0.5),
      p99: percentile(latencies, 0.99),
      expected,
      unexpected: responses - expected,
      errors,
      timeouts,
      statusCounts,
      machineBusy: totalDelta > 0 ? 1 - (after.idle - before.idle) / totalDelta : 0,
      generatorCores: (own.user + own.system) / 1000 / wallMs,
      processCores: children,
      cpuMsPerResponse: responses > 0 ? (ownCores * wallMs) / responses : NaN,
      otherLoadCores: otherCores,
      ...(slowest ? { slowestSecond: { atS: slowest[0], ...slowest[1] } } : {}),
    };
  } finally {
    await nc.close();
  }
}

/** One request, for readiness: resolves with the reply, rejects on no answer. */
export async function natsRequestOnce(natsUrl: string, subject: string, body: string) {
  const nc = await connect({ servers: natsUrl.split(','), name: 'bench-nats-probe' });
  try {
    return (await nc.request(subject, body, { timeout: 2000 })).data;
  } finally {
    await nc.close();
  }
}
