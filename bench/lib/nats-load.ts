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
    const worker = async () => {
      while (Date.now() < endAt) {
        const body = options.body(sent++);
        const t0 = performance.now();
        try {
          const reply = await nc.request(options.subject, body, {
            timeout: options.timeoutMs ?? 10_000,
          });
          latencies.push(performance.now() - t0);
          const status = options.classify(reply.data);
          statusCounts[status] = (statusCounts[status] ?? 0) + 1;
        } catch (error) {
          errors += 1;
          if (error instanceof Error && /timeout/i.test(error.message)) timeouts += 1;
        }
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    const wallMs = Math.max(Date.now() - startedAt, 1);
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
