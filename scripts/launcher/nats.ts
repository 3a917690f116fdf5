import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { type ManagedProcess, type ProcessSpec, describeExit } from '@satupintu/process';
import { LauncherError } from './service-plan';

export type NatsProbe =
  | { status: 'up'; version: string; jetstream: true }
  | { status: 'up'; version: string; jetstream: false; reason: string }
  | { status: 'down'; reason: string }
  | { status: 'refused'; reason: string };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

/** Connects to NATS_URL and asks JetStream for the account info, which fails when it is off. */
export async function probeNats(natsUrl: string, timeoutMs = 2000): Promise<NatsProbe> {
  let connection;
  try {
    connection = await connect({
      servers: natsUrl.split(',').map((server) => server.trim()),
      name: 'satupintu-launcher',
      timeout: timeoutMs,
      reconnect: false,
    });
  } catch (error) {
    const reason = messageOf(error);
    // A server that rejects our credentials is there: starting another would hide that.
    const refused = /authori[sz]ation|authentication|permission/i.test(reason);
    return refused ? { status: 'refused', reason } : { status: 'down', reason };
  }
  try {
    const version = connection.info?.version ?? 'unknown';
    try {
      const reply = await connection.request('$JS.API.INFO', '', { timeout: timeoutMs });
      const body = reply.json<{ error?: { code?: number; description?: string } }>();
      if (body.error) {
        return {
          status: 'up',
          version,
          jetstream: false,
          reason: body.error.description ?? 'disabled',
        };
      }
      return { status: 'up', version, jetstream: true };
    } catch (error) {
      // No responders: nothing serves the JetStream API, which is what a server without -js does.
      return { status: 'up', version, jetstream: false, reason: messageOf(error) };
    }
  } finally {
    await connection.close().catch(() => undefined);
  }
}

/** Where the Debian/Ubuntu package and the install script put it, often off a user's PATH. */
const USUAL_DIRS = ['/usr/sbin', '/usr/local/bin', '/usr/bin'];

/** nats-server on PATH, else in one of the usual places. */
export function findNatsServer(
  env: NodeJS.ProcessEnv = process.env,
  usualDirs = USUAL_DIRS,
): string | null {
  const dirs = [...(env.PATH ?? '').split(delimiter).filter(Boolean), ...usualDirs];
  for (const dir of dirs) {
    const candidate = join(dir, 'nats-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return null;
}

export function natsInstallHelp(natsUrl: string): string {
  return [
    `Nothing answers at NATS_URL=${natsUrl} and nats-server is not installed, so the launcher`,
    'cannot start one. Either:',
    '  - install it: `apt-get install nats-server` (Debian/Ubuntu), `brew install nats-server`',
    '    (macOS), or download a release from https://nats.io/download/ and put it on PATH;',
    '  - or start a NATS server with JetStream yourself (`nats-server -js`) and set NATS_URL to it.',
  ].join('\n');
}

/** nats-server with JetStream on 127.0.0.1 only, keeping its streams in `storeDir`. */
export function natsServerSpec(
  binary: string,
  port: number,
  storeDir: string,
): Pick<ProcessSpec, 'command' | 'args'> {
  return { command: binary, args: ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir] };
}

/** Waits until the nats-server just started answers at `url` with JetStream on. */
export async function waitForNatsServer(
  url: string,
  server: ManagedProcess,
  timeoutMs = 10_000,
  cancelled: () => boolean = () => false,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cancelled()) {
    if (server.exit) {
      const exit = await server.exited;
      throw new LauncherError(
        `nats-server ${describeExit(exit)} at start. Its last output:\n${server.recentLines(20).join('\n')}`,
      );
    }
    const ready = await probeNats(url, 1000);
    if (ready.status === 'up' && ready.jetstream) return;
    if (Date.now() > deadline) {
      throw new LauncherError(
        `nats-server did not answer on ${url} within ${timeoutMs / 1000} s:\n${server.recentLines(20).join('\n')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
