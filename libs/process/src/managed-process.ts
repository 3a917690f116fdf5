import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { type Exit, describeExit } from './exit';
import { LineTail } from './line-tail';
import { checkReady } from './readiness';

export type OutputStream = 'stdout' | 'stderr';

export interface SpawnOptions {
  args?: readonly string[];
  cwd?: string;
  /** The child's whole environment; this process's when omitted. */
  env?: NodeJS.ProcessEnv;
  /** `pipe` lets a child notice that its parent went away: its stdin ends. */
  stdin?: 'ignore' | 'pipe';
  /** Every output line as it arrives, to print or to write to a file. */
  onLine?: (line: string, stream: OutputStream) => void;
  /** Where the recent output is kept for `logs()`; a new buffer of 1000 lines when omitted. */
  output?: LineTail;
}

/** What to run: a name for every report, the command, and how to spawn it. */
export interface ProcessSpec extends Omit<SpawnOptions, 'output'> {
  name: string;
  command: string;
}

export interface StopOptions {
  /** Asked first. */
  signal?: NodeJS.Signals;
  /** How long the process may take to end after `signal`. */
  graceMs?: number;
  /** Sent when the grace period is over. */
  force?: NodeJS.Signals;
}

/** Lines a stopped process may still print after `exit`, before its pipes close. */
const CLOSE_GRACE_MS = 500;

export interface AdoptOptions {
  /** Signal the process alone rather than its group (which it may share with its own children). */
  group?: boolean;
  /** Sent if this process exits while the child still runs; SIGKILL unless the child has a gentler one. */
  lastResort?: NodeJS.Signals;
}

// Whatever ends this process (a failed test run, a crashed launcher), none of its children outlive it.
const running = new Set<ManagedProcess>();
process.once('exit', () => {
  for (const child of running) child.signal(child.lastResort);
});

/**
 * Stops every child this process started that still runs, and answers their names. For a test
 * file whose set-up failed half way: the services that did start were never handed to whoever
 * stops them, and their open pipes would keep the test runner from ever exiting.
 */
export async function stopEveryChild(options?: StopOptions): Promise<string[]> {
  const left = [...running];
  await Promise.all(left.map((child) => child.stop(options)));
  return left.map((child) => child.name);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Whether a process with this id exists (one of another user's counts: it exists). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A child process started in a process group of its own, its recent output kept, stopped the
 * way an orchestrator would: the one spelling of a child process for `npm start`, the tests, the
 * bench and the chaos harness.
 *
 * The own group has two reasons. A Ctrl-C in the terminal reaches only the parent, which stops
 * everything in order, services first while NATS and PostgreSQL are still there for their last
 * writes (sharing the group, a service would get SIGINT from the terminal and SIGTERM from the
 * parent, and Nest exits at once on the second). And a signal to the group also reaches anything
 * the child started itself.
 */
export class ManagedProcess {
  readonly startedAt = Date.now();
  /** The exit, once the process has ended; output may still arrive for a moment. */
  exit: Exit | undefined;
  /** When it ended (milliseconds since the epoch). */
  exitedAt: number | undefined;
  /** The grace period ran out on the last `stop` and the process was forced. */
  forced = false;
  /** Resolves when the process has ended and its output has been read. */
  readonly exited: Promise<Exit>;
  readonly lastResort: NodeJS.Signals;
  private readonly output: LineTail;
  private readonly group: boolean;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    options: SpawnOptions & AdoptOptions & { readOutput: boolean },
  ) {
    this.output = options.output ?? new LineTail(1000);
    this.group = options.group ?? true;
    this.lastResort = options.lastResort ?? 'SIGKILL';
    running.add(this);
    for (const stream of ['stdout', 'stderr'] as const) {
      const source = child[stream];
      if (!source || !options.readOutput) continue;
      createInterface({ input: source, crlfDelay: Infinity }).on('line', (line) => {
        this.output.push(line);
        options.onLine?.(line, stream);
      });
    }
    this.exited = new Promise<Exit>((resolve) => {
      const ended = (exit: Exit) => {
        if (this.exit) return;
        this.exit = exit;
        this.exitedAt = Date.now();
        running.delete(this);
        const timer = setTimeout(() => resolve(exit), CLOSE_GRACE_MS);
        child.once('close', () => {
          clearTimeout(timer);
          resolve(exit);
        });
      };
      // A spawn failure (a missing binary) emits `error` and maybe never `exit`.
      child.once('error', (error) => {
        const line = `failed to start: ${error.message}`;
        this.output.push(line);
        options.onLine?.(line, 'stderr');
        ended({ code: 127, signal: null });
      });
      child.once('exit', (code, signal) => ended({ code, signal }));
      // An adopted process may have ended before it was adopted.
      if (child.exitCode !== null || child.signalCode !== null) {
        ended({ code: child.exitCode, signal: child.signalCode });
      }
    });
  }

  static spawn(name: string, command: string, options: SpawnOptions = {}): ManagedProcess {
    const child = spawn(command, options.args ?? [], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'],
      detached: true,
    });
    return new ManagedProcess(name, child, { ...options, readOutput: true });
  }

  /**
   * Takes charge of a process someone else spawned (a library that starts a server), to stop it
   * the same way; its output stays with whoever reads it already.
   */
  static adopt(name: string, child: ChildProcess, options: AdoptOptions = {}): ManagedProcess {
    return new ManagedProcess(name, child, { ...options, readOutput: false });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.exit === undefined;
  }

  /** The recent output, one line per line, as the process printed it. */
  logs(): string {
    return this.output.toArray().join('\n');
  }

  /** The newest `count` lines of output. */
  recentLines(count?: number): string[] {
    return this.output.toArray(count);
  }

  /** Sends `signal` to the process group now, without waiting. */
  signal(signal: NodeJS.Signals): void {
    const pid = this.child.pid;
    if (pid === undefined || this.exit) return;
    try {
      process.kill(this.group ? -pid : pid, signal);
    } catch {
      try {
        this.child.kill(signal);
      } catch {
        // Already gone.
      }
    }
  }

  /** Asks politely, waits up to `graceMs`, then insists; `forced` tells whether it had to. */
  async stop({
    signal = 'SIGTERM',
    graceMs = 10_000,
    force = 'SIGKILL',
  }: StopOptions = {}): Promise<Exit> {
    if (this.exit) return this.exit;
    this.forced = false;
    this.signal(signal);
    const timer = setTimeout(() => {
      this.forced = true;
      this.signal(force);
    }, graceMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Ends it at once (SIGKILL unless told otherwise) and waits until it has. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<Exit> {
    this.signal(signal);
    return this.exited;
  }

  /**
   * Polls `url` until it answers 200. Fails at once, with the output, if the process ends; kills
   * it and fails, with the last answer and the output, if the time runs out.
   */
  async waitReady(url: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.exit) {
        const exit = await this.exited;
        throw new Error(`${this.name} ${describeExit(exit)} before it was ready:\n${this.logs()}`);
      }
      const check = await checkReady(url, 2000);
      if (check.ready) return;
      if (Date.now() > deadline) {
        await this.kill();
        throw new Error(
          `${this.name} not ready within ${timeoutMs} ms (${check.detail}):\n${this.logs()}`,
        );
      }
      await sleep(100);
    }
  }
}
