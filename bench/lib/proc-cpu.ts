import { readFileSync, readdirSync } from 'node:fs';

/**
 * Where the machine's CPU went during a run, read from /proc: each of this bench's children (the
 * services and baselines) by name, the bench itself (autocannon), and every other process grouped
 * by command (postgres, nats-server, and whatever else shares the machine). Linux only; elsewhere
 * it reports nothing.
 */
const TICKS_PER_SECOND = 100;

export type CpuSample = { at: number; ticks: Map<number, { name: string; ticks: number }> };

const names = new Map<number, string>();

/** This process: the load generator. */
export const BENCH = 'bench (autocannon)';

function nameOf(pid: number): string | undefined {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const script = argv.find((arg) => arg.endsWith('.js')) ?? argv[0];
    const app = /dist\/apps\/([^/]+)\/src\/main\.js$/.exec(script)?.[1];
    if (app === 'agency') {
      const agency = /(?:^|\0)AGENCY_CODE=([^\0]*)/.exec(
        readFileSync(`/proc/${pid}/environ`, 'utf8'),
      )?.[1];
      return agency ? `agency-${agency}` : app;
    }
    if (app) return app;
    // The baselines, and the webhook sender and receiver (bench/lib/webhook-*.ts).
    const baseline = /dist\/bench\/(?:baselines|lib)\/([^/]+)\.js$/.exec(script)?.[1];
    return baseline
      ? `${baseline}${argv.includes('server') ? ' server' : argv.includes('responder') ? ' responder' : ''}`
      : undefined;
  } catch {
    return undefined;
  }
}

export function sampleProcesses(): CpuSample {
  const ticks = new Map<number, { name: string; ticks: number }>();
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return { at: Date.now(), ticks };
  }
  for (const entry of entries) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses and may contain spaces.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      let name = names.get(pid);
      if (name === undefined) {
        if (pid === process.pid) name = BENCH;
        else if (Number(fields[1]) === process.pid) name = nameOf(pid);
        name ??= `${stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))} (not ours)`;
        names.set(pid, name);
      }
      ticks.set(pid, { name, ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // gone meanwhile
    }
  }
  return { at: Date.now(), ticks };
}

/**
 * "intake 0.92, postgres (not ours) 0.60": CPU between two samples in cores, per name (processes
 * of one name summed), busiest first, leaving out what used under 0.02 cores.
 */
export function cpuByProcess(
  before: CpuSample,
  after: CpuSample,
): { name: string; cores: number }[] {
  const wall = Math.max(after.at - before.at, 1) / 1000;
  const byName = new Map<string, number>();
  for (const [pid, { name, ticks }] of after.ticks) {
    const start = before.ticks.get(pid)?.ticks ?? 0;
    byName.set(name, (byName.get(name) ?? 0) + (ticks - start) / TICKS_PER_SECOND / wall);
  }
  return [...byName]
    .map(([name, cores]) => ({ name, cores }))
    .filter(({ cores }) => cores >= 0.02)
    .sort((x, y) => y.cores - x.cores);
}

export const describeCores = (cores: { name: string; cores: number }[]) =>
  cores.map(({ name, cores: n }) => `${name} ${n.toFixed(2)}`).join(', ');

/** This process's children that the bench knows by name (services and baselines). */
export function namedChildren(): { pid: number; name: string }[] {
  const out: { pid: number; name: string }[] = [];
  for (const [pid, { name }] of sampleProcesses().ticks) {
    if (pid !== process.pid && !name.endsWith('(not ours)')) out.push({ pid, name });
  }
  return out;
}
