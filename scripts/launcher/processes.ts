import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { LineTail } from './log-format';

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export function describeExit({ code, signal }: ExitInfo): string {
  if (signal !== null) return `was killed by ${signal}`;
  return code === 0 ? 'exited (code 0)' : `exited with code ${code ?? 'unknown'}`;
}

export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  /** The last printed lines, formatted, for the report when the process fails. */
  tail: LineTail;
  exited: Promise<ExitInfo>;
}

export interface SpawnOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Turns one raw output line into the lines to print. */
  format: (line: string, stream: 'stdout' | 'stderr') => string[];
  print: (line: string) => void;
  /** Lines to keep for a failure report without printing them (routine server chatter). */
  quiet?: (line: string) => boolean;
}

/**
 * Starts a process in its own process group. A Ctrl-C in the terminal then reaches only the
 * launcher, which stops everything in order: services first, while NATS and PostgreSQL are still
 * there for their last writes. (Sharing the group, each service would get SIGINT from the
 * terminal and SIGTERM from the launcher, and Nest exits at once on the second.)
 */
export function spawnManaged(
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions,
): ManagedProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  // More than the report shows: condenseTail shortens stack traces before taking the last 20.
  const tail = new LineTail(80);
  const exited = new Promise<ExitInfo>((resolve) => {
    // A spawn failure (missing binary) emits `error` and maybe never `exit`.
    child.once('error', (error) => {
      const lines = options.format(`failed to start: ${error.message}`, 'stderr');
      tail.push(...lines);
      lines.forEach(options.print);
      resolve({ code: 127, signal: null });
    });
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  for (const stream of ['stdout', 'stderr'] as const) {
    const source = child[stream];
    if (!source) continue;
    createInterface({ input: source, crlfDelay: Infinity }).on('line', (line) => {
      const lines = options.format(line, stream);
      tail.push(...lines);
      if (!options.quiet?.(line)) lines.forEach(options.print);
    });
  }
  return { name, child, tail, exited };
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || hasExited(child)) return;
  try {
    // The whole group, in case the process started children of its own.
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // Already gone.
    }
  }
}

export function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (hasExited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.removeListener('exit', onExit);
      resolve(false);
    }, ms);
    const onExit = () => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

/** Asks politely, waits up to `graceMs`, then insists. Resolves false if it had to insist. */
export async function terminate(
  child: ChildProcess,
  {
    signal = 'SIGTERM',
    graceMs = 10_000,
    force = 'SIGKILL',
    group = true,
  }: {
    signal?: NodeJS.Signals;
    graceMs?: number;
    force?: NodeJS.Signals;
    group?: boolean;
  } = {},
): Promise<boolean> {
  if (hasExited(child)) return true;
  const send = (sig: NodeJS.Signals) => (group ? signalGroup(child, sig) : child.kill(sig));
  send(signal);
  if (await waitForExit(child, graceMs)) return true;
  send(force);
  await waitForExit(child, 5_000);
  return false;
}

export function killNow(child: ChildProcess): void {
  signalGroup(child, 'SIGKILL');
}
