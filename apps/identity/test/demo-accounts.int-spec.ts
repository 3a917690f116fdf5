import { runInContext } from '@satupintu/common';
import {
  ANONYMOUS,
  ConfirmVerification,
  GetMyProfile,
  IDENTITY_STREAM,
  PROFILE_STREAM,
  RegisterApplicant,
  SendVerificationCode,
  type Principal,
  type RequestContract,
} from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import {
  ServiceProcess,
  aCitizen,
  deleteNamespaceStreams,
  domainErrorOf,
  eventually,
  queryServiceDb,
  readStreams,
  testEnvironment,
} from '@satupintu/testing';
import { randomUUID } from 'node:crypto';
import { verifyPassword } from '../src/credentials/passwords';
import { DEMO_ACCOUNTS } from '../src/demo/demo-accounts';

/**
 * `npm start`'s identity: DEMO_SEED=true loads the demo accounts into an empty database, with
 * their events, and NODE_ENV=development shows one-time codes in the log (nothing is sent).
 * Anywhere else the log masks them. Each identity here has a database and namespace of its own.
 */
describe('identity as npm start runs it', () => {
  const env = testEnvironment();
  const dev = { DB_PREFIX: `${env.DB_PREFIX}_demo`, SP_NAMESPACE: `${env.SP_NAMESPACE}-demo` };
  const prod = { DB_PREFIX: `${env.DB_PREFIX}_prod`, SP_NAMESPACE: `${env.SP_NAMESPACE}-prod` };
  const running: ServiceProcess[] = [];
  const clients: RpcClient[] = [];

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.onApplicationShutdown()));
    await Promise.all(running.map((service) => service.stop()));
    for (const { SP_NAMESPACE } of [dev, prod])
      await deleteNamespaceStreams(env.NATS_URL, SP_NAMESPACE);
  });

  async function start(where: typeof dev, extra: Record<string, string>) {
    running.push(await ServiceProcess.start('identity', { ...where, LOG_LEVEL: 'warn', ...extra }));
    const rpc = new RpcClient({
      url: env.NATS_URL,
      namespace: where.SP_NAMESPACE,
      timeoutMs: 10_000,
      name: 'demo-test',
    });
    clients.push(rpc);
    const process = running[running.length - 1];
    return {
      process,
      as: <Req, Res>(principal: Principal, contract: RequestContract<Req, Res>, payload: Req) =>
        runInContext({ requestId: randomUUID(), traceparent: '', principal }, () =>
          rpc.request(contract, payload),
        ),
    };
  }

  /** The development identity, once the first test has started it. */
  let developed: Awaited<ReturnType<typeof start>> | undefined;

  const db = <T>(where: typeof dev, sql: string, params: unknown[] = []) =>
    queryServiceDb<T>(['identity'], sql, params, where.DB_PREFIX);

  it('loads the demo accounts once, with the fixed credentials, and publishes them', async () => {
    const identity = await start(dev, { DEMO_SEED: 'true', NODE_ENV: 'development' });
    const agencies = await db<{ code: string }>(dev, 'SELECT code FROM agencies ORDER BY code');
    expect(agencies.map((a) => a.code)).toEqual(['BPJSKES', 'DPMPTSP', 'DUKCAPIL', 'PUPR']);
    const officers = await db<{ username: string; roles: string[]; password_hash: string }>(
      dev,
      'SELECT username, roles, password_hash FROM officers ORDER BY username',
    );
    expect(officers.map((o) => o.username)).toEqual([
      'admin.mall',
      'analis.skm',
      'bpjskes.agency-admin',
      'bpjskes.approver',
      'bpjskes.front-desk',
      'bpjskes.verifier',
      'dpmptsp.agency-admin',
      'dpmptsp.approver',
      'dpmptsp.front-desk',
      'dpmptsp.verifier',
      'dukcapil.agency-admin',
      'dukcapil.approver',
      'dukcapil.front-desk',
      'dukcapil.verifier',
      'pupr.agency-admin',
      'pupr.approver',
      'pupr.front-desk',
      'pupr.verifier',
    ]);
    expect(await verifyPassword(officers[0].password_hash, DEMO_ACCOUNTS.officerPassword)).toBe(
      true,
    );
    const citizens = await db<{ email: string; password_hash: string; verified: boolean }>(
      dev,
      `SELECT email, password_hash, phone_verified_at IS NOT NULL AND email_verified_at IS NOT NULL
              AS verified FROM applicants ORDER BY email`,
    );
    expect(citizens.map((c) => [c.email, c.verified])).toEqual([
      ['budi@demo.satupintu.id', true],
      ['siti@demo.satupintu.id', true],
    ]);
    expect(await verifyPassword(citizens[1].password_hash, 'kopi-pagi-di-cibinong')).toBe(true);
    const [business] = await db<{ nib: string; owner: string }>(
      dev,
      `SELECT b.nib, a.email AS owner FROM businesses b
         JOIN business_members m ON m.business_id = b.id AND m.role = 'OWNER'
         JOIN applicants a ON a.id = m.applicant_id`,
    );
    expect(business).toEqual({ nib: '9120000000001', owner: 'siti@demo.satupintu.id' });
    const clientRows = await db<{ client_id: string; scopes: string[]; secret_hash: string }>(
      dev,
      `SELECT c.client_id, c.scopes, s.secret_hash FROM api_clients c
         JOIN client_secrets s ON s.client_id = c.id ORDER BY c.client_id`,
    );
    expect(clientRows.map((c) => [c.client_id, c.scopes])).toEqual([
      ['demo-kiosk', ['surveys:kiosk', 'queue:kiosk']],
      ['demo-portal', ['applications:submit', 'applications:read']],
    ]);
    for (const row of clientRows) {
      const { secret } = DEMO_ACCOUNTS.clients.find((c) => c.clientId === row.client_id)!;
      expect(await verifyPassword(row.secret_hash, secret)).toBe(true);
    }

    // AgencyChanged for each agency (intake's catalog follows), profiles for citizens and business.
    await eventually(async () => {
      const prefix = dev.SP_NAMESPACE.toUpperCase();
      const agencyEvents = await readStreams(env.NATS_URL, `${prefix}_${IDENTITY_STREAM.name}`);
      expect(agencyEvents.map((m) => m.subject.split('.').pop()).sort()).toEqual([
        'BPJSKES',
        'DPMPTSP',
        'DUKCAPIL',
        'PUPR',
      ]);
      const profiles = await readStreams(env.NATS_URL, `${prefix}_${PROFILE_STREAM.name}`);
      expect(profiles.filter((m) => m.subject.includes('.applicant.'))).toHaveLength(2);
      expect(profiles.filter((m) => m.subject.includes('.business.'))).toHaveLength(1);
    });

    // A restart loads nothing twice.
    await identity.process.stop();
    developed = await start(dev, { DEMO_SEED: 'true', NODE_ENV: 'development' });
    expect(await db<{ n: number }>(dev, 'SELECT count(*)::int AS n FROM officers')).toEqual([
      { n: 18 },
    ]);
  });

  it('shows one-time codes in the log in development, and a confirmed code verifies', async () => {
    const { as, process } = developed!;
    const citizen = aCitizen();
    const { applicantId } = await as(ANONYMOUS, RegisterApplicant, {
      ...citizen,
      name: 'Dewi Lestari',
      password: 'kopi tubruk di pagi hari',
    });
    const code = await eventually(() => {
      const line = process
        .logs()
        .split('\n')
        .find((l) => l.includes('verification code') && l.includes(citizen.phone.slice(-3)));
      expect(line).toBeDefined();
      const logged = JSON.parse(line!) as { code: string; to: string };
      expect(logged.to).not.toBe(citizen.phone);
      return logged.code;
    });
    expect(code).toMatch(/^\d{6}$/);
    const me: Principal = { kind: 'applicant', subject: applicantId, roles: [], scopes: [] };
    const wrong = code === '000000' ? '000001' : '000000';
    const refused = await domainErrorOf(
      as(me, ConfirmVerification, { channel: 'PHONE', code: wrong }),
    );
    expect([refused.status, refused.code]).toEqual([422, 'verification_failed']);
    const confirmed = await as(me, ConfirmVerification, { channel: 'PHONE', code });
    expect(confirmed.channel).toBe('PHONE');
    expect((await as(me, GetMyProfile, {})).phoneVerified).toBe(true);
    // A code works once.
    const again = await domainErrorOf(as(me, ConfirmVerification, { channel: 'PHONE', code }));
    expect(again.code).toBe('verification_failed');
  });

  it('sends a new code on request, at most one a minute, and only the newest one works', async () => {
    const { as, process } = developed!;
    const citizen = { ...aCitizen(), email: `dewi.${randomUUID().slice(0, 8)}@example.id` };
    const { applicantId } = await as(ANONYMOUS, RegisterApplicant, {
      ...citizen,
      name: 'Dewi Lestari',
      password: 'kopi tubruk di pagi hari',
    });
    const me: Principal = { kind: 'applicant', subject: applicantId, roles: [], scopes: [] };
    const codesSentTo = (to: string) =>
      process
        .logs()
        .split('\n')
        .filter((l) => l.includes('verification code') && l.includes(to))
        .map((l) => (JSON.parse(l) as { code: string }).code);
    const maskedEmail = `${citizen.email.slice(0, 1)}***@example.id`;
    const first = await eventually(() => {
      expect(codesSentTo(maskedEmail)).toHaveLength(1);
      return codesSentTo(maskedEmail)[0];
    });

    const tooSoon = await domainErrorOf(as(me, SendVerificationCode, { channel: 'EMAIL' }));
    expect([tooSoon.status, tooSoon.code]).toEqual([429, 'verification_code_recent']);
    expect(Number(tooSoon.params.retryAfterSeconds)).toBeGreaterThan(0);

    // A minute later (the first code's clock is turned back rather than waiting).
    await db(
      dev,
      "UPDATE verification_codes SET created_at = now() - interval '2 minutes' WHERE applicant_id = $1",
      [applicantId],
    );
    const sent = await as(me, SendVerificationCode, { channel: 'EMAIL' });
    expect(sent.channel).toBe('EMAIL');
    const second = await eventually(() => {
      expect(codesSentTo(maskedEmail)).toHaveLength(2);
      return codesSentTo(maskedEmail)[1];
    });
    if (first !== second) {
      const old = await domainErrorOf(
        as(me, ConfirmVerification, { channel: 'EMAIL', code: first }),
      );
      expect(old.code).toBe('verification_failed');
    }
    await as(me, ConfirmVerification, { channel: 'EMAIL', code: second });
    const verified = await domainErrorOf(as(me, SendVerificationCode, { channel: 'EMAIL' }));
    expect([verified.status, verified.code]).toEqual([409, 'contact_verified']);
  });

  it('masks one-time codes in the log anywhere but development, and loads no demo accounts', async () => {
    const identity = await start(prod, {});
    const citizen = aCitizen();
    await identity.as(ANONYMOUS, RegisterApplicant, {
      ...citizen,
      name: 'Dewi Lestari',
      password: 'kopi tubruk di pagi hari',
    });
    const line = await eventually(() => {
      const found = identity.process
        .logs()
        .split('\n')
        .find((l) => l.includes('verification code'));
      expect(found).toBeDefined();
      return found!;
    });
    expect(JSON.parse(line)).toMatchObject({ code: '******' });
    expect(line).not.toContain(citizen.phone);
    expect(line).not.toMatch(/"code":"\d{6}"/);
    expect(await db<{ n: number }>(prod, 'SELECT count(*)::int AS n FROM officers')).toEqual([
      { n: 0 },
    ]);
  });
});
