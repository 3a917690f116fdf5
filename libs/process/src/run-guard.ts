export interface RunGuardOptions {
  /** `bench`, `chaos`: named by the watchdog. */
  name: string;
  watchdogMs: number;
  /** Stops everything the run started. Called once, whatever ends the run. */
  cleanup: () => Promise<void>;
  report: (line: string) => void;
}

/**
 * The end of a tool's run that starts processes and servers (the bench, the chaos harness): it
 * cleans up whatever ends the run, its own end, Ctrl-C or SIGTERM (a second one exits at once,
 * without waiting), or the watchdog that bounds the whole run.
 */
export class RunGuard {
  /** Set once a signal or the watchdog ended the run: progress goes quiet, clean-up speaks. */
  interrupted = false;
  private cleaning: Promise<void> | undefined;
  private readonly watchdog: NodeJS.Timeout;

  constructor(private readonly options: RunGuardOptions) {
    process.on('SIGINT', () => this.onSignal('SIGINT'));
    process.on('SIGTERM', () => this.onSignal('SIGTERM'));
    this.watchdog = setTimeout(() => {
      options.report(
        `\n!!! ${options.name} watchdog: still running after ${(options.watchdogMs / 1000).toFixed(1)} s; stopping`,
      );
      this.interrupted = true;
      void this.cleanup().finally(() => process.exit(1));
    }, options.watchdogMs);
    this.watchdog.unref();
  }

  cleanup(): Promise<void> {
    this.cleaning ??= this.options.cleanup();
    return this.cleaning;
  }

  /** Runs the tool's `main` to its end, reports its error unless interrupted, then finishes. */
  run(main: () => Promise<number>): void {
    void main()
      .catch((error: unknown) => {
        if (!this.interrupted) {
          const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
          this.options.report(`\n!!! ${this.options.name} failed: ${detail}`);
        }
        return 1;
      })
      .then((code) => this.finish(code));
  }

  /** Cleans up and exits: with `code`, or 130 if the run was interrupted. */
  async finish(code: number): Promise<never> {
    await this.cleanup();
    clearTimeout(this.watchdog);
    process.exit(this.interrupted ? 130 : code);
  }

  private onSignal(signal: string): void {
    if (this.interrupted) process.exit(130);
    this.interrupted = true;
    this.options.report(`\n${signal}: stopping and cleaning up (again to exit at once)`);
    void this.cleanup().finally(() => process.exit(130));
  }
}
