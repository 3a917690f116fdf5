import { failures, type LoadResult } from './load';

export interface Row {
  target: string;
  rps: string;
  p50: string;
  p99: string;
  errors: string;
  ratio: string;
  latencyRatio: string;
  cpu: string;
  other: string;
}

export const fmtRate = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
export const fmtMs = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
export const times = (value: number, base: number) =>
  base > 0 && Number.isFinite(value) ? `${(value / base).toFixed(2)}×` : 'n/a';

/** "0", or every way the run went wrong: errors, timeouts, each unexpected status with its count. */
export function describeFailures(result: LoadResult, expectStatus: number): string {
  if (failures(result) === 0) return '0';
  const parts: string[] = [];
  if (result.errors > 0) parts.push(`${result.errors} errors (${result.timeouts} timeouts)`);
  const others = Object.entries(result.statusCounts).filter(
    ([status]) => status !== String(expectStatus),
  );
  if (others.length > 0) {
    parts.push(
      `${result.unexpected} non-${expectStatus}: ${others.map(([status, n]) => `${status}×${n}`).join(', ')}`,
    );
  }
  return `**${parts.join('; ')}**`;
}

/** Ratios of a system target against its baselines: throughput as share, p99 as multiple. */
export function compare(
  result: LoadResult,
  baselines: [label: string, LoadResult][],
): Pick<Row, 'ratio' | 'latencyRatio'> {
  return {
    ratio: baselines.map(([label, base]) => `${times(result.rps, base.rps)} ${label}`).join(' · '),
    latencyRatio: baselines
      .map(([label, base]) => `${times(result.p99, base.p99)} ${label}`)
      .join(' · '),
  };
}

export function rowOf(
  result: LoadResult,
  expectStatus: number,
  ratios: Pick<Row, 'ratio' | 'latencyRatio'>,
): Row {
  return {
    target: result.target,
    rps: fmtRate(result.rps),
    p50: fmtMs(result.p50),
    p99: fmtMs(result.p99),
    errors: describeFailures(result, expectStatus),
    ...ratios,
    cpu: Number.isFinite(result.cpuMsPerResponse)
      ? result.cpuMsPerResponse.toFixed(result.cpuMsPerResponse >= 10 ? 1 : 2)
      : 'n/a',
    other: result.otherLoadCores.toFixed(2),
  };
}

export function markdownTable(rows: Row[]): string {
  const header = [
    'target',
    'req/s (mean)',
    'p50 ms',
    'p99 ms',
    'errors / unexpected status',
    'req/s vs baseline',
    'p99 vs baseline',
    'CPU ms/resp',
    'other load (cores)',
  ];
  const numeric = new Set([1, 2, 3, 7, 8]);
  const lines = [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (numeric.has(i) ? '---:' : '---')).join(' | ')} |`,
    ...rows.map(
      (r) =>
        `| ${[r.target, r.rps, r.p50, r.p99, r.errors, r.ratio, r.latencyRatio, r.cpu, r.other].join(' | ')} |`,
    ),
  ];
  return lines.join('\n');
}
