import { Client } from 'pg';

/**
 * Samples pg_stat_activity for this run's databases while a run goes on: on average, how many of
 * each service's connections were running, waiting on a lock or on WAL, or idle in a transaction
 * (waiting for the service). Tells where requests queue when the services themselves are not busy.
 */
export class ActivitySampler {
  private timer?: NodeJS.Timeout;
  private busy = false;
  private samples = 0;
  private readonly totals = new Map<string, number>();

  private constructor(
    private readonly client: Client,
    private readonly prefix: string,
  ) {}

  static async open(serverUrl: string, prefix: string): Promise<ActivitySampler> {
    const url = new URL(serverUrl);
    url.pathname = '/postgres';
    const client = new Client({
      connectionString: url.toString(),
      application_name: 'bench-activity',
    });
    await client.connect();
    return new ActivitySampler(client, `${prefix}_`);
  }

  start(intervalMs = 250): void {
    this.samples = 0;
    this.totals.clear();
    this.timer = setInterval(() => void this.sample(), intervalMs);
  }

  private async sample(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const { rows } = await this.client.query<{
        db: string;
        state: string;
        wait: string;
        n: number;
      }>(
        `SELECT substr(datname, length($1) + 1) AS db, coalesce(state, '?') AS state,
                coalesce(wait_event_type || ':' || wait_event, 'running') AS wait, count(*)::int AS n
           FROM pg_stat_activity
          WHERE left(datname, length($1)) = $1 AND pid <> pg_backend_pid()
          GROUP BY 1, 2, 3`,
        [this.prefix],
      );
      this.samples++;
      for (const row of rows) {
        const key = `${row.db}: ${row.state}${row.state === 'idle' ? '' : ` (${row.wait})`}`;
        this.totals.set(key, (this.totals.get(key) ?? 0) + row.n);
      }
    } catch {
      // a sample lost is no matter
    } finally {
      this.busy = false;
    }
  }

  /** Average connections per database and state, most first; those under 0.05 left out. */
  stop(): string[] {
    clearInterval(this.timer);
    const samples = Math.max(this.samples, 1);
    return [...this.totals]
      .map(([key, total]) => [key, total / samples] as const)
      .filter(([, average]) => average >= 0.05)
      .sort((x, y) => y[1] - x[1])
      .map(([key, average]) => `${average.toFixed(2)} × ${key}`);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.client.end();
  }
}
