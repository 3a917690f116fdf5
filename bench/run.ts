/**
 * `npm run bench`: the hot paths of the thin path (POST an application, read its timeline, and
 * how fast agency and tracking catch up), each reported as a ratio against baselines measured in
 * the same run on the same machine: bare Fastify (a), Fastify + NATS request/reply (b), and the
 * same plus one PostgreSQL INSERT (c). See bench/README.md.
 */
import {
  compile,
  databaseName,
  databaseUrl,
  dropDatabase,
  ensureDatabase,
} from '@satupintu/persistence';
import { ManagedProcess, RunGuard, boundedStep, freePort } from '@satupintu/process';
import {
  LOCAL_DATABASE_URL,
  LOCAL_NATS_URL,
  ServiceProcess,
  TestTokenIssuer,
  aFrontDeskOfficer,
  anApiClient,
  anOfficer,
  deleteNamespaceStreams,
  dropRunDatabases,
  newRunId,
  piaNibExample,
  receiveNibToken,
  type ServiceName,
} from '@satupintu/testing';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { measureLiveVisibility } from './lib/live-visibility';
import { ActivitySampler } from './lib/pg-activity';
import { cpuByProcess, describeCores, sampleProcesses } from './lib/proc-cpu';
import { summarizeProfile } from './lib/profile-summary';
import { lookupQuery } from '../apps/tracking/src/lookup/lookup.repository';
import { SEEDED_BIRTH_DATE, seedLookupCases, seededTrackingNo } from './lib/lookup-seed';
import { natsRequestOnce, runNatsLoad, type NatsLoadOptions } from './lib/nats-load';
import { REBUILD_APPLICATIONS, rebuildRow } from './lib/tracking-rebuild';
import { SKM_RESPONSES, SKM_SERVED_CASES, SKM_YEAR, seedSkm } from './lib/skm-seed';
import { callNextLatency, setUpFloor, ticketBodies } from './lib/queue-floor';
import type { ReceiverStats } from './lib/webhook-receiver';
import type { WebhookRunResult } from './lib/webhook-sender';
import {
  failures,
  runLoad,
  splitCores,
  stopLoad,
  type LoadOptions,
  type LoadResult,
} from './lib/load';
import {
  compare,
  describeFailures,
  fmtMs,
  fmtRate,
  markdownTable,
  rowOf,
  times,
  type Row,
} from './lib/report';

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const WARMUP_S = 3;
const DRAIN_TIMEOUT_MS = 120_000;
/** The work queue is read again once the agency has this many more open cases. */
const OPEN_CASES = 100_000;
/** …at this steady rate over this many connections, well below saturation, for its p99. */
const WORK_QUEUE_RATE = 100;
const WORK_QUEUE_CONNECTIONS = 10;
const WEBHOOK_DELIVERIES = 20_000;
const WEBHOOK_APPLICATIONS = 2000;
/** The receiver verifies one signature in this many (1: all). */
const WEBHOOK_VERIFY_EVERY = 1;
const WARMUP_DRAIN_TIMEOUT_MS = 60_000;
/** Submit → visible on the live stream: applications per second, steady, well below saturation. */
const LIVE_RATE = 10;
const LIVE_TIMEOUT_MS = 10_000;
/** Cases in tracking's read model when the public lookup is measured. */
const LOOKUP_CASES = Number(process.env.BENCH_LOOKUP_CASES ?? 1_000_000);
/** NATS requests in flight from the bench for the NATS rows (a closed loop, like autocannon's). */
const NATS_CONCURRENCY = Number(process.env.BENCH_NATS_CONCURRENCY ?? 128);
/** Issue 9's goal for the public lookup with 1,000,000 cases. */
const LOOKUP_GOAL_RPS = 5_000;
const LOOKUP_GOAL_P99_MS = 20;
/** BENCH_ONLY=lookup: only the NATS echo baseline and the public lookup's rows. */
const ONLY_LOOKUP = process.env.BENCH_ONLY === 'lookup';
/** BENCH_ONLY=skm: only baselines (a) and (c) and the SKM rows. */
const ONLY_SKM = process.env.BENCH_ONLY === 'skm';
/** Issue 11's goal for the SKM index over 1,000,000 responses. */
const SKM_INDEX_GOAL_MS = 1000;
/** The index is asked this many times, one after the other, after one untimed. */
const SKM_INDEX_RUNS = 5;
const SKM_KIOSK_RESPONSE = JSON.stringify({
  agencyCode: 'DUKCAPIL',
  serviceCode: 'DUKCAPIL-KK',
  day: '2026-01-05',
  answers: { U1: 4, U2: 3, U3: 3, U4: 4, U5: 4, U6: 3, U7: 4, U8: 2, U9: 3 },
  respondent: { sex: 'F', ageBand: '30_TO_39', education: 'SMA', occupation: 'ENTREPRENEUR' },
});
/** BENCH_ONLY=oss: only baseline (c) and the receiveNIB row. */
const ONLY_OSS = process.env.BENCH_ONLY === 'oss';
/** BENCH_ONLY=queue: only baselines (b) and (c) and the floor's rows (kiosk tickets, call next). */
const ONLY_QUEUE = process.env.BENCH_ONLY === 'queue';
/** The issue's goal for kiosk tickets through the gateway. */
const TICKETS_GOAL_RPS = 1_000;
/** Calls one officer makes, one after another, for the call-next latency. */
const CALLS = 300;
/** BENCH_PROFILE=1: CPU-profile each service during the POST run (which perturbs its figures). */
const PROFILE = process.env.BENCH_PROFILE === '1';
/** Whatever happens, the bench ends (and cleans up) by then. */
const WATCHDOG_MS = 25 * 60_000;

const APPLICATION = JSON.stringify({
  serviceCode: 'DUKCAPIL-KK',
  applicant: {
    nik: '3201014506900001',
    name: 'Siti Rahayu',
    birthDate: '1990-06-05',
    consent: { method: 'SIGNED_FORM' },
  },
});
/** The demo bundle whose first step (the birth certificate) is DUKCAPIL's, the agency started. */
const BUNDLE = 'BIRTH-OF-A-CHILD';
const BUNDLE_SUBMISSION = JSON.stringify({
  applicant: {
    nik: '3201014506900001',
    name: 'Siti Rahayu',
    birthDate: '1990-06-05',
    consent: { method: 'SIGNED_FORM' },
  },
  form: {},
  documents: [],
});
const JSON_HEADERS = { 'content-type': 'application/json' };

/** The OSS credentials the bench's oss service takes receiveNIB's Token with. */
const OSS_CREDENTIALS = { username: 'OSS-BENCH', password: 'bench-password' };
const OSS_ENV = { OSS_USERNAME: OSS_CREDENTIALS.username, OSS_PASSWORD: OSS_CREDENTIALS.password };

/**
 * receiveNIB bodies and Tokens, a new NIB for each request: the PIA's example as published,
 * with the NIB, a person responsible by KTP and one permit the demo map does not know.
 */
function receiveNibRequests(): {
  perRequestHeaders: () => Record<string, string>;
  perRequestBody: () => string;
} {
  const body = piaNibExample();
  Object.assign(body.dataNIB.penanggung_jwb[0], {
    jns_identitas_penanggung_jwb: '01',
    no_identitas_penanggung_jwb: '3201015506900003',
    nama_penanggung_jwb: 'Siti Rahmawati',
  });
  Object.assign(body.dataNIB.data_checklist[0], { id_izin: 'I-BENCH', kd_izin: '999000000001' });
  const base = 9_100_000_000_000 + Math.floor(Math.random() * 100_000_000) * 1000;
  let sent = 0;
  let nib = '';
  // autocannon asks for the headers, then the body, of each request: the Token names its NIB.
  return {
    perRequestHeaders: () => {
      nib = String(base + sent++);
      return {
        token: receiveNibToken(OSS_CREDENTIALS.username, OSS_CREDENTIALS.password, nib, new Date()),
      };
    },
    perRequestBody: () => JSON.stringify({ dataNIB: { ...body.dataNIB, nib } }),
  };
}
/** The caller of every request to the authenticating gateway: set once its token is minted. */
let AUTH_HEADERS: Record<string, string> = {};
/**
 * Limits far above what the bench sends: the counters still count every request (NATS KV, as
 * deployed), in both gateways alike, but never refuse one.
 */
const GATEWAY_ENV = {
  RATE_LIMIT_PER_CALLER: '1000000000',
  LIVE_STREAMS_PER_CALLER: '100000',
  RATE_LIMIT_LOOKUP: '1000000000',
  RATE_LIMIT_LOOKUP_PER_NUMBER: '1000000000',
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const shout = (line = '') => void process.stdout.write(`${line}\n`);
/** Progress of the run; quiet once it is interrupted, when only clean-up speaks. */
const say = (line = '') => (guard.interrupted ? undefined : shout(line));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------------------------
// This run's environment: its own databases and NATS namespace, like the integration tests'.

const root = join(__dirname, '..', '..');
process.chdir(root);

const runId = newRunId();
const env = {
  DATABASE_URL: process.env.DATABASE_URL ?? LOCAL_DATABASE_URL,
  NATS_URL: process.env.NATS_URL ?? LOCAL_NATS_URL,
  DB_PREFIX: `spbench_${runId}`,
  SP_NAMESPACE: `b${runId}`,
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
  HTTP_HOST: '127.0.0.1',
};
Object.assign(process.env, env);
const streamPrefix = `${env.SP_NAMESPACE}_`.toUpperCase();
const profileDir = join(root, 'bench', 'results', 'profiles', runId);
const serviceEnv: Record<string, string> = PROFILE
  ? {
      NODE_OPTIONS:
        `${process.env.NODE_OPTIONS ?? ''} --require ${join(root, 'dist', 'bench', 'lib', 'profiler-preload.js')}`.trim(),
      BENCH_PROFILE_DIR: profileDir,
    }
  : {};
const serviceDb = (...parts: string[]) =>
  databaseUrl(env.DATABASE_URL, databaseName(env.DB_PREFIX, ...parts));

// ---------------------------------------------------------------------------------------------
// Everything this run starts, so that cleanup can stop it: on success, failure, Ctrl-C, watchdog.

const baselines = new Set<ManagedProcess>();
const pendingStarts: Promise<unknown>[] = [];
const services: ServiceProcess[] = [];
const clients: Client[] = [];
let activity: ActivitySampler | undefined;
let issuer: TestTokenIssuer | undefined;

function bounded<T>(label: string, ms: number, work: Promise<T>): Promise<T | undefined> {
  return boundedStep(label, ms, work, shout);
}

async function cleanup(): Promise<void> {
  stopLoad();
  await bounded('stopping baselines', 10_000, Promise.all([...baselines].map((b) => b.stop())));
  // A service still starting is stopped once its start settles (each start gives up after 30 s).
  await bounded('waiting for starting services', 35_000, Promise.allSettled(pendingStarts));
  await bounded('stopping services', 15_000, Promise.all(services.map((s) => s.stop())));
  await bounded('stopping the token issuer', 5000, issuer?.stop() ?? Promise.resolve());
  await bounded(
    'closing database clients',
    5000,
    Promise.allSettled([...clients.map((c) => c.end()), activity?.close()]),
  );
  const dropped = await bounded(
    'dropping databases',
    30_000,
    dropRunDatabases(env.DATABASE_URL, env.DB_PREFIX),
  );
  const deleted = await bounded(
    'deleting streams',
    15_000,
    deleteNamespaceStreams(env.NATS_URL, env.SP_NAMESPACE),
  );
  shout(
    `cleanup: dropped ${dropped?.length ?? '?'} databases (${env.DB_PREFIX}_*), deleted ${deleted?.length ?? '?'} streams (${streamPrefix}*)`,
  );
}

const guard = new RunGuard({ name: 'bench', watchdogMs: WATCHDOG_MS, cleanup, report: shout });

// ---------------------------------------------------------------------------------------------
// Measuring.

async function measure(
  options: Omit<LoadOptions, 'connections' | 'durationS'> & { connections?: number },
): Promise<{ result: LoadResult; warmup: LoadResult }> {
  const connections = options.connections ?? CONNECTIONS;
  const rate = options.overallRate ? ` at ${options.overallRate} req/s` : '';
  say(
    `\n▶ ${options.target}: ${WARMUP_S} s warm-up, then ${DURATION_S} s × ${connections} connections${rate}`,
  );
  const warmup = await runLoad({ ...options, connections, durationS: WARMUP_S });
  if (failures(warmup) > 0) say(`  ! warm-up: ${describeFailures(warmup, options.expectStatus)}`);
  const result = await runLoad({ ...options, connections, durationS: DURATION_S });
  printResult(result, options.expectStatus);
  return { result, warmup };
}

function printResult(result: LoadResult, expectStatus: number): void {
  say(
    `  ${fmtRate(result.rps)} req/s, p50 ${fmtMs(result.p50)} ms, p99 ${fmtMs(result.p99)} ms, ` +
      `${result.expected} × ${expectStatus}, failures: ${describeFailures(result, expectStatus).replace(/\*/g, '')}; ` +
      `machine CPU ${(result.machineBusy * 100).toFixed(0)}% busy, load generator ${result.generatorCores.toFixed(2)} cores, ` +
      `target ${result.cpuMsPerResponse.toFixed(2)} CPU ms per response, other load ${result.otherLoadCores.toFixed(2)} cores`,
  );
  if (result.processCores.length > 0)
    say(`  CPU by process (cores): ${describeCores(result.processCores)}`);
}

async function withBaseline<T>(
  processes: ManagedProcess[],
  readyUrl: string,
  work: () => Promise<T>,
): Promise<T> {
  for (const p of processes) baselines.add(p);
  try {
    await Promise.all(processes.map((p) => p.waitReady(readyUrl)));
    return await work();
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
    for (const p of processes) baselines.delete(p);
  }
}

/**
 * A baseline server or responder (or the webhook sender or receiver, `lib/…`) as its own
 * process; it exits if the bench goes away.
 */
function baseline(name: string, script: string, args: string[], env: Record<string, string>) {
  return ManagedProcess.spawn(name, process.execPath, {
    args: [join('dist', 'bench', script.includes('/') ? '' : 'baselines', script), ...args],
    env: { ...process.env, ...env },
    stdin: 'pipe',
  });
}

/** Every baseline answers `POST /echo` on `url` once `url/ready` does. */
async function measureBaseline(
  processes: ManagedProcess[],
  target: string,
  url: string,
): Promise<LoadResult> {
  const { result } = await withBaseline(processes, `${url}/ready`, () =>
    measure({
      target,
      url: `${url}/echo`,
      method: 'POST',
      body: APPLICATION,
      headers: JSON_HEADERS,
      expectStatus: 200,
    }),
  );
  return result;
}

async function bareFastify(): Promise<LoadResult> {
  const port = await freePort();
  const server = baseline('bare-fastify', 'bare-fastify.js', [], { BENCH_PORT: String(port) });
  return measureBaseline([server], '(a) bare Fastify `POST /echo`', `http://127.0.0.1:${port}`);
}

async function natsRoundTrip(label: string, subject: string, pgUrl?: string): Promise<LoadResult> {
  const port = await freePort();
  const common = { BENCH_SUBJECT: `${env.SP_NAMESPACE}.bench.${subject}` };
  const responder = baseline(`${subject}-responder`, 'nats-roundtrip.js', ['responder'], {
    ...common,
    ...(pgUrl ? { BENCH_PG_URL: pgUrl } : {}),
  });
  const server = baseline(`${subject}-server`, 'nats-roundtrip.js', ['server'], {
    ...common,
    BENCH_PORT: String(port),
  });
  return measureBaseline([responder, server], label, `http://127.0.0.1:${port}`);
}

/** (c): (b) plus one INSERT into a table of a throwaway database of its own. */
async function insertRoundTrip(): Promise<LoadResult> {
  const baselineDb = databaseName(env.DB_PREFIX, 'baseline');
  await ensureDatabase(env.DATABASE_URL, baselineDb);
  try {
    return await natsRoundTrip(
      '(c) Fastify → NATS → PG INSERT',
      'insert',
      databaseUrl(env.DATABASE_URL, baselineDb),
    );
  } finally {
    await dropDatabase(env.DATABASE_URL, baselineDb);
  }
}

/**
 * Webhook deliveries per second (libs/webhooks, not yet wired into a service): the sender
 * enqueues WEBHOOK_DELIVERIES events over WEBHOOK_APPLICATIONS applications on a throwaway
 * database, then its worker delivers them to a receiver process; timed by the database from the
 * worker's start to the last delivery. Compared with (b): a webhook is one HTTP round trip.
 */
async function webhookDeliveries(b: LoadResult): Promise<{
  row: Row;
  rate: number;
  summary: string;
  problems: string[];
}> {
  const target =
    `webhook deliveries to a local receiver (${WEBHOOK_DELIVERIES} over ${WEBHOOK_APPLICATIONS} applications, ` +
    'one subscription; p50/p99: each attempt’s HTTP round trip)';
  say(`\n▶ ${target}`);
  const database = databaseName(env.DB_PREFIX, 'webhooks');
  await ensureDatabase(env.DATABASE_URL, database);
  const [senderPort, receiverPort] = [await freePort(), await freePort()];
  const senderUrl = `http://127.0.0.1:${senderPort}`;
  const receiverUrl = `http://127.0.0.1:${receiverPort}`;
  const sender = baseline('webhook-sender', 'lib/webhook-sender.js', [], {
    BENCH_PORT: String(senderPort),
    BENCH_PG_URL: databaseUrl(env.DATABASE_URL, database),
    BENCH_RECEIVER_URL: `${receiverUrl}/hooks`,
    BENCH_DELIVERIES: String(WEBHOOK_DELIVERIES),
    BENCH_APPLICATIONS: String(WEBHOOK_APPLICATIONS),
  });
  baselines.add(sender);
  const processes = [sender];
  try {
    await sender.waitReady(`${senderUrl}/ready`, 120_000);
    const { secret, enqueueMs } = (await (await fetch(`${senderUrl}/ready`)).json()) as {
      secret: string;
      enqueueMs: number;
    };
    say(`  enqueued in ${seconds(enqueueMs)}`);
    const receiver = baseline('webhook-receiver', 'lib/webhook-receiver.js', [], {
      BENCH_PORT: String(receiverPort),
      BENCH_SECRET: secret,
      BENCH_VERIFY_EVERY: String(WEBHOOK_VERIFY_EVERY),
    });
    baselines.add(receiver);
    processes.push(receiver);
    await receiver.waitReady(`${receiverUrl}/ready`);

    const cpuBefore = sampleProcesses();
    const started = Date.now();
    const response = await fetch(`${senderUrl}/run`, {
      method: 'POST',
      signal: AbortSignal.timeout(150_000),
    });
    const run = (await response.json()) as WebhookRunResult;
    const wallS = (Date.now() - started) / 1000;
    const cores = cpuByProcess(cpuBefore, sampleProcesses());
    const stats = (await (await fetch(`${receiverUrl}/stats`)).json()) as ReceiverStats;
    const coresOf = (name: string) => cores.find((c) => c.name === name)?.cores ?? 0;
    const senderCores = coresOf('webhook-sender');
    const receiverCores = coresOf('webhook-receiver');
    const rate = run.delivered / Math.max(run.wallMs / 1000, 0.001);
    const cpuMs = (senderCores * wallS * 1000) / Math.max(run.delivered, 1);
    const wrong = [
      run.undelivered > 0 ? `${run.undelivered} not delivered` : '',
      run.retried > 0 ? `${run.retried} retried` : '',
      stats.received !== run.delivered
        ? `receiver got ${stats.received} for ${run.delivered} delivered`
        : '',
      stats.badSignatures > 0 ? `${stats.badSignatures} bad signatures` : '',
      stats.duplicates > 0 ? `${stats.duplicates} duplicates` : '',
      stats.outOfOrder > 0 ? `${stats.outOfOrder} out of order` : '',
    ].filter(Boolean);
    say(
      `  ${run.delivered} delivered in ${seconds(run.wallMs)} = ${fmtRate(rate)}/s; attempt p50 ${fmtMs(run.attemptP50)} ms, ` +
        `p99 ${fmtMs(run.attemptP99)} ms; claimed → delivered p50 ${fmtMs(run.claimedToDeliveredP50)} ms, p99 ${fmtMs(run.claimedToDeliveredP99)} ms; ` +
        `sender ${cpuMs.toFixed(2)} CPU ms per delivery; receiver verified ${stats.verified} of ${stats.received}`,
    );
    say(`  CPU by process (cores): ${describeCores(cores)}`);
    const summary =
      `Webhook deliveries: ${fmtRate(rate)}/s (goal ≥ 1,000/s: **${rate >= 1000 ? 'met' : 'not met'}**); ` +
      `sender ${senderCores.toFixed(2)} cores, ${cpuMs.toFixed(2)} CPU ms per delivery; receiver ${receiverCores.toFixed(2)} cores ` +
      `(verified ${stats.verified} of ${stats.received} signatures with standardwebhooks); enqueuing took ${seconds(enqueueMs)}; ` +
      `claimed → delivered p50 ${fmtMs(run.claimedToDeliveredP50)} ms, p99 ${fmtMs(run.claimedToDeliveredP99)} ms (a batch settles together). ` +
      `CPU by process (cores): ${describeCores(cores)}.`;
    const row: Row = {
      target,
      rps: fmtRate(rate),
      p50: fmtMs(run.attemptP50),
      p99: fmtMs(run.attemptP99),
      errors: wrong.length > 0 ? `**${wrong.join('; ')}**` : '0',
      ratio: `${times(rate, b.rps)} (b)`,
      latencyRatio: `${times(run.attemptP99, b.p99)} (b)`,
      cpu: cpuMs.toFixed(cpuMs >= 10 ? 1 : 2),
      other: splitCores(cores).other.toFixed(2),
    };
    return {
      row,
      rate,
      summary,
      problems: wrong.length > 0 ? [`webhook deliveries: ${wrong.join('; ')}`] : [],
    };
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
    for (const p of processes) baselines.delete(p);
    await dropDatabase(env.DATABASE_URL, database);
  }
}

function startService(
  service: ServiceName,
  extra: Record<string, string> = {},
): Promise<ServiceProcess> {
  const started = ServiceProcess.start(service, { ...serviceEnv, ...extra });
  pendingStarts.push(started.catch(() => undefined));
  return started.then((s) => {
    services.push(s);
    return s;
  });
}

async function until<T>(
  what: string,
  timeoutMs: number,
  intervalMs: number,
  probe: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline && !guard.interrupted) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await sleep(intervalMs);
  }
  throw new Error(
    `${what}: not within ${seconds(timeoutMs)}${lastError ? ` (last error: ${lastError instanceof Error ? lastError.message : JSON.stringify(lastError)})` : ''}`,
  );
}

async function openClient(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: 'bench-observer' });
  await client.connect();
  clients.push(client);
  return client;
}

interface Snapshot {
  at: number;
  intakeApplications: number;
  /** Applications intake still has as SUBMITTED: the agency's VERIFYING not yet followed. */
  intakeUnfollowed: number;
  intakeOutbox: number;
  agencyCases: number;
  agencyOutbox: number;
  submitted: number;
  verifying: number;
}

type Observer = () => Promise<Snapshot>;

async function observer(): Promise<{ observe: Observer; tracking: Client }> {
  const [intake, agency, tracking] = await Promise.all([
    openClient(serviceDb('intake')),
    openClient(serviceDb('agency', 'DUKCAPIL')),
    openClient(serviceDb('tracking')),
  ]);
  const one = async (client: Client, sql: string) =>
    (await client.query(sql)).rows[0] as Record<string, number>;
  const observe = async () => {
    const [i, a, t] = await Promise.all([
      one(
        intake,
        `SELECT (SELECT count(*) FROM applications)::int AS apps,
                (SELECT count(*) FROM applications WHERE status = 'SUBMITTED')::int AS unfollowed,
                (SELECT count(*) FROM outbox)::int AS outbox`,
      ),
      one(
        agency,
        'SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM outbox)::int AS outbox',
      ),
      one(
        tracking,
        `SELECT count(*) FILTER (WHERE status = 'SUBMITTED')::int AS submitted,
                count(*) FILTER (WHERE status = 'VERIFYING')::int AS verifying
           FROM timeline_entries`,
      ),
    ]);
    return {
      at: Date.now(),
      intakeApplications: i.apps,
      intakeUnfollowed: i.unfollowed,
      intakeOutbox: i.outbox,
      agencyCases: a.cases,
      agencyOutbox: a.outbox,
      submitted: t.submitted,
      verifying: t.verifying,
    };
  };
  return { observe, tracking };
}

const describeSnapshot = (s: Snapshot) =>
  `intake: ${s.intakeApplications} applications, ${s.intakeOutbox} in outbox · agency: ${s.agencyCases} cases, ` +
  `${s.agencyOutbox} in outbox · tracking: ${s.submitted} SUBMITTED, ${s.verifying} VERIFYING`;

/** How fast each stage went between two snapshots: where a backlog builds up. */
function stageRates(from: Snapshot, to: Snapshot): string {
  const perSecond = (n: number) => fmtRate(n / Math.max((to.at - from.at) / 1000, 0.001));
  return (
    `intake stored ${perSecond(to.intakeApplications - from.intakeApplications)}/s, ` +
    `agency opened ${perSecond(to.agencyCases - from.agencyCases)} cases/s, ` +
    `tracking recorded ${perSecond(to.submitted - from.submitted)} SUBMITTED/s and ${perSecond(to.verifying - from.verifying)} VERIFYING/s`
  );
}

/** Drained: every application intake stored is VERIFYING on the timeline (all are DUKCAPIL's). */
async function waitDrained(
  observe: Observer,
  atLeast: number,
  timeoutMs: number,
  label: string,
): Promise<{ done: boolean; last: Snapshot; stages: Record<string, number> }> {
  const deadline = Date.now() + timeoutMs;
  let last = await observe();
  let lastPrint = Date.now();
  const stages: Record<string, number> = {};
  for (;;) {
    const settledIntake = last.intakeApplications;
    if (last.intakeOutbox === 0 && stages.intakeOutboxEmpty === undefined)
      stages.intakeOutboxEmpty = last.at;
    if (last.agencyCases >= settledIntake && stages.agencyCases === undefined)
      stages.agencyCases = last.at;
    if (last.submitted >= settledIntake && stages.submitted === undefined)
      stages.submitted = last.at;
    if (last.verifying >= atLeast && last.verifying >= settledIntake)
      return { done: true, last, stages };
    if (Date.now() > deadline || guard.interrupted) return { done: false, last, stages };
    if (Date.now() - lastPrint >= 5000) {
      say(`  ${label}: ${describeSnapshot(last)}`);
      lastPrint = Date.now();
    }
    await sleep(200);
    last = await observe();
  }
}

/** Tells the services' profilers (profiler-preload.ts) to start, or to stop and write. */
function toggleProfilers(step: 'start' | 'stop'): void {
  mkdirSync(profileDir, { recursive: true });
  writeFileSync(join(profileDir, step), '');
}

async function collectProfiles(): Promise<string[]> {
  toggleProfilers('stop');
  await sleep(300);
  const expected = services.length;
  const files = await until('CPU profiles written', 15_000, 200, () => {
    const found = readdirSync(profileDir).filter((file) => file.endsWith('.cpuprofile'));
    return Promise.resolve(found.length >= expected ? found : undefined);
  }).catch(() => readdirSync(profileDir).filter((file) => file.endsWith('.cpuprofile')));
  const lines: string[] = [`profiles in ${profileDir} (open in Chrome DevTools)`];
  for (const file of files.sort()) {
    const summary = summarizeProfile(join(profileDir, file));
    lines.push(
      '',
      `${file}: ${(summary.busyMs / 1000).toFixed(1)} s busy of ${(summary.wallMs / 1000).toFixed(1)} s`,
      '  by area:',
      ...summary.areas.map((l) => `    ${l}`),
      '  by function:',
      ...summary.functions.map((l) => `    ${l}`),
    );
  }
  say(`  CPU profiles:\n    ${lines.join('\n    ')}`);
  return lines;
}

async function submitOne(gatewayUrl: string): Promise<string> {
  const response = await fetch(`${gatewayUrl}/v1/applications`, {
    method: 'POST',
    headers: { ...JSON_HEADERS, ...AUTH_HEADERS },
    body: APPLICATION,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (response.status !== 201)
    throw new Error(`probe POST /v1/applications answered ${response.status}: ${text}`);
  return (JSON.parse(text) as { trackingNo: string }).trackingNo;
}

/**
 * Adds OPEN_CASES open cases to an agency's database directly, older than every case there (so
 * they fill the first pages): 70% VERIFYING, 30% IN_REVIEW; 60% DUKCAPIL-KK, 30% KTP-EL, 10%
 * AKTA-LAHIR. Only the columns a case must have. Answers how long it took (ms).
 */
async function seedOpenCases(agencyDb: Client): Promise<number> {
  const started = Date.now();
  await agencyDb.query(
    `INSERT INTO cases (application_id, tracking_no, service_code, channel, status, submitted_at,
                        deadline, sequence)
     SELECT gen_random_uuid(), 'Q' || lpad(g::text, 8, '0'),
            CASE WHEN g % 10 < 6 THEN 'DUKCAPIL-KK' WHEN g % 10 < 9 THEN 'DUKCAPIL-KTP-EL'
                 ELSE 'DUKCAPIL-AKTA-LAHIR' END,
            'COUNTER',
            CASE WHEN g % 7 < 5 THEN 'VERIFYING' ELSE 'IN_REVIEW' END,
            now() - interval '60 days' + make_interval(secs => g * 30),
            -- Most have a deadline (a time limit of 3 to 14 days), as the queue orders by it.
            CASE WHEN g % 20 = 0 THEN NULL
                 ELSE now() - interval '60 days' + make_interval(secs => g * 30)
                      + make_interval(days => 3 + g % 12) END,
            1
       FROM generate_series(1, $1::int) g`,
    [OPEN_CASES],
  );
  await agencyDb.query('ANALYZE cases');
  return Date.now() - started;
}

async function scrapeMetrics(service: ServiceProcess, pattern: RegExp): Promise<string[]> {
  try {
    const text = await (
      await fetch(`${service.url}/metrics`, { signal: AbortSignal.timeout(5000) })
    ).text();
    return text.split('\n').filter((line) => pattern.test(line) && !line.endsWith(' 0'));
  } catch (error) {
    return [`(metrics unavailable: ${String(error)})`];
  }
}

/** A NATS row: warm-up, then the run, as `measure` does for HTTP. */
async function measureNats(
  options: Omit<NatsLoadOptions, 'natsUrl' | 'concurrency' | 'durationS'>,
): Promise<LoadResult> {
  say(
    `\n▶ ${options.target}: ${WARMUP_S} s warm-up, then ${DURATION_S} s × ${NATS_CONCURRENCY} requests in flight`,
  );
  const common = { ...options, natsUrl: env.NATS_URL, concurrency: NATS_CONCURRENCY };
  const warmup = await runNatsLoad({ ...common, durationS: WARMUP_S });
  if (failures(warmup) > 0) say(`  ! warm-up: ${describeFailures(warmup, 200)}`);
  const result = await runNatsLoad({ ...common, durationS: DURATION_S });
  printResult(result, 200);
  return result;
}

/**
 * (e) NATS request/reply alone, no HTTP: the bench's requests straight to the echo responder of
 * (b). The baseline of a service's request handler measured over NATS.
 */
async function natsEcho(): Promise<LoadResult> {
  const subject = `${env.SP_NAMESPACE}.bench.nats-echo`;
  const responder = baseline('nats-echo-responder', 'nats-roundtrip.js', ['responder'], {
    BENCH_SUBJECT: subject,
  });
  baselines.add(responder);
  try {
    await until('the echo responder answers', 30_000, 100, async () =>
      (await natsRequestOnce(env.NATS_URL, subject, '{"ping":true}')) ? true : undefined,
    );
    return await measureNats({
      target: '(e) NATS request/reply echo (no HTTP)',
      subject,
      body: () => APPLICATION,
      classify: (reply) =>
        (JSON.parse(Buffer.from(reply).toString()) as { ok?: boolean }).ok ? '200' : 'error',
    });
  } finally {
    await responder.stop();
    baselines.delete(responder);
  }
}

/** A seeded case at random: its number and the birth date it is looked up by. */
const aSeededLookup = () => ({
  trackingNo: seededTrackingNo(1 + Math.floor(Math.random() * LOOKUP_CASES)),
  birthDate: SEEDED_BIRTH_DATE,
});

/**
 * The public lookup with LOOKUP_CASES cases in tracking's read model (seeded with SQL): as a NATS
 * request to tracking (Nest's envelope, as the gateway's RpcClient sends it), against (e); and
 * through the gateway's `POST /v1/lookups`, against (b). Every lookup is of a random seeded case
 * with its right birth date, so every answer is the public view.
 */
/** A lookup reply as a status: '200' when it carries a lookup token, else the error's status. */
function lookupStatus(reply: Uint8Array): string {
  const answer = JSON.parse(Buffer.from(reply).toString()) as {
    response?: { lookupToken?: string };
    err?: { status?: number };
  };
  return answer.response?.lookupToken ? '200' : String(answer.err?.status ?? 'error');
}

async function publicLookupRows(
  gatewayUrl: string,
  trackingDb: Client,
  e: LoadResult,
): Promise<{
  nats: LoadResult;
  paced: LoadResult;
  http: LoadResult;
  summary: string;
  problems: string[];
}> {
  const problems: string[] = [];
  const seeded = await seedLookupCases(trackingDb, LOOKUP_CASES);
  say(`\n▶ ${LOOKUP_CASES} cases added to tracking's read model in ${seconds(seeded)}`);
  // The lookup's query on the seeded tables as tracking runs it: prepared, then run more than
  // five times (PostgreSQL settles on its generic plan after five), for one turn's lookups.
  const numbers = () => Array.from({ length: 16 }, () => aSeededLookup().trackingNo);
  const prepared = 'bench-public-lookup';
  for (let i = 0; i < 8; i += 1) {
    const { text, values } = compile(lookupQuery(numbers(), 'birth-date'));
    await trackingDb.query({ name: prepared, text, values });
  }
  // Seeded numbers are [0-9A-Z] only: safe as literals, which EXECUTE needs (in lookupQuery's
  // order: the kind, then the numbers).
  const literal = `ARRAY[${numbers()
    .map((n) => `'${n}'`)
    .join(',')}]::bpchar[]`;
  const plan = (
    await trackingDb.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS) EXECUTE "${prepared}"('birth-date', ${literal})`,
    )
  ).rows.map((row) => row['QUERY PLAN']);
  await trackingDb.query(`DEALLOCATE "${prepared}"`);
  say(`  the lookup's query (prepared, 16 numbers):\n    ${plan.join('\n    ')}`);
  const executed = plan.find((line) => line.startsWith('Execution Time'));
  const subject = `${env.SP_NAMESPACE}.tracking.timeline.lookup.v1`;
  // BENCH_PROFILE=1 with BENCH_ONLY=lookup: the services are profiled during the NATS lookup row
  // (in the full run their profilers have already been spent on the POST run).
  const profiling = PROFILE && ONLY_LOOKUP;
  if (profiling) {
    toggleProfilers('start');
    await sleep(300);
  }
  const nats = await measureNats({
    target: `NATS \`sp.tracking.timeline.lookup.v1\` (public lookup), ${LOOKUP_CASES} cases`,
    subject,
    body: (i) => JSON.stringify({ pattern: subject, data: aSeededLookup(), id: String(i) }),
    classify: lookupStatus,
  });
  if (profiling) await collectProfiles();
  if (failures(nats) > 0) problems.push(`${nats.target}: ${describeFailures(nats, 200)}`);
  // The goal is a rate and a latency together: the closed loop above shows the capacity, this
  // open loop holds the goal's rate and shows the latency each request sees at it.
  say(
    `\n▶ the same lookup at a fixed ${fmtRate(LOOKUP_GOAL_RPS)}/s (open loop): ${WARMUP_S} s warm-up, then ${DURATION_S} s`,
  );
  const pacedLoad: NatsLoadOptions = {
    target: `NATS lookup at a fixed ${fmtRate(LOOKUP_GOAL_RPS)}/s (open loop), ${LOOKUP_CASES} cases`,
    natsUrl: env.NATS_URL,
    subject,
    body: (i: number) => JSON.stringify({ pattern: subject, data: aSeededLookup(), id: `p${i}` }),
    classify: lookupStatus,
    concurrency: 2_000,
    durationS: DURATION_S,
    ratePerS: LOOKUP_GOAL_RPS,
  };
  const pacedWarmup = await runNatsLoad({ ...pacedLoad, durationS: WARMUP_S });
  if (failures(pacedWarmup) > 0) say(`  ! warm-up: ${describeFailures(pacedWarmup, 200)}`);
  const paced = await runNatsLoad(pacedLoad);
  printResult(paced, 200);
  if (paced.slowestSecond) {
    const { atS, maxMs, refused } = paced.slowestSecond;
    say(
      `  slowest second: ${atS}–${atS + 1} s, worst latency ${fmtMs(maxMs)} ms, ${refused} refused at the in-flight cap`,
    );
  }
  if (failures(paced) > 0) problems.push(`${paced.target}: ${describeFailures(paced, 200)}`);
  const http = (
    await measure({
      target: `gateway \`POST /v1/lookups\` (anonymous), ${LOOKUP_CASES} cases`,
      url: `${gatewayUrl}/v1/lookups`,
      method: 'POST',
      headers: JSON_HEADERS,
      perRequestBody: () => JSON.stringify(aSeededLookup()),
      expectStatus: 200,
    })
  ).result;
  if (failures(http) > 0) problems.push(`${http.target}: ${describeFailures(http, 200)}`);
  const met =
    nats.rps >= LOOKUP_GOAL_RPS &&
    failures(paced) === 0 &&
    paced.rps >= LOOKUP_GOAL_RPS * 0.99 &&
    paced.p99 <= LOOKUP_GOAL_P99_MS;
  const summary =
    `Public lookup with ${LOOKUP_CASES} cases in the read model, as NATS requests to tracking (${NATS_CONCURRENCY} in flight): ` +
    `${fmtRate(nats.rps)} req/s, p99 ${fmtMs(nats.p99)} ms (${times(nats.rps, e.rps)} the req/s of the NATS echo (e), whose p99 is ${fmtMs(e.p99)} ms; other load ${nats.otherLoadCores.toFixed(2)} cores); ` +
    `held at a fixed ${fmtRate(LOOKUP_GOAL_RPS)}/s (open loop, latency from each request's due time): ${fmtRate(paced.rps)} req/s answered, p50 ${fmtMs(paced.p50)} ms, p99 ${fmtMs(paced.p99)} ms; ` +
    `goal ≥ 5,000/s and p99 ≤ 20 ms: **${met ? 'met' : 'not met'}**. Through the gateway (\`POST /v1/lookups\`, per-IP and per-number limits counted): ` +
    `${fmtRate(http.rps)} req/s, p99 ${fmtMs(http.p99)} ms. The query (prepared, one round trip for 16 lookups, every table by index): ${executed ?? 'n/a'} in EXPLAIN ANALYZE.`;
  say(`  ${summary.replace(/\*/g, '')}`);
  return {
    nats,
    paced,
    http,
    summary: `${summary}\n\n\`\`\`\n${plan.join('\n')}\n\`\`\``,
    problems,
  };
}

/** BENCH_ONLY=lookup: the NATS echo, tracking and a gateway, the lookup's rows, nothing else. */
async function lookupOnly(): Promise<number> {
  const e = await natsEcho();
  issuer = await TestTokenIssuer.start({ natsUrl: env.NATS_URL, namespace: env.SP_NAMESPACE });
  const [, gateway] = await Promise.all([
    startService('tracking'),
    startService('gateway', GATEWAY_ENV),
  ]);
  const lookups = await publicLookupRows(gateway.url, await openClient(serviceDb('tracking')), e);
  const table = markdownTable([
    rowOf(e, 200, { ratio: 'baseline', latencyRatio: 'baseline' }),
    rowOf(lookups.nats, 200, compare(lookups.nats, [['(e)', e]])),
    rowOf(lookups.paced, 200, compare(lookups.paced, [['(e)', e]])),
    rowOf(lookups.http, 200, compare(lookups.http, [['NATS lookup', lookups.nats]])),
  ]);
  say(`\n${table}\n\n${lookups.summary}`);
  const problems = [
    ...(failures(e) > 0 ? [`(e): ${describeFailures(e, 200)}`] : []),
    ...lookups.problems,
  ];
  for (const p of problems) say(`!!! - ${p}`);
  return problems.length > 0 ? 1 : 0;
}

/**
 * The SKM rows (issue 11): kiosk responses through the gateway as fast as they are taken, against
 * (c), the floor of a request that INSERTs one row over NATS; then a year of 1,000,000 responses
 * seeded with SQL, and the mall's index of that year (every one of them aggregated) asked through
 * the gateway, timed against PostgreSQL merely counting the same rows. Surveys and the gateway
 * must be running; the submissions come first so the seeded rows do not weigh on them.
 */
async function skmRows(
  gatewayUrl: string,
  c: LoadResult,
): Promise<{ rows: Row[]; summary: string; problems: string[] }> {
  if (!issuer) throw new Error('the token issuer is not started');
  const problems: string[] = [];
  const kiosk = await issuer.authorization(anApiClient(['surveys:kiosk']), {
    expiresInSeconds: 3600,
  });
  const analyst = await issuer.authorization(anOfficer('MPP', ['SURVEY_ANALYST']), {
    expiresInSeconds: 3600,
  });
  const submit = (
    await measure({
      target: 'gateway `POST /v1/skm/kiosk-responses` (a kiosk client)',
      url: `${gatewayUrl}/v1/skm/kiosk-responses`,
      method: 'POST',
      body: SKM_KIOSK_RESPONSE,
      headers: { ...JSON_HEADERS, ...kiosk },
      expectStatus: 201,
    })
  ).result;
  if (failures(submit) > 0)
    problems.push(`POST /v1/skm/kiosk-responses: ${describeFailures(submit, 201)}`);

  say(`\n▶ seeding ${SKM_RESPONSES.toLocaleString('en')} SKM responses of ${SKM_YEAR} with SQL`);
  const seedStarted = Date.now();
  await seedSkm(serviceDb('surveys'));
  const seedMs = Date.now() - seedStarted;
  say(`  seeded in ${seconds(seedMs)}`);
  const indexUrl = `${gatewayUrl}/v1/skm/index?period=year&at=${SKM_YEAR}-06-30`;
  const ask = async () => {
    const started = performance.now();
    const response = await fetch(indexUrl, {
      headers: analyst,
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await response.json()) as { respondents?: number; population?: number };
    const ms = performance.now() - started;
    if (response.status !== 200) throw new Error(`GET ${indexUrl}: ${response.status}`);
    return { ms, body };
  };
  const first = await ask();
  if (first.body.respondents !== SKM_RESPONSES || first.body.population !== SKM_SERVED_CASES - 1)
    problems.push(
      `the SKM index counted ${first.body.respondents} respondents and a population of ${first.body.population}, not ${SKM_RESPONSES} and ${SKM_SERVED_CASES - 1}`,
    );
  const times_: number[] = [];
  for (let i = 0; i < SKM_INDEX_RUNS; i++) times_.push((await ask()).ms);
  times_.sort((x, y) => x - y);
  const median = times_[Math.floor(times_.length / 2)];
  const slowest = times_[times_.length - 1];
  const db = await openClient(serviceDb('surveys'));
  const countStarted = performance.now();
  await db.query(
    `SELECT count(*) FROM skm_responses WHERE day >= make_date($1::int, 1, 1) AND day < make_date($1::int + 1, 1, 1)`,
    [SKM_YEAR],
  );
  const countMs = performance.now() - countStarted;
  const met = slowest <= SKM_INDEX_GOAL_MS;
  if (!met)
    problems.push(
      `the SKM index over ${SKM_RESPONSES} responses took up to ${fmtMs(slowest)} ms (goal ≤ ${SKM_INDEX_GOAL_MS} ms)`,
    );
  const indexRow: Row = {
    target: `gateway \`GET /v1/skm/index?period=year\` over ${SKM_RESPONSES.toLocaleString('en')} responses (mall, one after another)`,
    rps: fmtRate(1000 / median),
    p50: fmtMs(median),
    p99: `${fmtMs(slowest)} (slowest of ${SKM_INDEX_RUNS})`,
    errors: '0',
    ratio: `slowest ${fmtMs(slowest)} ms, goal ≤ ${SKM_INDEX_GOAL_MS} ms: ${met ? 'met' : '**not met**'}`,
    latencyRatio: `${times(median, countMs)} SQL count of the same rows`,
    cpu: '—',
    other: '—',
  };
  const summary =
    `SKM: kiosk responses through the gateway ${fmtRate(submit.rps)}/s (${times(submit.rps, c.rps)} (c)), p99 ${fmtMs(submit.p99)} ms; ` +
    `the year's index over ${SKM_RESPONSES.toLocaleString('en')} responses (seeded in ${seconds(seedMs)}) and ${(SKM_SERVED_CASES - 1).toLocaleString('en')} served cases: ` +
    `median ${fmtMs(median)} ms, slowest ${fmtMs(slowest)} ms of ${SKM_INDEX_RUNS} (goal ≤ ${SKM_INDEX_GOAL_MS} ms: **${met ? 'met' : 'not met'}**); ` +
    `PostgreSQL counting the same rows: ${fmtMs(countMs)} ms.`;
  return {
    rows: [rowOf(submit, 201, compare(submit, [['(c)', c]])), indexRow],
    summary,
    problems,
  };
}

/** BENCH_ONLY=skm: baselines (a) and (c), surveys and a gateway, the SKM rows, nothing else. */
async function skmOnly(): Promise<number> {
  const a = await bareFastify();
  const c = await insertRoundTrip();
  issuer = await TestTokenIssuer.start({ natsUrl: env.NATS_URL, namespace: env.SP_NAMESPACE });
  const [, gateway] = await Promise.all([
    startService('surveys'),
    startService('gateway', GATEWAY_ENV),
  ]);
  const skm = await skmRows(gateway.url, c);
  const table = markdownTable([
    rowOf(a, 200, { ratio: 'baseline', latencyRatio: 'baseline' }),
    rowOf(c, 200, {
      ratio: `baseline · ${times(c.rps, a.rps)} (a)`,
      latencyRatio: `baseline · ${times(c.p99, a.p99)} (a)`,
    }),
    ...skm.rows,
  ]);
  say(`\n${table}\n\n${skm.summary}`);
  const problems = [
    ...[a, c].flatMap((base) =>
      failures(base) > 0 ? [`baseline ${base.target}: ${describeFailures(base, 200)}`] : [],
    ),
    ...skm.problems,
  ];
  for (const p of problems) say(`!!! - ${p}`);
  return problems.length > 0 ? 1 : 0;
}

/**
 * OSS calling receiveNIB through the gateway, as OSS does: a NIB of its own each time (so each
 * is recorded, not a re-send), with its Token, the PIA's example filled in with one permit the
 * map does not know (recorded, no application opened) and no business data (so the business
 * job records what is missing without asking identity, which the bench does not run): the PIA
 * route, the Token, the read of the whole body and its one transaction, and the job it leaves.
 */
async function receiveNibRow(gatewayUrl: string): Promise<LoadResult> {
  return (
    await measure({
      target: 'gateway `POST /v1/oss/receiveNIB` (a new NIB each, its Token; one unmapped permit)',
      url: `${gatewayUrl}/v1/oss/receiveNIB`,
      method: 'POST',
      headers: JSON_HEADERS,
      ...receiveNibRequests(),
      expectStatus: 200,
    })
  ).result;
}

/** BENCH_ONLY=oss: baseline (c), the oss service and a gateway, the receiveNIB row. */
async function ossOnly(): Promise<number> {
  const baselineDb = databaseName(env.DB_PREFIX, 'baseline');
  await ensureDatabase(env.DATABASE_URL, baselineDb);
  const c = await natsRoundTrip(
    '(c) Fastify → NATS → PG INSERT',
    'insert',
    databaseUrl(env.DATABASE_URL, baselineDb),
  );
  await dropDatabase(env.DATABASE_URL, baselineDb);
  issuer = await TestTokenIssuer.start({ natsUrl: env.NATS_URL, namespace: env.SP_NAMESPACE });
  const [, gateway] = await Promise.all([
    startService('oss', OSS_ENV),
    startService('gateway', GATEWAY_ENV),
  ]);
  const nib = await receiveNibRow(gateway.url);
  say(
    `\n${markdownTable([
      rowOf(c, 200, { ratio: 'baseline', latencyRatio: 'baseline' }),
      rowOf(nib, 200, compare(nib, [['(c)', c]])),
    ])}`,
  );
  const problems = [
    ...(failures(c) > 0 ? [`(c): ${describeFailures(c, 200)}`] : []),
    ...(failures(nib) > 0 ? [`receiveNIB: ${describeFailures(nib, 200)}`] : []),
  ];
  for (const p of problems) say(`!!! - ${p}`);
  return problems.length > 0 ? 1 : 0;
}

/**
 * The floor's rows (issue 12): kiosk tickets through the gateway (a kiosk client's token, no
 * Idempotency-Key, the services in turn, each a line of its own) against (c) and the goal; then
 * one officer calling the next of the waiting tickets and marking it served, one after another:
 * the call's latency, against (b). Intake (the catalog the lines are checked against), the queue
 * and the gateway must be running; the floor is set up here.
 */
async function queueRows(
  gatewayUrl: string,
  b: LoadResult,
  c: LoadResult,
): Promise<{ rows: Row[]; summary: string; problems: string[]; runs: LoadResult[] }> {
  if (!issuer) throw new Error('the token issuer is not started');
  await setUpFloor(env.NATS_URL, env.SP_NAMESPACE);
  const kiosk = await issuer.authorization(anApiClient(['queue:kiosk']), {
    expiresInSeconds: 3600,
  });
  const officer = await issuer.authorization(anOfficer('DUKCAPIL', ['FRONT_DESK']), {
    expiresInSeconds: 3600,
  });
  const load = `load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ')}`;
  const tickets = (
    await measure({
      target: 'gateway `POST /v1/queue/tickets` (a kiosk client; six lines in turn)',
      url: `${gatewayUrl}/v1/queue/tickets`,
      method: 'POST',
      headers: { ...JSON_HEADERS, ...kiosk },
      perRequestBody: ticketBodies(),
      expectStatus: 201,
    })
  ).result;
  say(`\n▶ call next: one officer, ${CALLS} calls one after another, each then served`);
  const calls = await callNextLatency({
    gatewayUrl,
    headers: officer,
    serviceCode: 'DUKCAPIL-KK',
    calls: CALLS,
  });
  // Only 201s count: a row of refusals is fast, and meets nothing.
  const met = failures(tickets) === 0 && tickets.rps >= TICKETS_GOAL_RPS;
  const callRow: Row = {
    target: `gateway \`POST /v1/queue/sessions/{id}/calls\` (one officer, ${CALLS} calls one after another, each then served)`,
    rps: fmtRate(calls.calls > 0 ? 1000 / calls.p50 : 0),
    p50: fmtMs(calls.p50),
    p99: fmtMs(calls.p99),
    errors: calls.failures.length === 0 ? '0' : `**${calls.failures.length} failed**`,
    ratio: '—',
    latencyRatio: `p50 ${times(calls.p50, b.p50)} (b) p50`,
    cpu: '—',
    other: '—',
  };
  const ticketRow = rowOf(tickets, 201, compare(tickets, [['(c)', c]]));
  ticketRow.ratio += `; goal ${TICKETS_GOAL_RPS}/s: ${met ? 'met' : '**not met**'}`;
  const summary =
    `Kiosk tickets: ${fmtRate(tickets.rps)}/s, ${times(tickets.rps, c.rps)} (c); goal ${TICKETS_GOAL_RPS}/s **${met ? 'met' : 'not met'}**. ` +
    `Call next (${calls.calls} calls): p50 ${fmtMs(calls.p50)} ms, p99 ${fmtMs(calls.p99)} ms, max ${fmtMs(calls.max)} ms; ` +
    `(b) p50 ${fmtMs(b.p50)} ms under ${CONNECTIONS} connections. Machine at the start of the rows: ${load} ` +
    `(${availableParallelism()} CPUs, shared).`;
  return {
    rows: [ticketRow, callRow],
    summary,
    problems: [
      ...(failures(tickets) > 0
        ? [`POST /v1/queue/tickets: ${describeFailures(tickets, 201)}`]
        : []),
      ...calls.failures.slice(0, 5).map((f) => `call next: ${f}`),
    ],
    runs: [tickets],
  };
}

/**
 * BENCH_ONLY=queue: baselines (b) and (c), then intake (the catalog the lines are checked
 * against), the queue and a gateway, and the floor's rows (`queueRows`, as the full run has them).
 */
async function queueOnly(): Promise<number> {
  const b = await natsRoundTrip('(b) Fastify → NATS request/reply', 'echo');
  const c = await insertRoundTrip();
  issuer = await TestTokenIssuer.start({ natsUrl: env.NATS_URL, namespace: env.SP_NAMESPACE });
  const [, , gateway] = await Promise.all([
    startService('intake', { DEMO_SEED: 'true' }),
    startService('queue'),
    startService('gateway', GATEWAY_ENV),
  ]);
  const floor = await queueRows(gateway.url, b, c);
  say(
    `\n${markdownTable([
      rowOf(b, 200, { ratio: 'baseline', latencyRatio: 'baseline' }),
      rowOf(c, 200, { ratio: 'baseline', latencyRatio: 'baseline' }),
      ...floor.rows,
    ])}\n\n${floor.summary}`,
  );
  const problems = [
    ...(failures(b) > 0 ? [`(b): ${describeFailures(b, 200)}`] : []),
    ...(failures(c) > 0 ? [`(c): ${describeFailures(c, 200)}`] : []),
    ...floor.problems,
  ];
  for (const p of problems) say(`!!! - ${p}`);
  return problems.length > 0 ? 1 : 0;
}

/** What the services logged (ServiceProcess keeps each one's last 1000 output lines). */
function logSummary(service: ServiceProcess): string[] {
  const counts = new Map<string, number>();
  for (const line of service.logs().split('\n')) {
    if (!line.trim()) continue;
    let key: string;
    try {
      const entry = JSON.parse(line) as {
        level?: string;
        msg?: string;
        err?: { message?: string };
      };
      key = `${entry.level ?? '?'}: ${entry.msg ?? ''}${entry.err?.message ? ` (${entry.err.message})` : ''}`;
    } catch {
      key = `raw: ${line.slice(0, 200)}`;
    }
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .sort((x, y) => y[1] - x[1])
    .map(([key, n]) => `${service.name}: ${n} × ${key}`);
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  if (
    !existsSync(join('dist', 'apps', 'gateway', 'src', 'main.js')) ||
    !existsSync(join('dist', 'bench', 'baselines', 'bare-fastify.js'))
  ) {
    throw new Error('dist/ is missing: run the bench with `npm run bench` (it builds first)');
  }
  const startedAt = new Date();
  say(
    `SatuPintu bench, run ${runId}: node ${process.version}, ${availableParallelism()} CPUs (${cpus()[0]?.model ?? '?'})`,
  );
  say(
    `databases ${env.DB_PREFIX}_*, NATS namespace ${env.SP_NAMESPACE}, services at LOG_LEVEL=${env.LOG_LEVEL}`,
  );
  say(
    `load: autocannon in this process, ${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s per target`,
  );
  if (ONLY_LOOKUP) return lookupOnly();
  if (ONLY_SKM) return skmOnly();
  if (ONLY_OSS) return ossOnly();
  if (ONLY_QUEUE) return queueOnly();
  const problems: string[] = [];
  const notes: string[] = [];

  // Baselines, each in processes of its own.
  const a = await bareFastify();
  const b = await natsRoundTrip('(b) Fastify → NATS request/reply', 'echo');
  const c = await insertRoundTrip();
  const e = await natsEcho();
  for (const base of [a, b, c, e])
    if (failures(base) > 0)
      problems.push(`baseline ${base.target}: ${describeFailures(base, 200)}`);

  // Webhook deliveries, on a machine as quiet as the baselines had it (no service started yet).
  const webhooks = await webhookDeliveries(b);
  problems.push(...webhooks.problems);

  // The system, as `npm start` runs it; identity's part (public keys, tokens) played by the
  // test token issuer. A second gateway believes tokens without checking them
  // (BENCH_UNVERIFIED_TOKENS): the baseline of the same run for what verification costs.
  say(
    '\n▶ starting intake, tracking, agency DUKCAPIL, oss, gateway, and a gateway that checks no token',
  );
  const t0 = Date.now();
  issuer = await TestTokenIssuer.start({ natsUrl: env.NATS_URL, namespace: env.SP_NAMESPACE });
  AUTH_HEADERS = await issuer.authorization(aFrontDeskOfficer(), { expiresInSeconds: 3600 });
  const [, , , gateway, uncheckedGateway] = await Promise.all([
    startService('intake', { DEMO_SEED: 'true' }),
    startService('tracking'),
    startService('agency', { AGENCY_CODE: 'DUKCAPIL' }),
    startService('gateway', GATEWAY_ENV),
    startService('gateway', { ...GATEWAY_ENV, BENCH_UNVERIFIED_TOKENS: 'true' }),
    startService('oss', OSS_ENV),
  ]);
  const tracking = services.find((s) => s.name === 'tracking')!;
  // Both gateways are named 'gateway': the one that authenticates is the first.
  void uncheckedGateway;
  const agency = services.find((s) => s.name === 'agency-DUKCAPIL')!;
  const intake = services.find((s) => s.name === 'intake')!;
  say(`  ready in ${seconds(Date.now() - t0)}`);

  // One application through the whole path: proves it works, and gives the timeline to read.
  const trackingNo = await submitOne(gateway.url);
  const timelineUrl = `${gateway.url}/v1/applications/${trackingNo}/timeline`;
  await until(`timeline of ${trackingNo} shows VERIFYING`, 30_000, 100, async () => {
    const response = await fetch(timelineUrl, {
      headers: AUTH_HEADERS,
      signal: AbortSignal.timeout(5000),
    });
    if (response.status !== 200) return undefined;
    const body = (await response.json()) as { status: string };
    return body.status === 'VERIFYING' ? true : undefined;
  });
  say(`  probe application ${trackingNo} is VERIFYING`);
  const { observe, tracking: trackingDb } = await observer();
  activity = await ActivitySampler.open(env.DATABASE_URL, env.DB_PREFIX);

  // POST: warm up, let the warm-up's applications drain, then measure from a quiet start.
  const postOptions: LoadOptions = {
    target: 'gateway `POST /v1/applications` (authenticated)',
    url: `${gateway.url}/v1/applications`,
    method: 'POST',
    body: APPLICATION,
    headers: { ...JSON_HEADERS, ...AUTH_HEADERS },
    expectStatus: 201,
    connections: CONNECTIONS,
    durationS: WARMUP_S,
  };
  say(`\n▶ ${postOptions.target}: ${WARMUP_S} s warm-up`);
  const postWarmup = await runLoad(postOptions);
  printResult(postWarmup, 201);
  if (failures(postWarmup) > 0) problems.push(`POST warm-up: ${describeFailures(postWarmup, 201)}`);
  const warmDrainStart = Date.now();
  const warmDrain = await waitDrained(observe, 0, WARMUP_DRAIN_TIMEOUT_MS, 'warm-up drain');
  if (!warmDrain.done)
    problems.push(
      `the warm-up's applications did not drain within ${seconds(WARMUP_DRAIN_TIMEOUT_MS)}: ${describeSnapshot(warmDrain.last)}`,
    );
  say(
    `  warm-up's ${postWarmup.expected} applications drained in ${seconds(Date.now() - warmDrainStart)} after it ended`,
  );

  const before = await observe();
  say(`▶ ${postOptions.target}: ${DURATION_S} s × ${CONNECTIONS} connections`);
  activity.start();
  if (PROFILE) {
    toggleProfilers('start');
    await sleep(300);
  }
  const postStart = Date.now();
  const post = await runLoad({ ...postOptions, durationS: DURATION_S });
  const postEnd = Date.now();
  const postActivity = activity.stop();
  const profiles = PROFILE ? await collectProfiles() : [];
  printResult(post, 201);
  say(
    `  PostgreSQL connections of this run during it (average count × database: state (wait event)):\n    ${postActivity.join('\n    ')}`,
  );
  if (failures(post) > 0) problems.push(`POST /v1/applications: ${describeFailures(post, 201)}`);
  const atEnd = await observe();
  say(`  when the POST run ended: ${describeSnapshot(atEnd)}`);
  say(`  rates during the POST run: ${stageRates(before, atEnd)}`);

  // Drain: until every stored application is VERIFYING on tracking's timeline.
  const drainCpuBefore = sampleProcesses();
  activity.start();
  const drain = await waitDrained(
    observe,
    before.verifying + post.expected,
    DRAIN_TIMEOUT_MS,
    'drain',
  );
  const drainEnd = drain.last.at;
  const drainCores = cpuByProcess(drainCpuBefore, sampleProcesses());
  const drainActivity = activity.stop();
  const drained = drain.last.verifying - before.verifying;
  const drainRate = drained / ((drainEnd - postStart) / 1000);
  const stored = drain.last.intakeApplications - before.intakeApplications;
  if (!drain.done) {
    problems.push(
      `drain timed out ${seconds(DRAIN_TIMEOUT_MS)} after the POST run: ${drained} of ${stored} stored applications VERIFYING; ${describeSnapshot(drain.last)}`,
    );
  }
  if (stored !== post.expected) {
    notes.push(
      `intake stored ${stored} applications during the POST run, autocannon counted ${post.expected} × 201: ` +
        `${stored - post.expected} were still in flight when the run stopped${failures(post) > 0 ? ' or answered with an error' : ''}.`,
    );
  }
  const stage = (at?: number) =>
    at === undefined ? 'not reached' : `${seconds(at - postEnd)} after the POST run`;
  say(
    `  drain ${drain.done ? 'complete' : 'TIMED OUT'}: ${drained} applications VERIFYING ${seconds(drainEnd - postStart)} after the POST run started ` +
      `(${seconds(drainEnd - postEnd)} after it ended) = ${fmtRate(drainRate)} applications/s`,
  );
  say(
    `  stages: intake outbox empty ${stage(drain.stages.intakeOutboxEmpty)}; agency cases caught up ${stage(drain.stages.agencyCases)}; ` +
      `tracking SUBMITTED caught up ${stage(drain.stages.submitted)}; VERIFYING caught up ${stage(drain.done ? drainEnd : undefined)}`,
  );
  if (drainCores.length > 0)
    say(`  CPU by process while draining (cores): ${describeCores(drainCores)}`);
  say(`  PostgreSQL connections of this run while draining:\n    ${drainActivity.join('\n    ')}`);
  const [e2e] = (
    await trackingDb.query(
      `SELECT count(*)::int AS n,
              coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), 0) AS p50,
              coalesce(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms), 0) AS p99,
              coalesce(max(ms), 0) AS max
         FROM (SELECT (extract(epoch FROM v.recorded_at - s.occurred_at) * 1000)::float8 AS ms
                 FROM timeline_entries s
                 JOIN timeline_entries v ON v.tracking_no = s.tracking_no AND v.status = 'VERIFYING'
                WHERE s.status = 'SUBMITTED' AND s.occurred_at >= $1) t`,
      [new Date(postStart)],
    )
  ).rows as { n: number; p50: number; p99: number; max: number }[];
  say(
    `  submitted → VERIFYING recorded by tracking: p50 ${fmtMs(e2e.p50)} ms, p99 ${fmtMs(e2e.p99)} ms, max ${fmtMs(e2e.max)} ms (${e2e.n} applications)`,
  );

  const handled = [
    ...(await scrapeMetrics(agency, /^messages_handled_total/)),
    ...(await scrapeMetrics(tracking, /^messages_handled_total/)),
    ...(await scrapeMetrics(gateway, /^http_request_duration_seconds_count\{.*route="\/v1/)),
  ];
  const retried = handled.filter((line) => /outcome="(retried|rejected)"/.test(line));
  if (retried.length > 0)
    problems.push(`events retried or rejected under load: ${retried.join('; ')}`);

  // What verifying the token costs: the same POST, measured by the same procedure (warm-up, run,
  // drain), with the same token, through the gateway that believes it unchecked and through the
  // one that verifies it; everything else (rate limits, intake's decision on the caller) alike.
  const paired = async (
    target: string,
    url: string,
    headers: Record<string, string>,
    perRequestHeaders?: () => Record<string, string>,
  ) => {
    const { result } = await measure({
      target,
      url,
      method: 'POST',
      body: APPLICATION,
      headers,
      ...(perRequestHeaders ? { perRequestHeaders } : {}),
      expectStatus: 201,
    });
    if (failures(result) > 0) problems.push(`${target}: ${describeFailures(result, 201)}`);
    const settled = await waitDrained(observe, 0, DRAIN_TIMEOUT_MS, 'drain');
    if (!settled.done) problems.push(`${target}: did not drain: ${describeSnapshot(settled.last)}`);
    return result;
  };
  const uncheckedPost = await paired(
    'gateway `POST /v1/applications`, token not checked (BENCH_UNVERIFIED_TOKENS): baseline (d)',
    `${uncheckedGateway.url}/v1/applications`,
    { ...JSON_HEADERS, ...AUTH_HEADERS },
  );
  const authenticatedPost = await paired(
    'gateway `POST /v1/applications`, authenticated, same procedure as (d)',
    `${gateway.url}/v1/applications`,
    { ...JSON_HEADERS, ...AUTH_HEADERS },
  );
  // Every request a key of its own, as a client retrying over a flaky network sends: intake
  // records key, fingerprint and response with each application.
  const idempotentPost = await paired(
    'gateway `POST /v1/applications` with an `Idempotency-Key`, same procedure as (d)',
    `${gateway.url}/v1/applications`,
    { ...JSON_HEADERS, ...AUTH_HEADERS },
    () => ({ 'idempotency-key': randomUUID() }),
  );
  const idempotencyCost = 1 - idempotentPost.rps / authenticatedPost.rps;
  say(
    `  an Idempotency-Key costs ${(idempotencyCost * 100).toFixed(1)}% of POST throughput ` +
      `(${fmtRate(idempotentPost.rps)} vs ${fmtRate(authenticatedPost.rps)} req/s; the issue allows 10%)`,
  );
  const verificationCost = 1 - authenticatedPost.rps / uncheckedPost.rps;
  say(
    `  token verification costs ${(verificationCost * 100).toFixed(1)}% of POST throughput ` +
      `(${fmtRate(authenticatedPost.rps)} vs ${fmtRate(uncheckedPost.rps)} req/s; the issue allows 10%)`,
  );

  // One submission opening a bundle: the case, its steps, and its first step's application and
  // event in one transaction; measured like the POST above, then drained to VERIFYING.
  const bundleTarget = `gateway \`POST /v1/bundles/${BUNDLE}/applications\` (opens its first step)`;
  const bundlePost = (
    await measure({
      target: bundleTarget,
      url: `${gateway.url}/v1/bundles/${BUNDLE}/applications`,
      method: 'POST',
      body: BUNDLE_SUBMISSION,
      headers: { ...JSON_HEADERS, ...AUTH_HEADERS },
      expectStatus: 201,
    })
  ).result;
  if (failures(bundlePost) > 0)
    problems.push(`${bundleTarget}: ${describeFailures(bundlePost, 201)}`);
  const bundlesSettled = await waitDrained(observe, 0, DRAIN_TIMEOUT_MS, 'drain');
  if (!bundlesSettled.done)
    problems.push(`${bundleTarget}: did not drain: ${describeSnapshot(bundlesSettled.last)}`);

  // GET timeline, on a quiet system again: drained, and intake done following the statuses
  // (since issue 7 it follows every one; a drain counts what tracking shows, and intake may
  // still be working through the agency's events, which would load the reads measured next).
  const followed = await until('intake following every status', DRAIN_TIMEOUT_MS, 200, async () =>
    (await observe()).intakeUnfollowed === 0 ? true : undefined,
  ).catch((error: unknown) => {
    problems.push(`before GET timeline: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  });
  if (followed) say('  intake has followed every status: the reads start on a quiet system');
  const get = (
    await measure({
      target: `gateway \`GET /v1/applications/${trackingNo}/timeline\` (authenticated)`,
      url: timelineUrl,
      method: 'GET',
      headers: AUTH_HEADERS,
      expectStatus: 200,
    })
  ).result;
  if (failures(get) > 0) problems.push(`GET timeline: ${describeFailures(get, 200)}`);

  // A request routed to one agency's deployment, by one of its officers: the round trip through
  // the routed subject, its queue group and the principal header, and the agency's first page.
  const routed = (
    await measure({
      target: 'gateway `GET /v1/agencies/DUKCAPIL/work-queue?limit=1` (routed; a DUKCAPIL officer)',
      url: `${gateway.url}/v1/agencies/DUKCAPIL/work-queue?limit=1`,
      method: 'GET',
      headers: AUTH_HEADERS,
      expectStatus: 200,
    })
  ).result;
  if (failures(routed) > 0) problems.push(`GET work-queue: ${describeFailures(routed, 200)}`);

  const nib = await receiveNibRow(gateway.url);
  if (failures(nib) > 0) problems.push(`receiveNIB: ${describeFailures(nib, 200)}`);

  // Submit → visible in tracking, as a client following its case sees it (lib/live-visibility.ts):
  // at a steady rate far below saturation, POST then the case's live stream until SUBMITTED, and
  // VERIFYING pushed on it.
  say(`\n▶ submit → visible on the live stream, ${LIVE_RATE} applications/s for ${DURATION_S} s`);
  const live = await measureLiveVisibility({
    gatewayUrl: gateway.url,
    headers: AUTH_HEADERS,
    body: APPLICATION,
    ratePerSecond: LIVE_RATE,
    durationS: DURATION_S,
    timeoutMs: LIVE_TIMEOUT_MS,
  });
  if (live.failures.length > 0)
    problems.push(
      `submit → live stream: ${live.failures.length} of ${live.attempted} failed (${[...new Set(live.failures)].slice(0, 3).join('; ')})`,
    );
  const liveSummary =
    `Submit → visible in tracking (${LIVE_RATE} applications/s for ${DURATION_S} s, POST sent → entry received on the case's live stream, the stream opened after the 201 and again every 10 ms while tracking answers 404; ${live.reopened} reopenings over ${live.n} applications): ` +
    `201 p50 ${fmtMs(live.accepted.p50)} ms, p99 ${fmtMs(live.accepted.p99)} ms; ` +
    `SUBMITTED p50 ${fmtMs(live.submitted.p50)} ms, p99 ${fmtMs(live.submitted.p99)} ms, max ${fmtMs(live.submitted.max)} ms; ` +
    `VERIFYING (the agency's, pushed live) p50 ${fmtMs(live.verifying.p50)} ms, p99 ${fmtMs(live.verifying.p99)} ms, max ${fmtMs(live.verifying.max)} ms; ` +
    `goal p99 ≤ 250 ms: **${live.failures.length === 0 && live.submitted.p99 <= 250 ? 'met' : 'not met'}** (SUBMITTED).`;
  say(`  ${liveSummary.replace(/\*/g, '')}`);

  // The work queue of an agency with 100,000 open cases: saturated like the row above (what the
  // size costs), then at a steady rate far below saturation (the latency an officer sees), a
  // page of 20, unfiltered and filtered by status and by service.
  const seeded = await seedOpenCases(await openClient(serviceDb('agency', 'DUKCAPIL')));
  say(`\n▶ ${OPEN_CASES} open cases added to DUKCAPIL's cases in ${seconds(seeded)}`);
  const workQueueUrl = `${gateway.url}/v1/agencies/DUKCAPIL/work-queue`;
  const bigQueue = async (query: string, rate?: number) => {
    const result = (
      await measure({
        target:
          `gateway \`GET /v1/agencies/DUKCAPIL/work-queue?${query}\`, ${OPEN_CASES} open cases` +
          (rate ? `, ${WORK_QUEUE_CONNECTIONS} connections at ${rate} req/s` : ''),
        url: `${workQueueUrl}?${query}`,
        method: 'GET',
        headers: AUTH_HEADERS,
        expectStatus: 200,
        ...(rate ? { connections: WORK_QUEUE_CONNECTIONS, overallRate: rate } : {}),
      })
    ).result;
    if (failures(result) > 0) problems.push(`${result.target}: ${describeFailures(result, 200)}`);
    return result;
  };
  const bigSaturated = await bigQueue('limit=20');
  const bigQueueRuns = [
    await bigQueue('limit=20', WORK_QUEUE_RATE),
    await bigQueue('limit=20&status=IN_REVIEW', WORK_QUEUE_RATE),
    await bigQueue('limit=20&serviceCode=DUKCAPIL-AKTA-LAHIR', WORK_QUEUE_RATE),
    // None of the 100,000 has it: the filter that walks the most to find a page.
    await bigQueue('limit=20&status=NEEDS_REVISION', WORK_QUEUE_RATE),
  ];
  const worstQueueP99 = Math.max(...bigQueueRuns.map((r) => r.p99));
  const workQueueSummary =
    `Work queue with ${OPEN_CASES} open cases at ${WORK_QUEUE_RATE} req/s: p99 ${bigQueueRuns.map((r) => `${fmtMs(r.p99)} ms (${r.url.split('?')[1]}; other load ${r.otherLoadCores.toFixed(2)} cores)`).join(', ')}; ` +
    `goal p99 ≤ 50 ms: **${worstQueueP99 <= 50 ? 'met' : 'not met'}** (the page's query takes under 1 ms in EXPLAIN ANALYZE, filtered or not: the tail is the routed round trip on a machine whose 2 cores are busy; compare the other load and run again). Saturated (${CONNECTIONS} connections): ${fmtRate(bigSaturated.rps)} req/s, ` +
    `p99 ${fmtMs(bigSaturated.p99)} ms (${times(bigSaturated.rps, routed.rps)} the req/s of the limit=1 row on the few cases before).`;
  say(`  ${workQueueSummary.replace(/\*/g, '')}`);
  say(`  ${webhooks.summary.replace(/\*/g, '')}`);

  // Last, as it adds a million cases to tracking's tables: the read model's rebuild, live.
  say(
    `rebuild of ${REBUILD_APPLICATIONS} applications: seeding tracking's history, then rebuilding`,
  );
  const rebuild = await rebuildRow(serviceDb('tracking'));
  say(`  ${rebuild.summary.replace(/\*/g, '')}`);
  // The public lookup, after: it seeds a million more cases straight into the read model (rows
  // the rebuild would rightly report as differing from their seeded history).
  const lookups = await publicLookupRows(gateway.url, trackingDb, e);
  problems.push(...lookups.problems);
  // SKM (issue 11), last: surveys starts only now, so it weighs on none of the rows before.
  say('\n▶ starting surveys');
  const surveys = await startService('surveys');
  const skm = await skmRows(gateway.url, c);
  say(`  ${skm.summary.replace(/\*/g, '')}`);
  problems.push(...skm.problems);
  // The floor (issue 12), after: the queue starts only now, and intake (the catalog its lines
  // are checked against) and the gateway are the ones the rows above used.
  say('\n▶ starting the queue');
  const queue = await startService('queue');
  const floor = await queueRows(gateway.url, b, c);
  say(`  ${floor.summary.replace(/\*/g, '')}`);
  problems.push(...floor.problems);

  const logLines = [intake, tracking, agency, gateway, surveys, queue].flatMap(logSummary);

  // Report.
  const rows: Row[] = [
    rowOf(a, 200, { ratio: 'baseline', latencyRatio: 'baseline' }),
    rowOf(b, 200, {
      ratio: `baseline · ${times(b.rps, a.rps)} (a)`,
      latencyRatio: `baseline · ${times(b.p99, a.p99)} (a)`,
    }),
    rowOf(c, 200, {
      ratio: `baseline · ${times(c.rps, a.rps)} (a)`,
      latencyRatio: `baseline · ${times(c.p99, a.p99)} (a)`,
    }),
    rowOf(e, 200, {
      ratio: `baseline · ${times(e.rps, b.rps)} (b)`,
      latencyRatio: `baseline · ${times(e.p99, b.p99)} (b)`,
    }),
    rowOf(
      post,
      201,
      compare(post, [
        ['(c)', c],
        ['(a)', a],
      ]),
    ),
    rowOf(uncheckedPost, 201, compare(uncheckedPost, [['(c)', c]])),
    rowOf(authenticatedPost, 201, compare(authenticatedPost, [['(d)', uncheckedPost]])),
    rowOf(
      idempotentPost,
      201,
      compare(idempotentPost, [['authenticated POST, same procedure', authenticatedPost]]),
    ),
    rowOf(
      bundlePost,
      201,
      compare(bundlePost, [
        ['authenticated POST /v1/applications, same procedure', authenticatedPost],
      ]),
    ),
    rowOf(get, 200, compare(get, [['(b)', b]])),
    rowOf(routed, 200, compare(routed, [['(b)', b]])),
    rowOf(nib, 200, compare(nib, [['(c)', c]])),
    rowOf(
      bigSaturated,
      200,
      compare(bigSaturated, [
        ['(b)', b],
        ['limit=1 on the few cases before', routed],
      ]),
    ),
    ...bigQueueRuns.map((r) => rowOf(r, 200, compare(r, [['(b)', b]]))),
    ...(
      [
        ['SUBMITTED', live.submitted],
        ['VERIFYING (pushed)', live.verifying],
      ] as const
    ).map(([entry, at]): Row => ({
      target: `submit → visible in tracking: POST → ${entry} on the live stream, ${LIVE_RATE}/s steady`,
      rps: fmtRate(live.n / DURATION_S),
      p50: fmtMs(at.p50),
      p99: fmtMs(at.p99),
      errors: live.failures.length === 0 ? '0' : `**${live.failures.length} failed**`,
      ratio: '—',
      latencyRatio: `${times(at.p99, b.p99)} (b)`,
      cpu: '—',
      other: '—',
    })),
    rowOf(lookups.nats, 200, compare(lookups.nats, [['(e)', e]])),
    rowOf(lookups.paced, 200, compare(lookups.paced, [['(e)', e]])),
    rowOf(
      lookups.http,
      200,
      compare(lookups.http, [
        ['(b)', b],
        ['NATS lookup', lookups.nats],
      ]),
    ),
    webhooks.row,
    rebuild.row,
    ...skm.rows,
    ...floor.rows,
    {
      target:
        'drain: POST run start → all VERIFYING (applications/s; latency submitted → VERIFYING)',
      rps: fmtRate(drainRate),
      p50: fmtMs(e2e.p50),
      p99: fmtMs(e2e.p99),
      errors: drain.done ? '0' : `**TIMED OUT: ${stored - drained} not VERIFYING**`,
      ratio: `${times(drainRate, post.rps)} POST`,
      latencyRatio: `${times(e2e.p99, post.p99)} POST`,
      cpu: '—',
      other: '—',
    },
  ];
  const table = markdownTable(rows);
  const runDetails = [
    a,
    b,
    c,
    postWarmup,
    post,
    uncheckedPost,
    authenticatedPost,
    idempotentPost,
    bundlePost,
    get,
    routed,
    bigSaturated,
    ...bigQueueRuns,
    e,
    lookups.nats,
    lookups.paced,
    lookups.http,
    ...floor.runs,
  ].map(
    (r) =>
      `- ${r.target}${r === postWarmup ? ' (warm-up)' : ''}: ${r.expected} expected responses, statuses ${JSON.stringify(r.statusCounts)}, ` +
      `${r.errors} errors; CPU ${r.cpuMsPerResponse.toFixed(2)} ms per response; machine CPU ${(r.machineBusy * 100).toFixed(0)}% busy; CPU in cores: ` +
      (r.processCores.length > 0
        ? describeCores(r.processCores)
        : `load generator ${r.generatorCores.toFixed(2)}`),
  );
  const banner =
    problems.length > 0
      ? [
          '',
          '> **⚠ THIS RUN HAD ERRORS; its figures are not comparable:**',
          ...problems.map((p) => `> - ${p}`),
          '',
        ]
      : [];
  const markdown = [
    '# SatuPintu bench: latest run',
    '',
    `- date: ${startedAt.toISOString()} (took ${seconds(Date.now() - startedAt.getTime())})`,
    `- node: ${process.version}; CPUs: ${availableParallelism()} × ${cpus()[0]?.model ?? '?'}; load average at start ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
    ...(PROFILE
      ? [
          '- **BENCH_PROFILE=1: the services were CPU-profiled during the POST run, so its figures are perturbed**',
        ]
      : []),
    `- run ${runId}; services at LOG_LEVEL=${env.LOG_LEVEL}; autocannon in the bench process, ${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s per target`,
    ...banner,
    '',
    table,
    '',
    `Token verification (verified vs unchecked token, same POST, same procedure): ${(verificationCost * 100).toFixed(1)}% of throughput ` +
      `(${fmtRate(authenticatedPost.rps)} vs ${fmtRate(uncheckedPost.rps)} req/s; p99 ${fmtMs(authenticatedPost.p99)} vs ${fmtMs(uncheckedPost.p99)} ms). ` +
      'Both gateways count rate limits in NATS KV alike; the baseline differs only by BENCH_UNVERIFIED_TOKENS (no signature or claim check).',
    '',
    `Idempotency-Key (a new key on every request vs none, same POST, same procedure): ${(idempotencyCost * 100).toFixed(1)}% of throughput ` +
      `(${fmtRate(idempotentPost.rps)} vs ${fmtRate(authenticatedPost.rps)} req/s; p99 ${fmtMs(idempotentPost.p99)} vs ${fmtMs(authenticatedPost.p99)} ms).`,
    '',
    workQueueSummary,
    '',
    liveSummary,
    lookups.summary,
    '',
    webhooks.summary,
    '',
    rebuild.summary,
    '',
    skm.summary,
    '',
    floor.summary,
    '',
    'Ratios: req/s of the target ÷ req/s of the baseline (1.00× = as fast as the baseline); p99 of the target ÷ p99 of the baseline (how many times slower the tail is). ' +
      'CPU ms/resp: CPU time of the target’s own processes (for the system: all four services, including agency and tracking consuming meanwhile) per response. ' +
      'Other load: cores used during the run by processes that are neither this bench’s nor PostgreSQL or NATS (other users of the machine); ratios between rows with very different other load are suspect.',
    '',
    '## Drain',
    '',
    `- before the POST run: ${describeSnapshot(before)}`,
    `- when it ended (${seconds(postEnd - postStart)}): ${describeSnapshot(atEnd)}`,
    `- rates during the POST run: ${stageRates(before, atEnd)}`,
    `- ${drain.done ? 'drained' : 'NOT drained'} ${seconds(drainEnd - postEnd)} after it ended: ${describeSnapshot(drain.last)}`,
    ...(drainCores.length > 0
      ? [`- CPU by process while draining after the POST run (cores): ${describeCores(drainCores)}`]
      : []),
    `- stages: intake outbox empty ${stage(drain.stages.intakeOutboxEmpty)}; agency cases caught up ${stage(drain.stages.agencyCases)}; tracking SUBMITTED caught up ${stage(drain.stages.submitted)}`,
    `- ${drained} applications VERIFYING in ${seconds(drainEnd - postStart)} from the start of the POST run = ${fmtRate(drainRate)}/s (POST accepted ${fmtRate(post.expected / DURATION_S)}/s)`,
    `- submitted → VERIFYING recorded by tracking: p50 ${fmtMs(e2e.p50)} ms, p99 ${fmtMs(e2e.p99)} ms, max ${fmtMs(e2e.max)} ms over ${e2e.n} applications`,
    ...notes.map((n) => `- ${n}`),
    '',
    '## PostgreSQL connections of this run (average count × database: state (wait event))',
    '',
    'During the POST run:',
    '',
    '```',
    ...postActivity,
    '```',
    '',
    'While draining after it:',
    '',
    '```',
    ...drainActivity,
    '```',
    '',
    ...(profiles.length > 0
      ? [
          '## CPU profiles of the services during the POST run (self time)',
          '',
          '```',
          ...profiles,
          '```',
          '',
        ]
      : []),
    '## Runs',
    '',
    ...runDetails,
    '',
    '## Counters after the drain (non-zero)',
    '',
    '```',
    ...(handled.length > 0 ? handled : ['(none)']),
    '```',
    '',
    `## What the services logged (LOG_LEVEL=${env.LOG_LEVEL}; the last 1000 output lines of each)`,
    '',
    '```',
    ...(logLines.length > 0 ? logLines : ['(nothing)']),
    '```',
    '',
  ].join('\n');

  mkdirSync(join('bench', 'results'), { recursive: true });
  writeFileSync(join('bench', 'results', 'latest.md'), markdown);
  say('\n' + table + '\n');
  if (logLines.length > 0)
    say(`service logs at ${env.LOG_LEVEL}:\n  ${logLines.slice(0, 20).join('\n  ')}`);
  say('written to bench/results/latest.md');
  if (problems.length > 0) {
    say(`\n${'!'.repeat(78)}\n!!! THIS BENCH RUN HAD ERRORS; its figures are not comparable:`);
    for (const p of problems) say(`!!! - ${p}`);
    say('!'.repeat(78));
    return 1;
  }
  return 0;
}

guard.run(main);
