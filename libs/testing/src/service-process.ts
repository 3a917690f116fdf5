import { type Exit, ManagedProcess } from '@satupintu/process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { testEnvironment } from './test-environment';
import { testPort } from './test-port';

export type ServiceName =
  'gateway' | 'identity' | 'intake' | 'agency' | 'tracking' | 'surveys' | 'oss' | 'queue';

/**
 * A service as a real process, built from dist/ like `npm start` runs it, wired to this test
 * run's databases and namespace, on a free port.
 */
/**
 * Every gateway of a run counts in the run's one NATS namespace, so the sign-in limit (10 a
 * minute per IP: every test signs in from 127.0.0.1) would be shared by all suites and refuse
 * whichever signs in last. Suites about rate limits set their own.
 */
const GATEWAY_TEST_LIMITS = { RATE_LIMIT_SIGN_IN: '100000' };

export class ServiceProcess {
  private constructor(
    readonly name: string,
    readonly url: string,
    private readonly child: ManagedProcess,
  ) {}

  static async start(
    service: ServiceName,
    env: Record<string, string> = {},
  ): Promise<ServiceProcess> {
    const started = await ServiceProcess.spawn(service, env);
    await started.waitReady();
    return started;
  }

  /** Starts it without waiting until it is ready: for a process expected to die on its way. */
  static async spawn(
    service: ServiceName,
    env: Record<string, string> = {},
  ): Promise<ServiceProcess> {
    const port = await testPort();
    const name = env.AGENCY_CODE ? `${service}-${env.AGENCY_CODE}` : service;
    // A development process may log one-time codes by design: its file says so.
    const development = env.NODE_ENV === 'development' ? '.development' : '';
    const log = openRunLog(`${name}-${port}${development}`);
    const child = ManagedProcess.spawn(name, process.execPath, {
      args: [join('dist', 'apps', service, 'src', 'main.js')],
      env: {
        ...process.env,
        ...testEnvironment(),
        ...(service === 'gateway' ? GATEWAY_TEST_LIMITS : {}),
        HTTP_PORT: String(port),
        ...env,
      },
      ...(log ? { onLine: log.write } : {}),
    });
    if (log) void child.exited.then(log.close);
    return new ServiceProcess(name, `http://127.0.0.1:${port}`, child);
  }

  waitReady(): Promise<void> {
    return this.child.waitReady(`${this.url}/health/ready`);
  }

  /** Resolves with how it ended, whoever ended it. */
  exited(): Promise<Exit> {
    return this.child.exited;
  }

  logs(): string {
    return this.child.logs();
  }

  /** SIGTERM, then SIGKILL after 10 s: a Nest service that shut down by itself ends by SIGTERM. */
  stop(): Promise<Exit> {
    return this.child.stop();
  }

  kill(): Promise<Exit> {
    return this.child.kill();
  }
}

/** Where the integration run keeps every line its services print (`SP_TEST_LOG_DIR`). */
export function runLogDirectory(): string | undefined {
  return process.env.SP_TEST_LOG_DIR;
}

/**
 * A file of the run's log directory for one process, so a last test can read every line the
 * services printed in the whole run (and find no credential or NIK in any of them).
 */
function openRunLog(
  name: string,
): { write: (line: string) => void; close: () => void } | undefined {
  const directory = runLogDirectory();
  if (!directory) return undefined;
  const file = createWriteStream(join(directory, `${name}.log`), { flags: 'a' });
  return {
    write: (line) => {
      if (!file.writableEnded) file.write(`${line}\n`);
    },
    // Output may still arrive for a moment after the exit, until the pipes close.
    close: () => void setTimeout(() => file.end(), 1000).unref(),
  };
}
