import { spawn, type ChildProcess } from 'node:child_process';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

// Whatever happens to a test run or a bench, no process it started outlives it.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * A Node script run as a child process for tests and benchmarks: its recent output kept for
 * error messages, readiness polled over HTTP, stopped the way an orchestrator would.
 */
export class ManagedProcess {
  private readonly output: string[] = [];
  private exit: Exit | undefined;
  readonly exited: Promise<Exit>;

  private constructor(
    readonly name: string,
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
        this.exit = { code, signal };
        resolve(this.exit);
      }),
    );
  }

  /** `stdin: 'pipe'` lets a child notice that its parent went away (its stdin ends). */
  static spawn(
    name: string,
    script: string,
    options: { args?: string[]; env?: Record<string, string>; stdin?: 'ignore' | 'pipe' } = {},
  ): ManagedProcess {
    const child = spawn(process.execPath, [script, ...(options.args ?? [])], {
      env: { ...process.env, ...options.env },
      stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'],
    });
    return new ManagedProcess(name, child);
  }

  /** Polls `url` until it answers 200; fails at once, with the output, if the process exits. */
  async waitReady(url: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.exit) {
        throw new Error(
          `${this.name} exited (${this.exit.code ?? this.exit.signal}):\n${this.logs()}`,
        );
      }
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
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
   * SIGTERM, then SIGKILL after `graceMs`. Resolves with how it ended: a Nest service that shut
   * down by itself ends by SIGTERM (Nest re-raises the signal once closed), one that had to be
   * killed by SIGKILL.
   */
  async stop(graceMs = 10_000): Promise<Exit> {
    if (!this.exit) this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }

  async kill(): Promise<void> {
    if (!this.exit) this.child.kill('SIGKILL');
    await this.exited;
  }
}
