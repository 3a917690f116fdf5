import { formatDuration } from './duration';
import { type Exit, describeExit } from './exit';
import { LineTail } from './line-tail';
import { ManagedProcess, type ProcessSpec, type StopOptions } from './managed-process';
import { checkReady } from './readiness';
import { DEFAULT_RESTART_POLICY, type RestartPolicy, nextRestart } from './restart-policy';

export type SupervisorEvent =
  | {
      type: 'exited';
      name: string;
      exit: Exit;
      uptimeMs: number;
      /** The restart this exit led to; none while restarts are off (see `enableRestarts`). */
      restart?: { number: number; delayMs: number };
    }
  | {
      type: 'restarted';
      name: string;
      /** 1 for the first restart of this process, counting every restart since it was started. */
      number: number;
      pid: number | undefined;
      /** Restarted by `restart()`, not after an exit. */
      requested: boolean;
    };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One process kept running: whenever it ends by itself (or is killed from outside) it is started
 * again after the delay of its restart policy, until `stop`. Its output is kept across restarts.
 */
export class SupervisedProcess {
  private incarnation: ManagedProcess;
  private restartCount = 0;
  private streak = 0;
  private pending: NodeJS.Timeout | undefined;
  private stopped = false;
  private restarting = false;
  private readonly output = new LineTail(1000);

  constructor(
    private readonly spec: ProcessSpec,
    private readonly policy: RestartPolicy,
    private readonly emit: (event: SupervisorEvent) => void,
    private restartsEnabled: boolean,
  ) {
    this.incarnation = this.launch();
  }

  get name(): string {
    return this.spec.name;
  }

  /** The process as it runs now (or as it ended, while a restart waits). */
  get current(): ManagedProcess {
    return this.incarnation;
  }

  /** Restarts so far: after exits and on request. */
  get restarts(): number {
    return this.restartCount;
  }

  get running(): boolean {
    return this.incarnation.running;
  }

  /** True while an exit has been seen and the restart waits for its delay. */
  get waitingToRestart(): boolean {
    return this.pending !== undefined;
  }

  logs(): string {
    return this.output.toArray().join('\n');
  }

  recentLines(count?: number): string[] {
    return this.output.toArray(count);
  }

  /**
   * Restarts from now on. Started with restarts off, a process that ends is only reported: a
   * launcher wants a service that fails at start-up to stop everything with its error, not to
   * loop on a configuration mistake. If it already ended meanwhile, its restart is scheduled now.
   */
  enableRestarts(): void {
    this.restartsEnabled = true;
    if (!this.incarnation.running && this.pending === undefined && !this.stopped) {
      this.scheduleRestart(this.incarnation, this.incarnation.exit!);
    }
  }

  /** Sends a signal to the running process; if it ends, it is restarted as after any exit. */
  signal(signal: NodeJS.Signals): void {
    this.incarnation.signal(signal);
  }

  /** Stops it for good: no more restarts. Resolves with how it ended. */
  async stop(options?: StopOptions): Promise<Exit | undefined> {
    this.stopped = true;
    this.cancelPending();
    return this.incarnation.stop(options);
  }

  /** Did the last `stop` have to force it? */
  get forced(): boolean {
    return this.incarnation.forced;
  }

  /**
   * Stops the process (if it runs) and starts it again now, whatever its streak: for a caller
   * that knows better than the process, such as an operator or a test harness.
   */
  async restart(options?: StopOptions): Promise<void> {
    if (this.stopped) throw new Error(`${this.name} was stopped; it is not restarted`);
    this.restarting = true;
    try {
      this.cancelPending();
      await this.incarnation.stop(options);
      this.streak = 0;
      this.relaunch(true);
    } finally {
      this.restarting = false;
    }
  }

  /**
   * Polls `url` until it answers 200, across restarts; fails when the time runs out or the
   * process is stopped, with the last answer.
   */
  async waitReady(url: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let detail = 'not listening yet';
    while (!this.stopped) {
      const check = await checkReady(url, 2000);
      if (check.ready) return;
      detail = check.detail;
      if (Date.now() > deadline) {
        throw new Error(`${this.name} not ready within ${timeoutMs} ms (${detail})`);
      }
      await sleep(200);
    }
    throw new Error(`${this.name} was stopped before it was ready (${detail})`);
  }

  private launch(): ManagedProcess {
    const { name, command, ...options } = this.spec;
    const incarnation = ManagedProcess.spawn(name, command, { ...options, output: this.output });
    void incarnation.exited.then((exit) => {
      if (incarnation !== this.incarnation || this.stopped || this.restarting) return;
      if (!this.restartsEnabled) {
        const uptimeMs = (incarnation.exitedAt ?? Date.now()) - incarnation.startedAt;
        this.emit({ type: 'exited', name, exit, uptimeMs });
        return;
      }
      this.scheduleRestart(incarnation, exit);
    });
    return incarnation;
  }

  private scheduleRestart(ended: ManagedProcess, exit: Exit): void {
    const uptimeMs = (ended.exitedAt ?? Date.now()) - ended.startedAt;
    const { delayMs, streak } = nextRestart(this.policy, this.streak, uptimeMs);
    this.streak = streak;
    const number = this.restartCount + 1;
    this.emit({
      type: 'exited',
      name: this.name,
      exit,
      uptimeMs,
      restart: { number, delayMs },
    });
    this.pending = setTimeout(() => {
      this.pending = undefined;
      if (!this.stopped) this.relaunch(false);
    }, delayMs);
  }

  private relaunch(requested: boolean): void {
    this.restartCount += 1;
    this.incarnation = this.launch();
    this.emit({
      type: 'restarted',
      name: this.name,
      number: this.restartCount,
      pid: this.incarnation.pid,
      requested,
    });
  }

  private cancelPending(): void {
    if (this.pending !== undefined) clearTimeout(this.pending);
    this.pending = undefined;
  }
}

export interface SupervisorOptions {
  policy?: RestartPolicy;
  /** Every exit and restart, for the caller to report. */
  onEvent?: (event: SupervisorEvent) => void;
}

/**
 * Keeps a set of processes running with one restart policy and one place that hears of every
 * exit and restart: `npm start` and the chaos harness run the services under it.
 */
export class Supervisor {
  private readonly members: SupervisedProcess[] = [];
  private readonly policy: RestartPolicy;

  constructor(private readonly options: SupervisorOptions = {}) {
    this.policy = options.policy ?? DEFAULT_RESTART_POLICY;
  }

  /** Starts a process now; with `restarts: false` until `enableRestarts()` is called on it. */
  start(spec: ProcessSpec, { restarts = true }: { restarts?: boolean } = {}): SupervisedProcess {
    if (this.members.some((member) => member.name === spec.name)) {
      throw new Error(`a process named ${spec.name} is already supervised`);
    }
    const member = new SupervisedProcess(
      spec,
      this.policy,
      (event) => this.options.onEvent?.(event),
      restarts,
    );
    this.members.push(member);
    return member;
  }

  get processes(): readonly SupervisedProcess[] {
    return this.members;
  }

  get(name: string): SupervisedProcess | undefined {
    return this.members.find((member) => member.name === name);
  }

  /** Stops every process at once, none restarted; resolves when all have ended. */
  async stopAll(options?: StopOptions): Promise<void> {
    await Promise.all(this.members.map((member) => member.stop(options)));
  }
}

/** One line for a log: `intake was killed by SIGKILL after 4 min 2 s up; restart #1 in 1.0 s`. */
export function describeSupervisorEvent(event: SupervisorEvent): string {
  switch (event.type) {
    case 'exited': {
      const ended = `${event.name} ${describeExit(event.exit)} after ${formatDuration(event.uptimeMs)} up`;
      return event.restart
        ? `${ended}; restart #${event.restart.number} in ${formatDuration(event.restart.delayMs)}`
        : ended;
    }
    case 'restarted':
      return `${event.name} restarted${event.requested ? ' on request' : ''} (restart #${event.number}, pid ${event.pid ?? 'unknown'})`;
  }
}
