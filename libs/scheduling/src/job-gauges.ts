import { Gauge, type Registry } from 'prom-client';
import type { JobCount } from './jobs.repository';

/**
 * `jobs_due` and `jobs_dead` by kind, counted when Prometheus scrapes: one query for both
 * (prom-client collects them together). While the database does not answer, they are empty.
 */
export function registerJobGauges(registry: Registry, count: () => Promise<JobCount[]>): void {
  let counting: Promise<JobCount[]> | undefined;
  const counts = () =>
    (counting ??= count()
      .catch(() => [])
      .finally(() => (counting = undefined)));
  const gauge = (name: string, help: string, state: JobCount['state']) => {
    const metric: Gauge<'kind'> = new Gauge({
      name,
      help,
      labelNames: ['kind'],
      registers: [registry],
      collect: async () => {
        const rows = await counts();
        metric.reset();
        for (const row of rows) if (row.state === state) metric.set({ kind: row.kind }, row.n);
      },
    });
  };
  gauge('jobs_due', 'Pending jobs whose due time has come (waiting or running), by kind', 'due');
  gauge('jobs_dead', 'Jobs that failed every attempt, kept for inspection, by kind', 'dead');
}
