import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { testEnvironment } from './test-environment';

// Whatever happens to a suite, no service process outlives the test run.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export type ServiceName = 'gateway' | 'identity' | 'intake' | 'agency' | 'tracking' | 'surveys';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A service as a real process, built from dist/ like `npm start` runs it, wired to this test
 * run's databases and namespace. `stop()` sends SIGTERM, as an orchestrator would.
 */
export class ServiceProcess {
  private output: string[] = [];
  private exited: Promise<Exit>;

  private constructor(
    readonly name: string,
    readonly url: string,
    private readonly child: ChildProcess,
  ) {
    const keep = (chunk: Buffer) => {
      this.output.push(chunk.toString());
      if (this.output.length > 200) this.output.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    running.add(child);
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        running.delete(child);
        resolve({ code, signal });
      }),
    );
  }

  static async start(
    service: ServiceName,
    env: Record<string, string> = {},
  ): Promise<ServiceProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, [join('dist', 'apps', service, 'src', 'main.js')], {
      env: { ...process.env, ...testEnvironment(), HTTP_PORT: String(port), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const name = env.AGENCY_CODE ? `${service}-${env.AGENCY_CODE}` : service;
    const started = new ServiceProcess(name, `http://127.0.0.1:${port}`, child);
    await started.waitReady();
    return started;
  }

  private async waitReady(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let exit: Exit | undefined;
    void this.exited.then((result) => (exit = result));
    while (Date.now() < deadline) {
      if (exit)
        throw new Error(`${this.name} exited (${exit.code ?? exit.signal}):\n${this.logs()}`);
      try {
        const response = await fetch(`${this.url}/health/ready`);
        if (response.status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await this.kill();
    throw new Error(`${this.name} not ready within ${timeoutMs} ms:\n${this.logs()}`);
  }

  logs(): string {
    return this.output.join('');
  }

  /**
   * Graceful stop, as an orchestrator does it: SIGTERM, then SIGKILL after 10 s. Resolves with how
   * it ended; a service that shut down by itself ends by SIGTERM (Nest re-raises the signal once
   * it has closed), one that had to be killed ends by SIGKILL.
   */
  async stop(): Promise<Exit> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }

  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }
}
