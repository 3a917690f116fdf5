import { ManagedProcess, type Exit } from '@satupintu/process';
import { testPort } from './test-port';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  findNatsServer,
  natsInstallHelp,
  natsServerSpec,
  waitForNatsServer,
} from '../../../scripts/launcher/nats';

/**
 * A nats-server of a test's or the chaos harness's own (JetStream on, a free port on 127.0.0.1,
 * its own store), stopped and killed on purpose, which the machine's shared NATS must never be.
 */
export class NatsServer {
  private server: ManagedProcess | undefined;

  private constructor(
    private readonly binary: string,
    readonly port: number,
    private readonly storeDir: string,
    /** The store was made here, for this server alone: it goes when the server is stopped. */
    private readonly ownsStore: boolean,
    private readonly onLine?: (line: string) => void,
  ) {}

  /** In `dir` (its store goes to `dir/nats`), or in a temporary directory of its own. */
  static async start(
    options: { dir?: string; onLine?: (line: string) => void } = {},
  ): Promise<NatsServer> {
    const binary = findNatsServer();
    if (binary === null) throw new Error(natsInstallHelp('(a nats-server of its own)'));
    const storeDir = options.dir
      ? join(options.dir, 'nats')
      : mkdtempSync(join(tmpdir(), 'sp-nats-'));
    const nats = new NatsServer(binary, await testPort(), storeDir, !options.dir, options.onLine);
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
    this.server = ManagedProcess.spawn('nats', command, {
      args,
      ...(this.onLine ? { onLine: this.onLine } : {}),
    });
    await waitForNatsServer(this.url, this.server, 30_000);
  }

  /** SIGTERM (its clean shutdown) or SIGKILL (a crash); resolves once it has ended. */
  async takeDown(signal: 'SIGTERM' | 'SIGKILL'): Promise<Exit | undefined> {
    if (signal === 'SIGKILL') return this.server?.kill();
    return this.server?.stop({ graceMs: 10_000 });
  }

  /** Gone for good; a store of its own goes too. */
  async stop(): Promise<void> {
    await this.takeDown('SIGTERM');
    if (this.ownsStore) rmSync(this.storeDir, { recursive: true, force: true });
  }
}
