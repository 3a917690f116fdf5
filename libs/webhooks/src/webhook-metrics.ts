import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export type AttemptOutcome = 'delivered' | 'retried' | 'dead';

/**
 * `webhook_attempts_total{outcome}` and `webhook_attempt_duration_seconds{outcome}` as attempts
 * settle, and, counted at each scrape, `webhook_deliveries_due` (pending and due: waiting or in
 * flight) and `webhook_deliveries_dead`. One per registry (per service instance).
 */
export class WebhookMetrics {
  private readonly attempts: Counter<'outcome'>;
  private readonly duration: Histogram<'outcome'>;

  constructor(registry: Registry, count: () => Promise<{ due: number; dead: number }>) {
    this.attempts = new Counter({
      name: 'webhook_attempts_total',
      help: 'Webhook delivery attempts, by outcome (delivered, retried, dead)',
      labelNames: ['outcome'],
      registers: [registry],
    });
    this.duration = new Histogram({
      name: 'webhook_attempt_duration_seconds',
      help: 'Time from sending a webhook to its answer (or failure), by outcome',
      labelNames: ['outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    // Both gauges from one query per scrape; while the database does not answer, they are empty.
    let counting: Promise<{ due: number; dead: number } | undefined> | undefined;
    const counts = () =>
      (counting ??= count()
        .catch(() => undefined)
        .finally(() => (counting = undefined)));
    const gauge = (name: string, help: string, pick: 'due' | 'dead') => {
      const metric: Gauge = new Gauge({
        name,
        help,
        registers: [registry],
        collect: async () => {
          const counted = await counts();
          metric.reset();
          if (counted) metric.set(counted[pick]);
        },
      });
    };
    gauge('webhook_deliveries_due', 'Pending webhook deliveries whose time has come', 'due');
    gauge(
      'webhook_deliveries_dead',
      'Webhook deliveries that failed for their whole retry window',
      'dead',
    );
  }

  attempted(outcome: AttemptOutcome, seconds: number): void {
    this.attempts.inc({ outcome });
    this.duration.observe({ outcome }, seconds);
  }
}
