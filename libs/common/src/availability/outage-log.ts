import type { AppLogger } from '../logging/logger';
import type { Dependency } from './dependency-error';

/** Failures further apart than this belong to different outages. */
const QUIET_MS = 15_000;

/**
 * Logs an outage of a dependency once when it starts and once when it ends, however many
 * requests, retries and timers run into it meanwhile; the count of failures comes with the end.
 */
export class OutageLog {
  private readonly outages = new Map<
    Dependency,
    { since: number; last: number; failures: number }
  >();

  constructor(
    private readonly logger: AppLogger,
    private readonly now: () => number = Date.now,
  ) {}

  failed(dependency: Dependency, error: unknown): void {
    const now = this.now();
    const outage = this.outages.get(dependency);
    if (outage && now - outage.last < QUIET_MS) {
      outage.last = now;
      outage.failures += 1;
      return;
    }
    this.outages.set(dependency, { since: now, last: now, failures: 1 });
    this.logger.warn({ err: error, dependency }, `${dependency} unavailable`);
  }

  recovered(dependency: Dependency): void {
    const outage = this.outages.get(dependency);
    if (!outage) return;
    this.outages.delete(dependency);
    this.logger.info(
      {
        dependency,
        failures: outage.failures,
        seconds: Math.round((this.now() - outage.since) / 1000),
      },
      `${dependency} available again`,
    );
  }

  isDown(dependency: Dependency): boolean {
    return this.outages.has(dependency);
  }
}
