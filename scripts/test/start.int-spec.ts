import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { isProcessAlive } from '@satupintu/process';
import { INSECURE_DEVELOPMENT_PAYMENT_SECRET } from '../../apps/agency/src/config';
import { DEMO_ACCOUNTS, demoOfficerUsername } from '../../apps/identity/src/demo/demo-accounts';
import { signPaymentCallback } from '@satupintu/domain';
import {
  anApplication,
  clientCredentialsToken,
  deleteNamespaceStreams,
  eventually,
  testEnvironment,
} from '@satupintu/testing';

/** The processes whose parent is `parentPid`, by the HTTP_PORT in their environment (Linux). */
function childrenByPort(parentPid: number): Map<number, number> {
  const byPort = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command may hold spaces and parentheses: the fields after the last `)` are plain.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== parentPid) continue;
      const environ = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      const port = environ.find((variable) => variable.startsWith('HTTP_PORT='));
      if (port) byPort.set(Number(port.slice('HTTP_PORT='.length)), Number(entry));
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return byPort;
}

/**
 * `npm start`, as a newcomer runs it after the build: every service up with the demo catalog, the
 * docs URL printed, the thin path working, a crashed service brought back while the rest keep
 * running, and Ctrl-C leaving nothing running.
 */
describe('npm start', () => {
  // Below the ephemeral range (32768+), where the free ports other suites take come from.
  const base = 20_000 + Math.floor(Math.random() * 120) * 100;
  const gateway = `http://127.0.0.1:${base}`;
  const dukcapilPort = base + 11;
  let launcher: ChildProcessByStdio<null, Readable, Readable>;
  let output = '';
  let exited: Promise<number | null>;
  /** The services as they ran once everything was ready: port → pid. */
  let firstPids = new Map<number, number>();
  // As on a fresh install: databases and a namespace nobody else has used, so the demo data loads.
  const env = testEnvironment();
  const own = { DB_PREFIX: `${env.DB_PREFIX}_start`, SP_NAMESPACE: `${env.SP_NAMESPACE}-start` };
  /** The demo portal's token, asked of identity as the banner says. */
  let authorization: { authorization: string };

  beforeAll(async () => {
    launcher = spawn(process.execPath, ['dist/scripts/start.js'], {
      env: { ...process.env, ...env, ...own, SP_BASE_PORT: String(base), NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: false,
    });
    launcher.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    launcher.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    exited = new Promise((resolve) => launcher.once('exit', (code) => resolve(code)));
    const deadline = Date.now() + 60_000;
    while (!output.includes(`${gateway}/docs`)) {
      if (launcher.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
      if (Date.now() > deadline) throw new Error(`not ready within 60 s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    firstPids = childrenByPort(launcher.pid!);
    const [portal] = DEMO_ACCOUNTS.clients;
    const { accessToken } = await eventually(() => clientCredentialsToken(gateway, portal));
    authorization = { authorization: `Bearer ${accessToken}` };
  });

  afterAll(async () => {
    if (launcher.exitCode === null && launcher.signalCode === null) {
      launcher.kill('SIGINT');
      await exited;
    }
    for (const pid of childrenByPort(launcher.pid!).values()) process.kill(pid, 'SIGKILL');
    await deleteNamespaceStreams(env.NATS_URL, own.SP_NAMESPACE);
  });

  it('brings the whole mall up and serves the thin path', async () => {
    expect([...firstPids.keys()].sort()).toEqual(
      [0, 1, 2, 3, 4, 5, 6, 10, 11, 12, 13].map((offset) => base + offset),
    );
    expect((await fetch(`${gateway}/health/ready`)).status).toBe(200);
    const doc = (await (await fetch(`${gateway}/docs-json`)).json()) as { openapi: string };
    expect(doc.openapi).toMatch(/^3\./);
    // How to sign in as each demo account is printed with the docs.
    expect(output).toContain('/v1/auth/login');
    expect(output).toContain(`${DEMO_ACCOUNTS.clients[0].clientId}:`);
    const response = await fetch(`${gateway}/v1/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authorization },
      body: JSON.stringify(anApplication({ serviceCode: 'PUPR-PBG' })),
    });
    // The body too: a refusal should say why in the test's report.
    expect({ status: response.status, body: await response.clone().text() }).toMatchObject({
      status: 201,
    });
  });

  /**
   * The walk README.md describes ("Walk a case to ISSUED"), as a newcomer does it through /docs
   * with the demo accounts: Siti applies for a building approval, PUPR's verifier asks for a
   * revision, Siti corrects, the verifier assesses the fee, the bank's callback pays it, the
   * approver approves and issues, and the number verifies.
   */
  it('lets the demo officers walk a case to ISSUED, with a revision and a payment', async () => {
    const signIn = async (identifier: string, password: string) => {
      const answer = await fetch(`${gateway}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ identifier, password }),
      });
      expect(answer.status).toBe(200);
      const { access_token } = (await answer.json()) as { access_token: string };
      return { authorization: `Bearer ${access_token}` };
    };
    const call = async (
      who: Record<string, string>,
      method: string,
      path: string,
      body?: unknown,
    ) => {
      const answer = await fetch(`${gateway}${path}`, {
        method,
        headers: {
          ...who,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(method === 'POST' ? { 'idempotency-key': crypto.randomUUID() } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await answer.text();
      return { status: answer.status, body: (text ? JSON.parse(text) : {}) as Answered };
    };
    /** The parts of the answers the walk reads. */
    interface Answered {
      trackingNo?: string;
      status?: string;
      payment?: { code: string };
      output?: { number: string; documentId: string };
      entries?: { status: string }[];
    }
    const [siti] = DEMO_ACCOUNTS.citizens;
    const citizen = await signIn(siti.email, siti.password);
    const officer = (role: 'VERIFIER' | 'APPROVER') =>
      signIn(demoOfficerUsername('PUPR', role), DEMO_ACCOUNTS.officerPassword);
    const [verifier, approver] = [await officer('VERIFIER'), await officer('APPROVER')];

    const submitted = await call(citizen, 'POST', '/v1/applications', {
      serviceCode: 'PUPR-PBG',
      form: {
        buildingFunction: 'HUNIAN',
        floorAreaM2: 120,
        floors: 2,
        siteAddress: 'Jl. Tegar Beriman No. 1, Cibinong',
        landCertificateNumber: '10.09.01.01.1.00123',
        phone: '+6281200000001',
      },
    });
    expect(submitted.status).toBe(201);
    const trackingNo = submitted.body.trackingNo as string;
    const move = (who: Record<string, string>, transition: Record<string, unknown>) =>
      call(who, 'POST', `/v1/agencies/PUPR/cases/${trackingNo}/transitions`, transition);
    // The agency takes the case up as it receives it; until then a move is a 404.
    const revision = await eventually(async () => {
      const answer = await move(verifier, {
        action: 'REQUEST_REVISION',
        reason: 'Jumlah lantai tidak sesuai gambar arsitektur',
        requirements: ['floors'],
      });
      expect(answer.status).toBe(200);
      return answer.body;
    }, 30_000);
    expect(revision).toMatchObject({ status: 'NEEDS_REVISION', paused: true });

    // Siti corrects once intake has followed the request (a moment: until then it is a 409).
    await eventually(async () => {
      const resubmitted = await call(citizen, 'POST', `/v1/applications/${trackingNo}/resubmit`, {
        form: { floors: 3 },
      });
      expect(resubmitted.status).toBe(200);
    }, 30_000);
    const assessed = await eventually(async () => {
      const answer = await move(verifier, { action: 'COMPLETE_VERIFICATION', amount: 1_500_000 });
      expect(answer.status).toBe(200);
      return answer.body;
    }, 30_000);
    expect(assessed).toMatchObject({
      status: 'AWAITING_PAYMENT',
      payment: {
        amount: 1_500_000,
        currency: 'IDR',
        code: expect.stringMatching(/^\d{18}$/) as string,
      },
    });

    // The bank, as README.md signs it with openssl: HMAC-SHA256 of `<timestamp>.<body>`.
    const body = JSON.stringify({
      paymentCode: assessed.payment!.code,
      amount: 1_500_000,
      paidAt: new Date().toISOString(),
      reference: 'BANK-DEMO-1',
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const paid = await fetch(`${gateway}/v1/agencies/PUPR/payments/callback`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'payment-timestamp': String(timestamp),
        'payment-signature': signPaymentCallback(
          INSECURE_DEVELOPMENT_PAYMENT_SECRET,
          timestamp,
          body,
        ),
      },
      body,
    });
    expect({ status: paid.status, body: await paid.json() }).toMatchObject({
      status: 200,
      body: { outcome: 'applied' },
    });

    expect((await move(approver, { action: 'APPROVE' })).body.status).toBe('APPROVED');
    expect((await move(approver, { action: 'ISSUE' })).body.status).toBe('ISSUED');

    // Siti sees her permit on her application once the agency has delivered it, and opens it.
    const output = await eventually(async () => {
      const application = await call(citizen, 'GET', `/v1/applications/${trackingNo}`);
      expect(application.body.output).toEqual({
        number: expect.stringMatching(/^PUPR-\d{4}-\d{6}$/) as string,
        documentId: expect.any(String) as string,
      });
      return application.body.output!;
    }, 30_000);
    const pdf = await fetch(`${gateway}/v1/documents/${output.documentId}`, { headers: citizen });
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const verified = await call({}, 'GET', `/v1/verify/${output.number}`);
    expect(verified.body).toMatchObject({
      status: 'VALID',
      agency: { code: 'PUPR' },
      signed: { pdfSha256: createHash('sha256').update(bytes).digest('hex') },
    });

    const timeline = await eventually(async () => {
      const answer = await call(citizen, 'GET', `/v1/applications/${trackingNo}/timeline`);
      expect(answer.body.status).toBe('ISSUED');
      return answer.body.entries!;
    }, 30_000);
    expect(timeline.map((entry) => entry.status)).toEqual([
      'SUBMITTED',
      'VERIFYING',
      'NEEDS_REVISION',
      'VERIFYING',
      'AWAITING_PAYMENT',
      'IN_REVIEW',
      'APPROVED',
      'ISSUED',
    ]);
  });

  it('restarts a service killed with SIGKILL and says so, while the others keep running', async () => {
    const victim = firstPids.get(dukcapilPort)!;
    process.kill(victim, 'SIGKILL');

    await eventually(() => {
      expect(output).toMatch(
        /\[start\]\s+agency-dukcapil was killed by SIGKILL after [\d.]+ (s|ms|min \d+ s) up; restart #1 in 1\.0 s/,
      );
      expect(output).toMatch(/\[start\]\s+agency-dukcapil restarted \(restart #1, pid \d+\)/);
      expect(output).toMatch(/\[start\]\s+agency-dukcapil is ready again after restart #1/);
    }, 60_000);
    expect((await fetch(`http://127.0.0.1:${dukcapilPort}/health/ready`)).status).toBe(200);
    const now = childrenByPort(launcher.pid!);
    expect(now.get(dukcapilPort)).not.toBe(victim);

    // Nobody else was stopped or restarted, and the launcher never began to stop.
    for (const [port, pid] of firstPids) {
      if (port === dukcapilPort) continue;
      expect({ port, pid: now.get(port) }).toEqual({ port, pid });
    }
    expect(output.match(/restarted \(restart #/g)).toHaveLength(1);
    expect(output).not.toContain('stopping');

    // The new agency-dukcapil takes its applications again.
    const response = await fetch(`${gateway}/v1/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authorization },
      body: JSON.stringify(anApplication({ serviceCode: 'DUKCAPIL-KK' })),
    });
    expect({ status: response.status, body: await response.clone().text() }).toMatchObject({
      status: 201,
    });
    const { trackingNo } = (await response.json()) as { trackingNo: string };
    await eventually(async () => {
      const timeline = await fetch(`${gateway}/v1/applications/${trackingNo}/timeline`, {
        headers: authorization,
      });
      expect(((await timeline.json()) as { status?: string }).status).toBe('VERIFYING');
    }, 30_000);
  });

  it('stops everything on Ctrl-C, leaving no service running', async () => {
    const running = [...childrenByPort(launcher.pid!).values()];
    // gateway, identity, intake, tracking, surveys, oss, queue, and the four demo agencies.
    expect(running).toHaveLength(11);
    launcher.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('stopped.');
    expect(running.filter(isProcessAlive)).toEqual([]);
  });
});
