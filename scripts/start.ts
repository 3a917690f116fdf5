/**
 * `npm start`: the whole mall on one machine. Uses the PostgreSQL and NATS at DATABASE_URL and
 * NATS_URL when they answer, else starts its own (embedded PostgreSQL, a local nats-server),
 * then runs every service as a child process and waits until each one is ready. From then on a
 * service that ends is restarted, with backoff, and the others keep running.
 * Ctrl-C stops the services first, then whatever servers it started itself.
 */
import {
  type Exit,
  type SupervisedProcess,
  type SupervisorEvent,
  Supervisor,
  checkPort,
  checkReady,
  describeExit,
  describeSupervisorEvent,
} from '@satupintu/process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { DEMO_AGENCIES } from '@satupintu/demo';
import { renderBanner } from './launcher/banner';
import { demoLogins } from './launcher/demo-logins';
import {
  DEFAULT_DATABASE_URL,
  DEFAULT_HTTP_HOST,
  DEFAULT_NATS_URL,
  browsableHost,
  natsEndpoint,
  postgresEndpoint,
  redactUrl,
} from './launcher/endpoints';
import {
  Ansi,
  condenseTail,
  formatServiceLine,
  paint,
  servicePrefix,
  useColor,
} from './launcher/log-format';
import {
  findNatsServer,
  natsInstallHelp,
  natsServerSpec,
  probeNats,
  waitForNatsServer,
} from './launcher/nats';
import {
  type EmbeddedPostgresHandle,
  probePostgres,
  startEmbeddedPostgres,
} from './launcher/postgres';
import {
  LauncherError,
  type ServiceSpec,
  parseBasePort,
  planServices,
  serviceEnv,
  serviceProcessSpec,
} from './launcher/service-plan';

const READY_TIMEOUT_MS = 60_000;
/** How long a restarted service may take to be ready before the launcher says so. */
const READY_AGAIN_TIMEOUT_MS = 60_000;
const POLL_INTERVAL_MS = 250;
const STOP_GRACE_MS = 10_000;

const startedAt = Date.now();
const root = findRepoRoot(__dirname);
const color = useColor(process.env, process.stdout.isTTY === true);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// A closed pipe (`npm start | head`) must not crash the launcher and orphan the services.
process.stdout.on('error', () => undefined);
const print = (line: string) => void process.stdout.write(`${line}\n`);

interface Launch {
  services: SupervisedProcess[];
  /** The services' readiness URLs, by name. */
  readyUrls: Map<string, string>;
  nats?: SupervisedProcess;
  /** Set while the embedded PostgreSQL starts, so a shutdown can wait for it and stop it. */
  postgres?: Promise<EmbeddedPostgresHandle | undefined>;
  /** The same once started, for the exits that cannot wait. */
  startedPostgres?: EmbeddedPostgresHandle;
  shuttingDown?: Promise<never>;
}

const launch: Launch = { services: [], readyUrls: new Map() };
let prefixWidth = 'postgres'.length;
const prefixes = new Map<string, string>();
/** How each process's raw output lines are printed, by name: the failure reports format them alike. */
const formats = new Map<string, (line: string) => string[]>();
const supervisor = new Supervisor({ onEvent: onSupervisorEvent });

function prefixOf(name: string, index: number): string {
  let prefix = prefixes.get(name);
  if (prefix === undefined) {
    prefix = servicePrefix(name, index, prefixWidth, color);
    prefixes.set(name, prefix);
  }
  return prefix;
}

/** The launcher's own lines, set apart from the services' by a bold prefix. */
function say(message: string, hue?: number): void {
  const prefix = paint('[start]', Ansi.bold, color) + ' '.repeat(Math.max(prefixWidth - 5, 0));
  for (const line of message.split('\n')) {
    print(`${prefix} ${hue === undefined ? line : paint(line, hue, color)}`);
  }
}

function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

async function main(): Promise<void> {
  const env = process.env;
  const basePort = parseBasePort(env.SP_BASE_PORT, DEMO_AGENCIES.length);
  const httpHost = env.HTTP_HOST || DEFAULT_HTTP_HOST;
  let databaseUrl = env.DATABASE_URL || DEFAULT_DATABASE_URL;
  let natsUrl = env.NATS_URL || DEFAULT_NATS_URL;
  postgresEndpoint(databaseUrl);
  const nats = natsEndpoint(natsUrl);

  const specs = planServices(basePort, DEMO_AGENCIES);
  prefixWidth = Math.max(prefixWidth, ...specs.map((spec) => spec.name.length));
  checkBuilt(specs);
  await checkServicePorts(specs, httpHost);

  databaseUrl = await preparePostgres(databaseUrl);
  if (launch.shuttingDown) return;
  natsUrl = await prepareNats(natsUrl, nats.port);
  if (launch.shuttingDown) return;

  say(
    `starting ${specs.length} services: ${specs.map((spec) => `${spec.name} :${spec.port}`).join(', ')}`,
  );
  const shared = { DATABASE_URL: databaseUrl, NATS_URL: natsUrl, HTTP_HOST: httpHost };
  const host = browsableHost(httpHost);
  launch.services = specs.map((spec, index) => {
    const prefix = prefixOf(spec.name, index);
    const format = (line: string) => formatServiceLine(line, prefix, color);
    formats.set(spec.name, format);
    launch.readyUrls.set(spec.name, `http://${host}:${spec.port}/health/ready`);
    return supervisor.start(
      {
        ...serviceProcessSpec(spec, root, serviceEnv(spec, env, shared)),
        onLine: (line) => format(line).forEach(print),
      },
      // Not yet: a service that fails at start-up stops everything with its error instead.
      { restarts: false },
    );
  });

  await waitUntilReady(launch.services);
  if (launch.shuttingDown) return;
  for (const service of launch.services) service.enableRestarts();
  const gateway = specs[0];
  const gatewayUrl = `http://${browsableHost(httpHost)}:${gateway?.port ?? basePort}`;
  const identity = specs.find((spec) => spec.name === 'identity');
  // Demo credentials exist only when identity loads the demo data.
  const demo = identity !== undefined && serviceEnv(identity, env, shared).DEMO_SEED === 'true';
  print(
    renderBanner({
      gatewayUrl,
      serviceCount: specs.length,
      elapsedMs: Date.now() - startedAt,
      color,
      ...(demo ? { logins: demoLogins(gatewayUrl) } : {}),
    }),
  );
}

function checkBuilt(specs: ServiceSpec[]): void {
  const missing = [...new Set(specs.map((spec) => spec.script))].filter(
    (script) => !existsSync(join(root, script)),
  );
  if (missing.length === 0) return;
  const sources = missing.map((script) => script.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
  throw new LauncherError(
    `not built: ${missing.join(', ')}\n` +
      `Does ${sources.join(', ')} exist? \`npm start\` builds first; run \`npm run build\` to see its errors.`,
  );
}

async function checkServicePorts(specs: ServiceSpec[], host: string): Promise<void> {
  const checks = await Promise.all(
    specs.map(async (spec) => ({ spec, check: await checkPort(host, spec.port) })),
  );
  const busy = checks.flatMap(({ spec, check }) =>
    check.free ? [] : [`port ${spec.port} (${spec.name}) on ${host} is ${check.reason}`],
  );
  if (busy.length === 0) return;
  const first = checks.find(({ check }) => !check.free)?.spec.port;
  throw new LauncherError(
    `${busy.join('\n')}\n` +
      `Stop that program (\`ss -ltnp 'sport = :${first}'\` shows which), or move every service with ` +
      'SP_BASE_PORT (e.g. SP_BASE_PORT=4000 npm start).',
  );
}

async function preparePostgres(databaseUrl: string): Promise<string> {
  const shown = redactUrl(databaseUrl);
  const probe = await probePostgres(databaseUrl);
  if (probe.status === 'up') {
    say(`PostgreSQL: using ${shown} (PostgreSQL ${probe.version})`);
    return databaseUrl;
  }
  if (probe.status === 'refused') {
    throw new LauncherError(
      `PostgreSQL at ${shown} answered but refused the launcher: ${probe.reason}\n` +
        'Fix DATABASE_URL: every service would be refused the same way.',
    );
  }
  const dataDir = join(root, '.data', 'postgres');
  const starting = startEmbeddedPostgres({
    dataDir,
    onLine: (line) => print(`${prefixOf('postgres', 1)} ${paint(line, Ansi.yellow, color)}`),
    onProgress: (message) => say(`PostgreSQL: ${message}`),
  });
  launch.postgres = starting.catch(() => undefined);
  const handle = await starting;
  launch.startedPostgres = handle;
  const where = `127.0.0.1:${handle.port} (data in ${relative(process.cwd(), dataDir) || dataDir})`;
  say(
    handle.reused
      ? `PostgreSQL: nothing answers at ${shown} (${probe.reason}); using the embedded PostgreSQL still running on ${where}`
      : `PostgreSQL: nothing answers at ${shown} (${probe.reason}); started embedded PostgreSQL on ${where}`,
  );
  handle.onExit((exit: Exit) => {
    if (launch.shuttingDown) return;
    say(`embedded PostgreSQL ${describeExit(exit)}; stopping everything`, Ansi.red);
    void shutdown(1);
  });
  return handle.url;
}

async function prepareNats(natsUrl: string, port: number): Promise<string> {
  const probe = await probeNats(natsUrl);
  if (probe.status === 'up') {
    if (!probe.jetstream) {
      throw new LauncherError(
        `NATS at ${natsUrl} answers (nats-server ${probe.version}) but JetStream is not enabled ` +
          `(${probe.reason}).\nSatuPintu keeps its events in JetStream: restart that server with -js ` +
          '(or a `jetstream {}` block in its config), or set NATS_URL to a server that has it.',
      );
    }
    say(`NATS: using ${natsUrl} (nats-server ${probe.version}, JetStream on)`);
    return natsUrl;
  }
  if (probe.status === 'refused') {
    throw new LauncherError(
      `NATS at ${natsUrl} answered but refused the launcher: ${probe.reason}`,
    );
  }
  const binary = findNatsServer();
  if (binary === null) throw new LauncherError(natsInstallHelp(natsUrl));
  const portCheck = await checkPort('127.0.0.1', port);
  if (!portCheck.free) {
    throw new LauncherError(
      `nothing answers as NATS at ${natsUrl}, and port ${port} (NATS) on 127.0.0.1 is ${portCheck.reason}, ` +
        'so no nats-server can start there. Set NATS_URL to another port or stop that program.',
    );
  }

  const storeDir = join(root, '.data', 'nats');
  mkdirSync(storeDir, { recursive: true });
  const prefix = prefixOf('nats', 0);
  const format = (line: string) => [
    `${prefix} ${/\[(ERR|FTL)\]/.test(line) ? paint(line, Ansi.red, color) : line}`,
  ];
  formats.set('nats', format);
  // Like the services, restarted if it ends once it has answered: on the same port and store.
  const server = supervisor.start(
    {
      name: 'nats',
      ...natsServerSpec(binary, port, storeDir),
      cwd: root,
      // Only warnings and errors: its start-up banner is a screenful.
      onLine: (line) => {
        if (/\[(WRN|ERR|FTL)\]/.test(line)) format(line).forEach(print);
      },
    },
    { restarts: false },
  );
  launch.nats = server;
  const localUrl = `nats://127.0.0.1:${port}`;
  await waitForNatsServer(
    localUrl,
    server.current,
    10_000,
    () => launch.shuttingDown !== undefined,
  );
  if (launch.shuttingDown) return localUrl;
  server.enableRestarts();
  say(
    `NATS: nothing answers at ${natsUrl}; started ${binary} with JetStream on ${localUrl} (data in .data/nats)`,
  );
  return localUrl;
}

class ServiceFailure extends Error {}

/** Polls every service until all are ready; the first early exit or the deadline ends it. */
async function waitUntilReady(services: SupervisedProcess[]): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const lastDetail = new Map<string, string>(
    services.map((service) => [service.name, 'not listening yet']),
  );
  const ready = new Set<string>();
  let settled = false;

  const earlyExit = new Promise<never>((_, reject) => {
    for (const service of services) {
      void service.current.exited.then((exit) => {
        if (settled || launch.shuttingDown) return;
        const when = ready.has(service.name)
          ? 'before the others were ready'
          : 'before it was ready';
        reportFailure(service, `${describeExit(exit)} ${when}`);
        reject(new ServiceFailure());
      });
    }
  });
  const polls = services.map(async (service) => {
    const url = launch.readyUrls.get(service.name) ?? '';
    while (!settled && !launch.shuttingDown) {
      const check = await checkReady(url);
      if (check.ready) {
        ready.add(service.name);
        return;
      }
      lastDetail.set(service.name, check.detail);
      if (Date.now() > deadline) return;
      await sleep(POLL_INTERVAL_MS);
    }
  });

  try {
    await Promise.race([Promise.all(polls), earlyExit]);
  } catch (error) {
    settled = true;
    if (error instanceof ServiceFailure) return void shutdown(1);
    throw error;
  }
  settled = true;
  if (launch.shuttingDown) return;
  const late = services.filter((service) => !ready.has(service.name));
  if (late.length === 0) return;
  say(
    `not ready after ${READY_TIMEOUT_MS / 1000} s: ` +
      late.map((service) => `${service.name} (${lastDetail.get(service.name)})`).join(', '),
    Ansi.red,
  );
  for (const service of late) reportFailure(service, 'was not ready in time');
  void shutdown(1);
}

function reportFailure(failed: SupervisedProcess, what: string): void {
  say(`${failed.name} ${what}. Its last output:`, Ansi.red);
  printTail(failed);
}

function printTail(failed: SupervisedProcess): void {
  const format = formats.get(failed.name) ?? ((line: string) => [line]);
  // More than the report shows: condenseTail shortens stack traces before taking the last 20.
  const lines = condenseTail(failed.recentLines(80).flatMap(format));
  if (lines.length === 0) say('  (nothing)');
  lines.forEach(print);
}

/**
 * Every exit and restart once the system is up, on the launcher's own lines. A process that
 * ended by itself gets its last output too: it usually says why. Exits before that (restarts
 * still off) are reported by whoever waits for the process to start.
 */
function onSupervisorEvent(event: SupervisorEvent): void {
  if (launch.shuttingDown) return;
  if (event.type === 'exited') {
    if (!event.restart) return;
    say(describeSupervisorEvent(event), event.exit.signal === null ? Ansi.red : Ansi.yellow);
    const member = supervisor.get(event.name);
    if (member && event.exit.signal === null) {
      say('Its last output:', Ansi.red);
      printTail(member);
    }
    return;
  }
  say(describeSupervisorEvent(event), Ansi.yellow);
  const member = supervisor.get(event.name);
  const url = launch.readyUrls.get(event.name);
  if (member && url) void reportReadyAgain(member, url, event.number);
}

/** Follows a restarted service until it is ready, or says that it is not after a while. */
async function reportReadyAgain(
  member: SupervisedProcess,
  url: string,
  restart: number,
): Promise<void> {
  const incarnation = member.current;
  const deadline = Date.now() + READY_AGAIN_TIMEOUT_MS;
  // Only this run of it: if it ends meanwhile, the next restart reports for itself.
  while (incarnation.running && !launch.shuttingDown) {
    const check = await checkReady(url);
    if (check.ready) {
      if (!launch.shuttingDown)
        say(`${member.name} is ready again after restart #${restart}`, Ansi.green);
      return;
    }
    if (Date.now() > deadline) {
      say(
        `${member.name} is not ready ${READY_AGAIN_TIMEOUT_MS / 1000} s after restart #${restart} (${check.detail})`,
        Ansi.red,
      );
      return;
    }
    await sleep(POLL_INTERVAL_MS);
  }
}

/** Services first, while NATS and PostgreSQL still serve their last writes; then the servers. */
function shutdown(code: number): Promise<never> {
  launch.shuttingDown ??= (async (): Promise<never> => {
    const running = launch.services.filter((service) => service.running);
    if (running.length > 0) say(`stopping ${running.length} services…`);
    // Every one, running or waiting for its restart: none may come back.
    await Promise.all(launch.services.map((service) => service.stop({ graceMs: STOP_GRACE_MS })));
    for (const service of running.filter((service) => service.forced)) {
      say(
        `${service.name} did not stop within ${STOP_GRACE_MS / 1000} s and was killed`,
        Ansi.yellow,
      );
    }
    if (launch.nats) {
      if (launch.nats.running) say('stopping nats-server…');
      await launch.nats.stop({ graceMs: 5_000 });
    }
    const postgres = await launch.postgres;
    if (postgres?.reused) {
      say('leaving the embedded PostgreSQL running: this launcher did not start it');
    } else if (postgres) {
      say('stopping embedded PostgreSQL…');
      await postgres
        .stop()
        .catch((error: unknown) => say(`PostgreSQL did not stop cleanly: ${String(error)}`));
    }
    if (launch.services.length > 0 || launch.nats || postgres) {
      say(code === 0 ? 'stopped.' : 'stopped after a failure.');
    }
    process.exit(code);
  })();
  return launch.shuttingDown;
}

/** Kills what the launcher started without waiting; PostgreSQL gets its fast shutdown. */
function killEverything(): void {
  for (const member of supervisor.processes) member.signal('SIGKILL');
  launch.startedPostgres?.kill();
}

/** The second Ctrl-C: no more waiting. */
function forceExit(): never {
  say('forced exit', Ansi.yellow);
  killEverything();
  process.exit(130);
}

let signals = 0;
function onSignal(signal: NodeJS.Signals): void {
  signals += 1;
  if (signals > 1) forceExit();
  print('');
  say(`${signal}: stopping (press Ctrl-C again to force)`);
  void shutdown(0);
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
process.on('SIGHUP', onSignal);
// Everything runs in its own process group: whatever ends the launcher must not orphan it.
process.on('exit', killEverything);

main().catch((error: unknown) => {
  if (launch.shuttingDown) return;
  if (error instanceof LauncherError) say(error.message, Ansi.red);
  else say(error instanceof Error ? (error.stack ?? error.message) : String(error), Ansi.red);
  void shutdown(1);
});
