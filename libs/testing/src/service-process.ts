import { createServer } from 'node:net';
import { join } from 'node:path';
import { ManagedProcess, type Exit } from './managed-process';
import { testEnvironment } from './test-environment';

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
 * run's databases and namespace, on a free port.
 */
export class ServiceProcess {
  private constructor(
    readonly name: string,
    readonly url: string,
    private readonly process: ManagedProcess,
  ) {}

  static async start(
    service: ServiceName,
    env: Record<string, string> = {},
  ): Promise<ServiceProcess> {
    const started = await ServiceProcess.spawn(service, env);
    await started.process.waitReady(`${started.url}/health/ready`);
    return started;
  }

  /** Starts it without waiting until it is ready: for a process expected to die on its way. */
  static async spawn(
    service: ServiceName,
    env: Record<string, string> = {},
  ): Promise<ServiceProcess> {
    const port = await freePort();
    const name = env.AGENCY_CODE ? `${service}-${env.AGENCY_CODE}` : service;
    const process = ManagedProcess.spawn(name, join('dist', 'apps', service, 'src', 'main.js'), {
      env: { ...testEnvironment(), HTTP_PORT: String(port), ...env },
    });
    return new ServiceProcess(name, `http://127.0.0.1:${port}`, process);
  }

  waitReady(): Promise<void> {
    return this.process.waitReady(`${this.url}/health/ready`);
  }

  /** Resolves with how it ended, whoever ended it. */
  exited(): Promise<Exit> {
    return this.process.exited;
  }

  logs(): string {
    return this.process.logs();
  }

  stop(): Promise<Exit> {
    return this.process.stop();
  }

  kill(): Promise<void> {
    return this.process.kill();
  }
}
