/**
 * `npm run chaos`: a bounded fault matrix against the whole system under a steady load. Each row
 * injects one fault (a service killed, NATS stopped or killed, PostgreSQL restarted) while
 * applications keep arriving, then counts what was acknowledged, lost, processed twice or
 * refused, how long the system took to recover and whether it needed help. It runs its own
 * PostgreSQL and nats-server on 127.0.0.1, never the machine's shared ones. See chaos/README.md.
 */
import {
  RunGuard,
  type SupervisedProcess,
  type SupervisorEvent,
  Supervisor,
  boundedStep,
  checkReady,
  describeSupervisorEvent,
  freePort,
} from '@satupintu/process';
import { FakeOss, NatsServer, demoNibExample, newRunId } from '@satupintu/testing';
import { DEMO_ACCOUNTS, demoOfficerUsername } from '../apps/identity/src/demo/demo-accounts';
import {
  type WriteStream,
  chmodSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { DEMO_AGENCIES, DEMO_SERVICES } from '@satupintu/demo';
import {
  type ServiceSpec,
  planServices,
  serviceEnv,
  serviceProcessSpec,
} from '../scripts/launcher/service-plan';
import { plannedApplication, plannedSubmission } from './lib/applicants';
import { type Acknowledged, type AuditResult, Auditor, handledTwice } from './lib/audit';
import { jetStreamBacklog } from './lib/backlog';
import { type Fault, faultMatrix, selectFaults } from './lib/faults';
import { OwnPostgres, assertLoopback } from './lib/infrastructure';
import {
  type Sent,
  SteadyLoad,
  acknowledgedOf,
  describeFailures,
  firstAnswersOverTime,
  describeRetries,
  receiptOf,
  sampleFailures,
  servedBetween,
  submit,
} from './lib/load';
import { logKey } from './lib/log-summary';
import { type RowResult, markdownTable, rowFailed } from './lib/report';
import { LiveFollowers, describeEndings, judgeLive } from './lib/live';
import { judgeOssReports, reportsOwed } from './lib/oss-case';
import { CaseWalks, type Walk, describeWalks } from './lib/walks';
import { clientCaller } from './lib/client-caller';
import {
  SurveysFlow,
  type SurveysSent,
  describeSurveys,
  issuedOf,
  judgeSurveys,
} from './lib/surveys-flow';
import {
  FLOOR_AGENCY,
  FLOOR_COUNTERS,
  FLOOR_LINES,
  FloorFlow,
  describeFloor,
  judgeFloor,
} from './lib/floor-flow';
import { INSECURE_DEVELOPMENT_PAYMENT_SECRET } from '../apps/agency/src/config';

const RATE_PER_S = Number(process.env.CHAOS_RATE ?? 40);
const CLIENT_TIMEOUT_MS = 6000;
/** Cases walked from VERIFYING to ISSUED per second, beside the submissions. */
const WALKS_PER_S = Number(process.env.CHAOS_WALKS ?? 2);
/** Walked cases a row follows over server-sent events, from their first step until after the drain. */
const LIVE_FOLLOWERS = Number(process.env.CHAOS_LIVE ?? 4);
/** Kiosk SKM responses and anonymous complaints per second (half each), beside the load. */
const SURVEYS_PER_S = Number(process.env.CHAOS_SURVEYS ?? 2);
/** Kiosk tickets per second on the mall floor, called and served by two officers, beside the load. */
const FLOOR_PER_S = Number(process.env.CHAOS_FLOOR ?? 2);
/** The walks' agency and service: the demo's one with a fee (assessed per case). */
const WALK_AGENCY = 'PUPR';
const WALK_SERVICE = 'PUPR-PBG';
const OSS_USER_KEY = 'chaos-user-key';
const OSS_CREDENTIALS = { username: 'OSS-CHAOS', password: 'chaos-password' };
/** How long after the drain the fake OSS may still be receiving a walked case's reports. */
const OSS_REPORTS_BOUND_MS = 60_000;
const BEFORE_FAULT_MS = 5000;
/** Load goes on this long once the system has recovered. */
const AFTER_RECOVERY_MS = 5000;
const RECOVERY_BOUND_MS = 60_000;
const DRAIN_BOUND_MS = 60_000;
const START_BOUND_MS = 120_000;
/** Whatever happens, the run ends (and cleans up) by then. */
const WATCHDOG_MS = Number(process.env.CHAOS_WATCHDOG_MIN ?? 15) * 60_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------------------------
// This run: its own databases and namespace on its own servers, its logs in chaos/results/<id>.

const root = join(__dirname, '..', '..');
process.chdir(root);
const runId = newRunId();
const prefix = `spchaos_${runId}`;
const namespace = `c${runId}`;
const logLevel = process.env.CHAOS_LOG_LEVEL ?? 'warn';
const resultsDir = join(root, 'chaos', 'results', runId);
mkdirSync(resultsDir, { recursive: true });

const logs = new Map<string, WriteStream>();
function logFile(name: string): WriteStream {
  let stream = logs.get(name);
  if (!stream) {
    stream = createWriteStream(join(resultsDir, `${name}.log`), { flags: 'a' });
    logs.set(name, stream);
  }
  return stream;
}

const shout = (line = '') => {
  process.stdout.write(`${line}\n`);
  logFile('harness').write(`${new Date().toISOString()} ${line}\n`);
};
/** Progress of the run; quiet once it is interrupted, when only clean-up speaks. */
const say = (line = '') => (guard.interrupted ? undefined : shout(line));

// ---------------------------------------------------------------------------------------------
// Everything the run starts, so that cleanup can stop it: on success, failure, Ctrl-C, watchdog.

let tempDir: string | undefined;
let nats: NatsServer | undefined;
let postgres: OwnPostgres | undefined;
let auditor: Auditor | undefined;
let load: SteadyLoad | undefined;
let surveysFlow: SurveysFlow | undefined;
let floorFlow: FloorFlow | undefined;
/** OSS RBA, as the tests fake it: it sends each row's NIB and receives the reports. */
let fakeOss: FakeOss | undefined;
const supervisor = new Supervisor({ onEvent: onSupervisorEvent });

async function cleanup(): Promise<void> {
  await boundedStep('stopping the load', CLIENT_TIMEOUT_MS + 2000, load?.stop(), shout);
  await boundedStep('stopping the surveys', CLIENT_TIMEOUT_MS + 2000, surveysFlow?.stop(), shout);
  // An officer finishes the ticket at its counter: a call and a served, each with its retries.
  await boundedStep('stopping the floor', 8 * CLIENT_TIMEOUT_MS, floorFlow?.stop(), shout);
  await boundedStep('stopping services', 20_000, supervisor.stopAll({ graceMs: 10_000 }), shout);
  await boundedStep('closing database pools', 5000, auditor?.close(), shout);
  await boundedStep('stopping the fake OSS', 5000, fakeOss?.stop(), shout);
  await boundedStep('stopping nats-server', 15_000, nats?.takeDown('SIGTERM'), shout);
  await boundedStep('stopping PostgreSQL', 30_000, postgres?.stop(), shout);
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  shout(
    `cleanup: stopped ${supervisor.processes.length} services, nats-server and PostgreSQL; removed ${tempDir ?? 'nothing'}`,
  );
  await Promise.all(
    [...logs.values()].map((stream) => new Promise((resolve) => stream.end(resolve))),
  );
}

const guard = new RunGuard({ name: 'chaos', watchdogMs: WATCHDOG_MS, cleanup, report: shout });

// ---------------------------------------------------------------------------------------------
// What happens during a row: restarts by the supervisor, and what the services logged.

interface RowWatch {
  restarts: Map<string, number>;
  /** `intake: error unhandled error (connection terminated)` → how often. */
  logLines: Map<string, number>;
}
let watching: RowWatch | undefined;

function onSupervisorEvent(event: SupervisorEvent): void {
  say(`    ${describeSupervisorEvent(event)}`);
  if (watching && event.type === 'restarted' && !event.requested) {
    watching.restarts.set(event.name, (watching.restarts.get(event.name) ?? 0) + 1);
  }
}

function onServiceLine(service: string, line: string): void {
  logFile(service).write(`${line}\n`);
  if (!watching) return;
  const key = logKey(service, line);
  watching.logLines.set(key, (watching.logLines.get(key) ?? 0) + 1);
}

// ---------------------------------------------------------------------------------------------
// The system: every service `npm start` runs, under the supervisor, on free ports.

interface Running {
  member: SupervisedProcess;
  readyUrl: string;
}
const running: Running[] = [];
let gatewayUrl = '';
/**
 * The load submits as the demo national portal does, for the applicant each application names;
 * the surveys flow answers SKM as the demo kiosk does (`lib/client-caller.ts`).
 */
const [PORTAL, KIOSK] = DEMO_ACCOUNTS.clients;
const asPortal = clientCaller(() => gatewayUrl, PORTAL, CLIENT_TIMEOUT_MS);
const asKiosk = clientCaller(() => gatewayUrl, KIOSK, CLIENT_TIMEOUT_MS);
let applications = 0;
const nextApplication = () => plannedSubmission(applications++);
/** The next application of the run that is for `serviceCode` (each still with a NIK of its own). */
function nextApplicationFor(serviceCode: string) {
  while (DEMO_SERVICES[applications % DEMO_SERVICES.length].code !== serviceCode) applications++;
  return plannedApplication(applications++);
}
/**
 * Cases at VERIFYING that the walks take, oldest first: the walk service's applications
 * acknowledged in earlier rows (and before the first), whose case the agency has by now.
 */
const walkable: { applicationId: string; trackingNo: string }[] = [];

/** The walk service's acknowledged applications among `sent`. */
function walkableOf(sent: readonly Sent[]): { applicationId: string; trackingNo: string }[] {
  return sent.flatMap(({ receipt, planned }) =>
    receipt && 'serviceCode' in planned.body && planned.body.serviceCode === WALK_SERVICE
      ? [receipt]
      : [],
  );
}

/** `GET /v1/agencies/{code}/history-check` as the agency's admin. */
/**
 * A case that comes from OSS, for the row's walks to take first: OSS sends a NIB of its own
 * (the PIA's example filled in as the demo's, through the gateway with its Token), whose PBG
 * permit opens a PUPR-PBG application; answered once the agency has it at VERIFYING.
 */
async function openOssCase(): Promise<{
  applicationId: string;
  trackingNo: string;
  idIzin: string;
}> {
  const nib = `8${String(Date.now()).slice(-12)}`;
  const idIzin = `${nib}-PBG`;
  const receiveNib = `${gatewayUrl}/v1/oss/receiveNIB`;
  assertLoopback(receiveNib, 'the gateway');
  const sent = await FakeOss.sendNib(
    receiveNib,
    JSON.stringify(demoNibExample(nib)),
    OSS_CREDENTIALS,
  );
  if (sent.status !== 200) throw new Error(`receiveNIB answered ${sent.status}: ${sent.body}`);
  const bound = Date.now() + 30_000;
  while (Date.now() < bound) {
    const opened = await auditor!.ossPermitOpened(nib, idIzin);
    if (opened && (await auditor!.caseStatus(WALK_AGENCY, opened.applicationId)) === 'VERIFYING')
      return { ...opened, idIzin };
    await sleep(250);
  }
  throw new Error(`the OSS permit ${idIzin} did not reach VERIFYING within 30 s`);
}

/** What the fake OSS acknowledged of a permit, in order: its `kd_status`es, then `license`. */
function ossAcknowledged(idIzin: string): string[] {
  return fakeOss!
    .acknowledged()
    .map((call) => call.json as Record<string, Record<string, string>>)
    .filter((body) => (body.IZINSTATUS ?? body.IZINFINAL)?.id_izin === idIzin)
    .map((body) => (body.IZINSTATUS ? body.IZINSTATUS.kd_status : 'license'));
}

async function historyCheck(
  agencyCode: string,
): Promise<{ cases: number; records: number; broken: unknown[] }> {
  const admin = await officerSignIn(agencyCode, 'AGENCY_ADMIN');
  const response = await fetch(`${gatewayUrl}/v1/agencies/${agencyCode}/history-check`, {
    headers: await admin(),
    signal: AbortSignal.timeout(60_000),
  });
  if (response.status !== 200) throw new Error(`answered ${response.status}`);
  return (await response.json()) as { cases: number; records: number; broken: unknown[] };
}

/** An officer's sign-in, asked once per row (a row is far shorter than a token's life). */
function officerSignIn(
  agencyCode: string,
  role: 'FRONT_DESK' | 'VERIFIER' | 'APPROVER' | 'AGENCY_ADMIN',
) {
  return signIn(demoOfficerUsername(agencyCode, role));
}

/** A demo officer's sign-in by username, with the demo officers' password. */
async function signIn(identifier: string) {
  const response = await fetch(`${gatewayUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier, password: DEMO_ACCOUNTS.officerPassword }),
    signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
  });
  if (response.status !== 200) throw new Error(`${identifier} sign-in answered ${response.status}`);
  const { access_token: token } = (await response.json()) as { access_token: string };
  const headers = { authorization: `Bearer ${token}` };
  return () => Promise.resolve(headers);
}

/**
 * The floor the rows' floor flow works, set up once as the mall's admin does it through the
 * gateway: its lines over DUKCAPIL's services and a counter per officer.
 */
async function setUpFloor(): Promise<void> {
  const admin = await signIn(DEMO_ACCOUNTS.mallOfficers[0].username);
  const put = async (path: string, body: unknown) => {
    const response = await fetch(`${gatewayUrl}/v1/queue${path}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...(await admin()) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
    });
    if (response.status !== 200)
      throw new Error(`PUT /v1/queue${path} answered ${response.status}: ${await response.text()}`);
  };
  for (const line of FLOOR_LINES)
    await put(`/lines/${line.prefix}`, {
      agencyCode: FLOOR_AGENCY,
      name: `Chaos ${line.prefix}`,
      serviceCodes: line.serviceCodes,
      active: true,
    });
  for (const code of FLOOR_COUNTERS)
    await put(`/counters/${code}`, {
      agencyCode: FLOOR_AGENCY,
      name: `Loket ${code}`,
      active: true,
    });
}

async function startServices(databaseUrl: string, natsUrl: string): Promise<void> {
  const planned = planServices(0, DEMO_AGENCIES);
  const specs: ServiceSpec[] = await Promise.all(
    planned.map(async (spec) => ({ ...spec, port: await freePort() })),
  );
  const inherited: NodeJS.ProcessEnv = {
    ...process.env,
    DB_PREFIX: prefix,
    SP_NAMESPACE: namespace,
    LOG_LEVEL: logLevel,
    // The whole load is one caller (the portal) at 40 requests a second: the matrix measures
    // faults, not the per-caller limit, which would refuse most of it.
    RATE_LIMIT_PER_CALLER: '1000000',
    // OSS RBA is the fake of the tests: it sends receiveNIB with these credentials and takes the
    // reports with this key.
    OSS_BASE_URL: fakeOss!.baseUrl(),
    OSS_USER_KEY: OSS_USER_KEY,
    OSS_USERNAME: OSS_CREDENTIALS.username,
    OSS_PASSWORD: OSS_CREDENTIALS.password,
    OSS_FILE_HOSTS: new URL(fakeOss!.baseUrl()).host,
  };
  // The demo catalog is what the load applies to, whatever the caller's environment says.
  delete inherited.DEMO_SEED;
  const shared = { DATABASE_URL: databaseUrl, NATS_URL: natsUrl, HTTP_HOST: '127.0.0.1' };
  for (const spec of specs) {
    // Created now, so that an empty file says the service logged nothing.
    logFile(spec.name);
    const readyUrl = `http://127.0.0.1:${spec.port}/health/ready`;
    assertLoopback(readyUrl, spec.name);
    const member = supervisor.start({
      ...serviceProcessSpec(spec, root, serviceEnv(spec, inherited, shared)),
      onLine: (line) => onServiceLine(spec.name, line),
    });
    running.push({ member, readyUrl });
    if (spec.name === 'gateway') gatewayUrl = `http://127.0.0.1:${spec.port}`;
  }
  await Promise.all(
    running.map(({ member, readyUrl }) => member.waitReady(readyUrl, START_BOUND_MS)),
  );
}

async function allReady(): Promise<boolean> {
  const checks = await Promise.all(running.map(({ readyUrl }) => checkReady(readyUrl, 2000)));
  return checks.every((check) => check.ready);
}

async function notReady(): Promise<string[]> {
  const checks = await Promise.all(
    running.map(async ({ member, readyUrl }) => ({
      name: member.name,
      check: await checkReady(readyUrl, 2000),
    })),
  );
  return checks.flatMap(({ name, check }) => (check.ready ? [] : [`${name} (${check.detail})`]));
}

/** Ready everywhere and one application accepted: the state every row starts from. */
async function healthy(): Promise<boolean> {
  if (!(await allReady())) return false;
  const probe = await submit(applicationsUrl(), nextApplication(), CLIENT_TIMEOUT_MS, asPortal);
  return probe.receipt !== undefined;
}

const applicationsUrl = () => `${gatewayUrl}/v1/applications`;

async function waitHealthy(boundMs: number): Promise<boolean> {
  const deadline = Date.now() + boundMs;
  while (!guard.interrupted) {
    if (await healthy()) return true;
    if (Date.now() > deadline) return false;
    await sleep(1000);
  }
  return false;
}

/** The harness's help: every service stopped and started again, then ready. */
async function restartEverything(): Promise<void> {
  say('    the harness restarts every service');
  await Promise.all(running.map(({ member }) => member.restart({ graceMs: 10_000 })));
  await Promise.all(
    running.map(({ member, readyUrl }) => member.waitReady(readyUrl, START_BOUND_MS)),
  ).catch((error: unknown) =>
    say(`    ! ${error instanceof Error ? error.message : String(error)}`),
  );
}

// ---------------------------------------------------------------------------------------------
// One row.

interface RowDetails {
  result: RowResult;
  timeline: string[];
  /** The first answer of each kind but a receipt, as the client saw it. */
  answers: string[];
  audit: string[];
  logLines: [string, number][];
}

/** Takes the fault away again where that is the harness's part; answers when it ended. */
async function inject(fault: Fault, mark: (what: string) => void): Promise<number> {
  const { action } = fault;
  switch (action.kind) {
    case 'kill': {
      const target = running.find(({ member }) => member.name === action.service);
      if (!target) throw new Error(`no service ${action.service} to kill`);
      mark(`SIGKILL ${action.service} (pid ${target.member.current.pid ?? '?'})`);
      target.member.signal('SIGKILL');
      return Date.now();
    }
    case 'nats': {
      mark(`${action.signal} nats-server`);
      await nats!.takeDown(action.signal);
      mark(`nats-server down; starting it again in ${seconds(action.downMs)}`);
      await sleep(action.downMs);
      await nats!.startAgain();
      mark('nats-server answers again');
      return Date.now();
    }
    case 'postgres-restart': {
      mark('stopping PostgreSQL (fast shutdown)');
      await postgres!.stop();
      mark('PostgreSQL stopped; starting it');
      await postgres!.startAgain();
      mark('PostgreSQL accepts connections again');
      return Date.now();
    }
  }
}

/** Until POSTs succeed again and every service is ready; the seconds that took, or undefined. */
async function waitRecovered(load: SteadyLoad, faultEnd: number): Promise<number | undefined> {
  const deadline = faultEnd + RECOVERY_BOUND_MS;
  while (Date.now() < deadline && !guard.interrupted) {
    const now = Date.now();
    // Only requests sent after the fault ended: one sent into it may still fail late.
    if (servedBetween(load.sent, Math.max(faultEnd, now - 2000), now - 500) && (await allReady())) {
      return (Date.now() - faultEnd) / 1000;
    }
    await sleep(500);
  }
  return undefined;
}

/** Until nothing is in flight (outboxes empty, JetStream consumers caught up) and nothing is lost. */
async function drain(
  acknowledged: Acknowledged[],
  walks: readonly Walk[] = [],
  surveys?: SurveysSent,
): Promise<{ audit: AuditResult; drainedMs?: number; backlog: string[] }> {
  const started = Date.now();
  const deadline = started + DRAIN_BOUND_MS;
  const issued = issuedOf(walks);
  for (;;) {
    const late = Date.now() > deadline || guard.interrupted;
    try {
      const [submitted, walked, surveyed, outbox, jetstream] = await Promise.all([
        auditor!.audit(acknowledged),
        auditor!.auditWalks(WALK_AGENCY, walks),
        surveys
          ? auditor!.surveys(surveys, issued).then((found) => judgeSurveys(surveys, issued, found))
          : { lost: 0, twice: 0, reasons: [] },
        auditor!.outboxRows(),
        jetStreamBacklog(nats!.url, namespace),
      ]);
      const audit: AuditResult = {
        lost: submitted.lost + walked.lost + surveyed.lost,
        twice: submitted.twice + walked.twice + surveyed.twice,
        reasons: [...submitted.reasons, ...walked.reasons, ...surveyed.reasons],
      };
      const backlog = [...outbox.details, ...jetstream.details];
      if (audit.lost === 0 && outbox.total === 0 && jetstream.pending === 0) {
        return { audit, drainedMs: Date.now() - started, backlog };
      }
      if (late) return { audit, backlog };
    } catch (error) {
      // PostgreSQL or NATS not back yet: that is what the bound is for.
      if (late) throw error;
    }
    await sleep(1000);
  }
}

async function runRow(fault: Fault): Promise<RowDetails> {
  const rowStart = Date.now();
  const timeline: string[] = [];
  const mark = (what: string) => {
    timeline.push(`+${seconds(Date.now() - rowStart)} ${what}`);
    say(`    ${what}`);
  };
  const notes: string[] = [];
  let helped = false;

  if (!(await waitHealthy(30_000))) {
    notes.push(
      `not healthy before the row (${(await notReady()).join(', ') || 'POST failed'}): the harness restarted every service first`,
    );
    await restartEverything();
    if (!(await waitHealthy(60_000)))
      throw new Error(`the system cannot be made healthy for ${fault.id}`);
  }
  const progressBefore = await auditor!.consumerCounts();
  const ossCase = await openOssCase();
  walkable.unshift({ applicationId: ossCase.applicationId, trackingNo: ossCase.trackingNo });
  watching = { restarts: new Map(), logLines: new Map() };

  load = new SteadyLoad({
    url: applicationsUrl(),
    perSecond: RATE_PER_S,
    timeoutMs: CLIENT_TIMEOUT_MS,
    next: nextApplication,
    authorize: asPortal,
    receiptOf,
  });
  const verifier = await officerSignIn(WALK_AGENCY, 'VERIFIER');
  const live = new LiveFollowers({ gatewayUrl, headers: verifier, max: LIVE_FOLLOWERS });
  const walks = new CaseWalks({
    gatewayUrl,
    agencyCode: WALK_AGENCY,
    perSecond: WALKS_PER_S,
    timeoutMs: CLIENT_TIMEOUT_MS,
    onWalk: (walk) => live.follow(walk.applicationId, walk.trackingNo),
    verifier,
    approver: await officerSignIn(WALK_AGENCY, 'APPROVER'),
    callbackSecret: INSECURE_DEVELOPMENT_PAYMENT_SECRET,
    amount: 1_500_000,
    take: () => walkable.shift(),
  });
  surveysFlow = new SurveysFlow({
    gatewayUrl,
    perSecond: SURVEYS_PER_S,
    timeoutMs: CLIENT_TIMEOUT_MS,
    run: `${runId}-${fault.id}`,
    kiosk: asKiosk,
  });
  const surveys = surveysFlow;
  const floorMark = await auditor!.floorMark();
  const [frontDesk, counterVerifier] = await Promise.all([
    officerSignIn(FLOOR_AGENCY, 'FRONT_DESK'),
    officerSignIn(FLOOR_AGENCY, 'VERIFIER'),
  ]);
  floorFlow = new FloorFlow({
    gatewayUrl,
    perSecond: FLOOR_PER_S,
    timeoutMs: CLIENT_TIMEOUT_MS,
    kiosk: asKiosk,
    officers: [
      { counterCode: FLOOR_COUNTERS[0], headers: frontDesk },
      { counterCode: FLOOR_COUNTERS[1], headers: counterVerifier },
    ],
    displayAfter: floorMark.lastEvent,
  });
  const floor = floorFlow;
  load.start();
  walks.start();
  surveys.start();
  floor.start();
  mark(
    `load: ${RATE_PER_S} POST /v1/applications per second; ${WALKS_PER_S} ${WALK_SERVICE} cases a second walked to ISSUED; ${SURVEYS_PER_S} surveys a second; ${FLOOR_PER_S} kiosk tickets a second, called and served at ${FLOOR_COUNTERS.length} counters, the display following`,
  );
  await sleep(BEFORE_FAULT_MS);
  const faultEnd = await inject(fault, mark);
  const recoverySeconds = await waitRecovered(load, faultEnd);
  if (recoverySeconds === undefined) {
    const unready = (await notReady()).join(', ');
    const afterFault = load.sent.filter((record) => record.sentAt >= faultEnd);
    notes.push(
      `not recovered: ${unready ? `not ready: ${unready}` : 'every /health/ready answered 200'}, ` +
        `POSTs after the fault ended: ${describeFailures(afterFault)}`,
    );
    mark(
      `not recovered ${seconds(RECOVERY_BOUND_MS)} after the fault ended (not ready: ${(await notReady()).join(', ') || 'none'})`,
    );
  } else {
    mark(`recovered ${recoverySeconds.toFixed(1)} s after the fault ended`);
    await sleep(AFTER_RECOVERY_MS);
  }
  await Promise.all([load.stop(), walks.stop(), surveys.stop(), floor.stop()]);
  surveysFlow = undefined;
  floorFlow = undefined;
  mark(`load stopped: ${load.sent.length} sent; ${describeWalks(walks.walks)}`);
  mark(`first answers from the fault's end on: ${firstAnswersOverTime(load.sent, faultEnd)}`);
  const loadResult = load;
  load = undefined;

  if (recoverySeconds === undefined) {
    helped = true;
    notes.push('the harness restarted every service, then drained');
    await restartEverything();
  }

  const acknowledged = acknowledgedOf(loadResult.sent);
  const drained = await drain(acknowledged, walks.walks, surveys.sent);
  walkable.push(...walkableOf(loadResult.sent));
  // Every case's history chain of the walks' agency, as its admin checks it (ADR 0019).
  const chains = await historyCheck(WALK_AGENCY).catch((error: unknown) => ({
    error: String(error),
  }));
  if ('error' in chains) notes.push(`history check failed: ${chains.error}`);
  else {
    notes.push(
      `${WALK_AGENCY} history: ${chains.cases} cases, ${chains.records} records, ${chains.broken.length} broken`,
    );
    if (chains.broken.length > 0) {
      drained.audit.lost += chains.broken.length;
      drained.audit.reasons.push(
        `${WALK_AGENCY} history chains broken: ${chains.broken.length} (${JSON.stringify(chains.broken.slice(0, 3))})`,
      );
    }
  }
  mark(
    drained.drainedMs === undefined
      ? `not drained ${seconds(DRAIN_BOUND_MS)} later: ${drained.backlog.join('; ') || 'applications missing'}`
      : `drained in ${seconds(drained.drainedMs)}`,
  );
  if (drained.drainedMs === undefined) notes.push(`not drained within ${seconds(DRAIN_BOUND_MS)}`);
  const progress = handledTwice(progressBefore, await auditor!.consumerCounts());
  await Promise.all([live.settle(), floor.settle()]);
  const floorAudit = judgeFloor(
    {
      sent: floor.sent,
      calls: floor.calls,
      display: floor.display,
      displayAfter: floorMark.lastEvent,
    },
    await auditor!.floor(floor.sent, floor.calls, floorMark),
  );
  const followedLive = judgeLive(
    live.followed,
    await auditor!.lastRecorded(live.followed.map((followed) => followed.applicationId)),
  );
  notes.push(
    `live: ${live.followed.length} walked cases followed over server-sent events, ` +
      `${live.followed.reduce((n, followed) => n + followed.resumes, 0)} resumes with Last-Event-ID ` +
      `(connections ended: ${describeEndings(live.followed)}), ` +
      `${followedLive.late} cases handed an entry only by the resume after the row`,
  );

  // The walked OSS case: every report it owes OSS acknowledged once, in order.
  const ossWalk = walks.walks.find((walk) => walk.applicationId === ossCase.applicationId);
  const owed = reportsOwed(ossWalk);
  const reportsBound = Date.now() + OSS_REPORTS_BOUND_MS;
  while (Date.now() < reportsBound && new Set(ossAcknowledged(ossCase.idIzin)).size < owed)
    await sleep(500);
  const ossReports = judgeOssReports(ossAcknowledged(ossCase.idIzin), owed);
  notes.push(
    `OSS case ${ossCase.trackingNo} (${ossCase.idIzin}): ${ossWalk ? 'walked' : 'not walked'}, ` +
      `OSS acknowledged ${ossAcknowledged(ossCase.idIzin).join(' ') || 'nothing'} (owed ${owed})`,
  );

  const watched = watching;
  watching = undefined;
  const target = fault.action.kind === 'kill' ? fault.action.service : undefined;
  const extraRestarts = [...watched.restarts].flatMap(([name, count]) => {
    const extra = name === target ? count - 1 : count;
    return extra > 0 ? [`${name} ×${extra}`] : [];
  });
  if (target)
    notes.push(`${target} restarted by the supervisor ×${watched.restarts.get(target) ?? 0}`);
  if (extraRestarts.length > 0)
    notes.push(`other restarts by the supervisor: ${extraRestarts.join(', ')}`);
  if (progress.events > 0) notes.push(`consumer_progress: ${progress.events} events handled twice`);
  notes.push(`walks: ${describeWalks(walks.walks)}`);
  notes.push(
    `surveys: ${describeSurveys(surveys.sent)}; ${issuedOf(walks.walks).length} walked cases ISSUED looked for in served cases`,
  );
  notes.push(`floor: ${describeFloor(floor)}`);
  const retries = describeRetries(loadResult.sent);
  if (retries !== '0') notes.push(`retried with their Idempotency-Key: ${retries}`);

  const result: RowResult = {
    fault,
    acknowledged: acknowledged.length,
    lost: drained.audit.lost + followedLive.lost + ossReports.lost + floorAudit.lost,
    twice:
      drained.audit.twice +
      progress.events +
      followedLive.twice +
      ossReports.twice +
      floorAudit.twice,
    failures: describeFailures(loadResult.sent),
    recoverySeconds,
    withoutHelp: recoverySeconds !== undefined && extraRestarts.length === 0 && !helped,
    notes,
  };
  return {
    result,
    timeline,
    answers: sampleFailures(loadResult.sent),
    audit: [
      ...drained.audit.reasons,
      ...followedLive.reasons,
      ...ossReports.reasons,
      ...floorAudit.reasons,
      ...progress.reasons,
      ...drained.backlog,
    ],
    logLines: [...watched.logLines].sort((a, b) => b[1] - a[1]),
  };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  if (!existsSync(join('dist', 'apps', 'gateway', 'src', 'main.js'))) {
    throw new Error('dist/ is missing: run the harness with `npm run chaos` (it builds first)');
  }
  const matrix = faultMatrix(planServices(0, DEMO_AGENCIES).map((spec) => spec.name));
  const faults = selectFaults(matrix, process.env.CHAOS_FAULTS);
  const startedAt = new Date();
  say(
    `SatuPintu chaos, run ${runId}: node ${process.version}, ${availableParallelism()} CPUs (${cpus()[0]?.model ?? '?'}), load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
  say(`rows: ${faults.map((fault) => fault.id).join(', ')}`);
  say(`logs in ${relative(root, resultsDir)}/`);

  tempDir = mkdtempSync(join(tmpdir(), `satupintu-chaos-${runId}-`));
  // PostgreSQL runs as the `postgres` user when this runs as root: it must enter the directory.
  chmodSync(tempDir, 0o755);
  say('▶ starting its own PostgreSQL and nats-server');
  postgres = await OwnPostgres.start(tempDir, (line) => logFile('postgres').write(`${line}\n`));
  nats = await NatsServer.start({
    dir: tempDir,
    onLine: (line) => logFile('nats').write(`${line}\n`),
  });
  assertLoopback(nats.url, 'its NATS');
  say(
    `  PostgreSQL ${postgres.url}, NATS ${nats.url}; databases ${prefix}_*, namespace ${namespace}`,
  );

  fakeOss = await new FakeOss(OSS_USER_KEY).start();
  assertLoopback(fakeOss.baseUrl(), 'the fake OSS');
  say(`  the fake OSS on ${fakeOss.baseUrl()}`);
  say(`▶ starting ${planServices(0, DEMO_AGENCIES).length} services at LOG_LEVEL=${logLevel}`);
  const t0 = Date.now();
  await startServices(postgres.url, nats.url);
  say(`  ready in ${seconds(Date.now() - t0)}`);
  const databases = [
    ...['intake', 'tracking', 'identity', 'surveys', 'oss', 'queue'].map((service) => [service]),
    ...DEMO_AGENCIES.map((agency) => ['agency', agency.code]),
  ];
  auditor = new Auditor(
    postgres.url,
    prefix,
    DEMO_AGENCIES.map((agency) => agency.code),
    databases,
  );

  // One application per service, all the way through, before any fault: the path works.
  say('▶ one application per demo service through the whole path');
  const probes = await Promise.all(
    DEMO_SERVICES.map(() =>
      submit(applicationsUrl(), nextApplication(), CLIENT_TIMEOUT_MS, asPortal),
    ),
  );
  const probed = acknowledgedOf(probes);
  const probeDrain = await drain(probed);
  if (probed.length < probes.length || probeDrain.drainedMs === undefined) {
    throw new Error(
      `the path does not work before any fault: ${describeFailures(probes)}; ${probeDrain.audit.reasons.join(', ')}`,
    );
  }
  say(`  ${probed.length} applications VERIFYING in ${seconds(probeDrain.drainedMs)}`);
  // Cases for the first row's walks; later rows walk what earlier rows' load submitted.
  const forWalks = await Promise.all(
    Array.from({ length: 60 }, () =>
      submit(applicationsUrl(), nextApplicationFor(WALK_SERVICE), CLIENT_TIMEOUT_MS, asPortal),
    ),
  );
  const walkDrain = await drain(acknowledgedOf(forWalks));
  if (walkDrain.drainedMs === undefined)
    throw new Error('the cases to walk did not reach VERIFYING');
  walkable.push(...walkableOf(forWalks));
  say(`  ${walkable.length} ${WALK_SERVICE} cases VERIFYING for the walks`);
  await setUpFloor();
  say(
    `  the floor: lines ${FLOOR_LINES.map((line) => line.prefix).join(', ')} over ${FLOOR_AGENCY}'s services, counters ${FLOOR_COUNTERS.join(', ')}`,
  );

  const rows: RowDetails[] = [];
  let stoppedAt: string | undefined;
  for (const fault of faults) {
    if (guard.interrupted) break;
    say(`\n▶ ${fault.title} (${fault.id})`);
    let row: RowDetails;
    try {
      row = await runRow(fault);
    } catch (error) {
      // The rows so far still make a report; the run fails for the rows it could not run.
      stoppedAt = `${fault.id}: ${error instanceof Error ? error.message : String(error)}`;
      say(`  !!! the matrix stops at ${stoppedAt}`);
      await Promise.all([load?.stop(), surveysFlow?.stop(), floorFlow?.stop()]);
      break;
    }
    rows.push(row);
    const r = row.result;
    say(
      `  ${rowFailed(r) ? 'FAILED' : 'ok'}: ${r.acknowledged} acknowledged, ${r.lost} lost, ${r.twice} twice, non-2xx ${r.failures}, ` +
        `recovered ${r.recoverySeconds === undefined ? 'not' : `in ${r.recoverySeconds.toFixed(1)} s`}${r.withoutHelp ? '' : ' (needed help)'}`,
    );
  }

  const table = markdownTable(
    rows.map((row) => row.result),
    RECOVERY_BOUND_MS / 1000,
  );
  const failed = rows.filter((row) => rowFailed(row.result));
  const progress = await auditor.consumerCounts().catch(() => undefined);
  const overHandled = [...(progress ?? [])].filter(([, { handled, inbox }]) => handled > inbox);
  const progressLine =
    progress === undefined
      ? 'consumer_progress: could not be read at the end'
      : progress.size === 0
        ? 'consumer_progress: no database has it yet, so only the tables above count what was processed twice'
        : `consumer_progress: ${progress.size} consumers compared with their inbox rows; ` +
          (overHandled.length === 0
            ? 'none handled more events than it recorded'
            : overHandled
                .map(
                  ([key, { handled, inbox }]) =>
                    `**${key}: ${handled} handled, ${inbox} inbox rows**`,
                )
                .join(', '));
  const markdown = [
    '# SatuPintu chaos: latest run',
    '',
    `- date: ${startedAt.toISOString()} (took ${seconds(Date.now() - startedAt.getTime())})`,
    `- node ${process.version}; ${availableParallelism()} CPUs × ${cpus()[0]?.model ?? '?'}`,
    `- run ${runId}: ${RATE_PER_S} POST /v1/applications per second, ${seconds(CLIENT_TIMEOUT_MS)} client timeout; ` +
      `${seconds(BEFORE_FAULT_MS)} of load before each fault, ${seconds(AFTER_RECOVERY_MS)} after recovery; ` +
      `recovery bound ${seconds(RECOVERY_BOUND_MS)}, drain bound ${seconds(DRAIN_BOUND_MS)}; services at LOG_LEVEL=${logLevel}`,
    `- rows: ${faults.map((fault) => fault.id).join(', ')}${process.env.CHAOS_FAULTS ? ` (CHAOS_FAULTS=${process.env.CHAOS_FAULTS})` : ''}`,
    `- logs: ${relative(root, resultsDir)}/ (one file per service, nats.log, postgres.log, harness.log)`,
    `- ${progressLine}`,
    ...(stoppedAt ? [`- **the matrix stopped at ${stoppedAt}**`] : []),
    '',
    table,
    '',
    'Lost: acknowledged (201) but missing from intake `applications`, from the owning agency `cases`, or without both SUBMITTED and VERIFYING in tracking `timeline_entries`. ' +
      'Processed twice: applications with more than one `applications` row, `START_VERIFICATION` record in the agency’s `case_history` or timeline entry per status, plus events a consumer handled beyond its inbox rows (`consumer_progress`, where a service has it). ' +
      'Seconds to recover: from the end of the fault (the kill; NATS or PostgreSQL answering again) until POSTs succeed and every /health/ready answers 200. ' +
      'Recovered without help: within the bound, with no restart but the killed service’s own.',
    '',
    ...rows.flatMap((row) => [
      `## ${row.result.fault.title} (${row.result.fault.id}): ${rowFailed(row.result) ? '**failed**' : 'ok'}`,
      '',
      ...row.timeline.map((line) => `- ${line}`),
      ...(row.answers.length > 0
        ? [
            '',
            'What the client was told (the first answer of each kind):',
            '',
            ...row.answers.map((line) => `- \`${line.replace(/`/g, "'")}\``),
          ]
        : []),
      ...(row.audit.length > 0 ? ['', 'Audit:', '', ...row.audit.map((line) => `- ${line}`)] : []),
      '',
      `What the services logged during the row (LOG_LEVEL=${logLevel}), most frequent first:`,
      '',
      '```',
      ...(row.logLines.length > 0
        ? row.logLines.slice(0, 15).map(([line, n]) => `${String(n).padStart(5)} × ${line}`)
        : ['(nothing)']),
      ...(row.logLines.length > 15 ? [`… and ${row.logLines.length - 15} more kinds of line`] : []),
      '```',
      '',
    ]),
  ].join('\n');
  writeFileSync(join('chaos', 'results', 'latest.md'), markdown);
  writeFileSync(join(resultsDir, 'report.md'), markdown);
  say(`\n${table}\n`);
  say(`written to chaos/results/latest.md (and ${relative(root, resultsDir)}/report.md)`);
  if (failed.length > 0 || rows.length < faults.length) {
    say(
      `\n!!! ${failed.length} of ${rows.length} rows failed: ${failed.map((row) => row.result.fault.id).join(', ')}`,
    );
    return 1;
  }
  return 0;
}

guard.run(main);
