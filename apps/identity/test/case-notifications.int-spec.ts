import { CaseDeadlineAlert, type CaseDeadlineAlertV1, type Role } from '@satupintu/contracts';
import {
  ServiceProcess,
  callGateway,
  deleteNamespaceStreams,
  eventually,
  passwordToken,
  payByCallback,
  publishEvents,
  queryServiceDb,
  testEnvironment,
} from '@satupintu/testing';
import { DEMO_ACCOUNTS, demoOfficerUsername } from '../src/demo/demo-accounts';

type Answer = Record<string, unknown>;
type Application = { applicationId: string; trackingNo: string };
type Payment = { code: string; amount: number; currency: string; expiresAt: string };
interface Notification {
  id: string;
  kind: string;
  language: string | null;
  channel: string | null;
  sent: boolean;
}
interface LoggedUpdate {
  messageId: string;
  kind: string;
  language: string;
  channel: string;
  trackingNo: string;
  subject: string;
  text: string;
}

const AGENCY = 'PUPR';
const SECRET = 'the-secret-shared-with-the-bank-in-this-test';
const ASSESSED = 1_250_000;

/**
 * Applicants are told of the changes in their cases that need them, across the real identity,
 * intake, agency and gateway (identity with the demo accounts, so the applicants sign in as
 * themselves): a case walked through a revision, a fee and its issue tells Siti three times in
 * Indonesian (her default) and nothing of the steps that ask nothing of her; Budi, who chose
 * English, hears of his rejection in English. Identity dies three times on the way (before handing a
 * notification to the notifier; killed while idle; after committing events it had not acked) and
 * is down while the case moves: each change is still told once, no more.
 */
describe('case notifications to applicants', () => {
  const env = testEnvironment();
  // Identity loads the demo accounts only into an empty database: a mall of its own.
  const own = { DB_PREFIX: `${env.DB_PREFIX}_notify`, SP_NAMESPACE: `${env.SP_NAMESPACE}-notify` };
  const running: ServiceProcess[] = [];
  /** Every identity process of the suite, in order: their logs together are what was sent. */
  const identities: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  const tokens = new Map<string, string>();
  const [siti, budi] = DEMO_ACCOUNTS.citizens;
  const officer = (role: Role) => demoOfficerUsername(AGENCY, role);

  const identityEnv = { ...own, DEMO_SEED: 'true', NODE_ENV: 'test', LOG_LEVEL: 'info' };
  const startIdentity = async (extra: Record<string, string> = {}) => {
    const identity = await ServiceProcess.start('identity', { ...identityEnv, ...extra });
    identities.push(identity);
    running.push(identity);
    return identity;
  };

  beforeAll(async () => {
    await startIdentity({ SP_FAILPOINT: 'case-notification-before-send' });
    const started = await Promise.all([
      ServiceProcess.start('intake', { ...own, DEMO_SEED: 'true' }),
      ServiceProcess.start('agency', {
        ...own,
        AGENCY_CODE: AGENCY,
        DEMO_SEED: 'true',
        PAYMENT_CALLBACK_SECRETS: SECRET,
      }),
      ServiceProcess.start('gateway', own),
    ]);
    running.push(...started);
    gateway = started[2];
    // The gateway may not have identity's keys yet, intake not the profiles, the agency not
    // its standards: wait for all three.
    await eventually(async () => {
      for (const [who, identifier, password] of [
        ['siti', siti.email, siti.password],
        ['budi', budi.nik, budi.password],
        ['verifier', officer('VERIFIER'), DEMO_ACCOUNTS.officerPassword],
        ['approver', officer('APPROVER'), DEMO_ACCOUNTS.officerPassword],
      ] as const)
        tokens.set(who, await passwordToken(gateway.url, identifier, password));
      expect((await call('siti', 'GET', '/v1/applicants/me')).status).toBe(200);
    }, 30_000);
    await eventually(async () => {
      const rows = await queryServiceDb(
        ['agency', AGENCY],
        "SELECT 1 FROM service_standards WHERE code = 'PUPR-PBG'",
        [],
        own.DB_PREFIX,
      );
      expect(rows).toHaveLength(1);
    }, 30_000);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(running.map((service) => service.stop()));
    await deleteNamespaceStreams(env.NATS_URL, own.SP_NAMESPACE);
  });

  const call = (who: string, method: string, path: string, body?: unknown) =>
    callGateway<Answer>(gateway.url, `Bearer ${tokens.get(who)!}`, method, path, body);

  const move = async (who: string, application: Application, body: Record<string, unknown>) => {
    const moved = await call(
      who,
      'POST',
      `/v1/agencies/${AGENCY}/cases/${application.trackingNo}/transitions`,
      body,
    );
    expect(moved.status).toBe(200);
    return moved.body;
  };

  const intakeSees = (application: Application, status: string) =>
    eventually(async () => {
      const [row] = await queryServiceDb<{ status: string }>(
        ['intake'],
        'SELECT status FROM applications WHERE id = $1',
        [application.applicationId],
        own.DB_PREFIX,
      );
      expect(row?.status).toBe(status);
    });

  async function applies(who: string): Promise<Application> {
    const { status, body } = await call(who, 'POST', '/v1/applications', {
      serviceCode: 'PUPR-PBG',
    });
    expect(status).toBe(201);
    const application = body as unknown as Application;
    await intakeSees(application, 'VERIFYING');
    return application;
  }

  const notifications = (application: Application) =>
    queryServiceDb<Notification>(
      ['identity'],
      `SELECT id, kind, language, channel, sent_at IS NOT NULL AS sent
         FROM case_notifications WHERE application_id = $1 ORDER BY occurred_at`,
      [application.applicationId],
      own.DB_PREFIX,
    );

  /** What the log notifier wrote in every identity process of the suite, for one case. */
  function logged(application: Application): LoggedUpdate[] {
    return identities
      .flatMap((identity) => identity.logs().split('\n'))
      .filter((line) => line.includes('case update (log notifier'))
      .map((line) => JSON.parse(line.slice(line.indexOf('{'))) as LoggedUpdate)
      .filter((update) => update.trackingNo === application.trackingNo);
  }

  it('tells each change that needs the applicant once, in their language, across crashes', async () => {
    // Budi chooses English; Siti keeps the default.
    const english = await call('budi', 'PATCH', '/v1/applicants/me', {
      preferredLanguage: 'en',
    });
    expect([english.status, english.body.preferredLanguage]).toEqual([200, 'en']);
    expect((await call('siti', 'GET', '/v1/applicants/me')).body.preferredLanguage).toBe('id');

    const sitis = await applies('siti');
    await move('verifier', sitis, {
      action: 'REQUEST_REVISION',
      reason: 'Gambar arsitektur belum ditandatangani.',
      requirements: ['floors'],
    });
    await intakeSees(sitis, 'NEEDS_REVISION');
    // The first identity claims the notification and dies before the notifier has it.
    expect(await identities[0].exited()).toMatchObject({ signal: 'SIGKILL' });
    expect(identities[0].logs()).toContain('failpoint case-notification-before-send');
    const [recorded] = await notifications(sitis);
    expect(recorded).toMatchObject({ kind: 'NEEDS_REVISION', sent: false });

    // With identity down, the case moves on: VERIFYING again, then the fee.
    const corrected = await call('siti', 'POST', `/v1/applications/${sitis.trackingNo}/resubmit`, {
      form: {
        buildingFunction: 'HUNIAN',
        floorAreaM2: 120,
        floors: 2,
        siteAddress: 'Jl. Raya Cibinong No. 7',
        landCertificateNumber: 'SHM 1234/Cibinong',
        phone: siti.phone,
      },
    });
    expect(corrected.status).toBe(200);
    await intakeSees(sitis, 'VERIFYING');
    const due = await move('verifier', sitis, {
      action: 'COMPLETE_VERIFICATION',
      amount: ASSESSED,
    });
    expect(due.status).toBe('AWAITING_PAYMENT');
    const payment = due.payment as Payment;
    await intakeSees(sitis, 'AWAITING_PAYMENT');

    // The second sends what the first left, and what came meanwhile, and is killed idle.
    const second = await startIdentity();
    await eventually(async () =>
      expect((await notifications(sitis)).map(({ kind, sent }) => [kind, sent])).toEqual([
        ['NEEDS_REVISION', true],
        ['AWAITING_PAYMENT', true],
      ]),
    );
    await second.kill();

    // With identity down, the fee is paid and the case issued.
    expect(
      await payByCallback(gateway.url, AGENCY, SECRET, {
        ...payment,
        reference: 'BNI-20261203-000777',
      }),
    ).toBe(200);
    await intakeSees(sitis, 'IN_REVIEW');
    await move('approver', sitis, { action: 'APPROVE', reason: 'Sesuai standar teknis.' });
    await move('approver', sitis, { action: 'ISSUE' });
    await intakeSees(sitis, 'ISSUED');

    // The third dies after committing what it handled, before acking it: all of it comes again.
    const third = await ServiceProcess.spawn('identity', {
      ...identityEnv,
      SP_FAILPOINT: 'consumer-after-commit',
    });
    identities.push(third);
    running.push(third);
    expect(await third.exited()).toMatchObject({ signal: 'SIGKILL' });
    expect(third.logs()).toContain('failpoint consumer-after-commit');
    await startIdentity();

    const budis = await applies('budi');
    await move('approver', budis, {
      action: 'REJECT',
      reason: 'The land title is not in the applicant’s name.',
    });

    await eventually(async () => {
      const told = await notifications(sitis);
      expect(
        told.map(({ kind, language, channel, sent }) => [kind, language, channel, sent]),
      ).toEqual([
        ['NEEDS_REVISION', 'id', 'PHONE', true],
        ['AWAITING_PAYMENT', 'id', 'PHONE', true],
        ['ISSUED', 'id', 'PHONE', true],
      ]);
      expect(
        (await notifications(budis)).map(({ kind, language, sent }) => [kind, language, sent]),
      ).toEqual([['REJECTED', 'en', true]]);
    }, 30_000);

    // What the notifier was handed: one message per notification, under its id, as recorded.
    const told = await notifications(sitis);
    const sentToSiti = logged(sitis);
    expect(sentToSiti.map((update) => [update.messageId, update.kind, update.language])).toEqual(
      told.map((notification) => [notification.id, notification.kind, 'id']),
    );
    expect(sentToSiti.map((update) => update.subject)).toEqual([
      `Permohonan ${sitis.trackingNo} perlu diperbaiki`,
      `Bayar retribusi permohonan ${sitis.trackingNo}`,
      `Permohonan ${sitis.trackingNo} sudah terbit`,
    ]);
    expect(sentToSiti[0].text).toContain('Gambar arsitektur belum ditandatangani.');
    expect(sentToSiti[1].text).toContain(`Rp 1.250.000 dengan kode bayar ${payment.code}`);
    const sentToBudi = logged(budis);
    expect(sentToBudi).toHaveLength(1);
    expect(sentToBudi[0]).toMatchObject({
      kind: 'REJECTED',
      language: 'en',
      subject: `Application ${budis.trackingNo} was rejected`,
    });
    expect(sentToBudi[0].text).toContain('The land title is not in the applicant’s name.');
  }, 180_000);

  it("tells an overdue case once per deadline in the applicant's language, and no at-risk one", async () => {
    const budis = await applies('budi');
    const alert = (kind: CaseDeadlineAlertV1['kind'], deadline: string): CaseDeadlineAlertV1 => ({
      kind,
      applicationId: budis.applicationId,
      trackingNo: budis.trackingNo,
      agencyCode: AGENCY,
      deadline,
      raisedAt: new Date().toISOString(),
    });
    // Tracking's alerts: at risk, then overdue, told again (a republished alert: a new event id),
    // then overdue at the later deadline a revision pause would have given it.
    await publishEvents(env.NATS_URL, own.SP_NAMESPACE, CaseDeadlineAlert, [
      alert('AT_RISK', '2026-12-10T23:59:59+07:00'),
    ]);
    await publishEvents(env.NATS_URL, own.SP_NAMESPACE, CaseDeadlineAlert, [
      alert('OVERDUE', '2026-12-10T23:59:59+07:00'),
    ]);
    await publishEvents(env.NATS_URL, own.SP_NAMESPACE, CaseDeadlineAlert, [
      alert('OVERDUE', '2026-12-10T23:59:59+07:00'),
    ]);
    await publishEvents(env.NATS_URL, own.SP_NAMESPACE, CaseDeadlineAlert, [
      alert('OVERDUE', '2026-12-15T23:59:59+07:00'),
    ]);
    // Handled in stream order: once the last is recorded, the earlier ones were too.
    await eventually(async () => {
      const told = await notifications(budis);
      expect(told.map(({ kind, language, sent }) => [kind, language, sent])).toEqual([
        ['OVERDUE', 'en', true],
        ['OVERDUE', 'en', true],
      ]);
    }, 30_000);
    const sent = logged(budis);
    expect(sent.map((update) => update.subject)).toEqual([
      `Application ${budis.trackingNo} is overdue`,
      `Application ${budis.trackingNo} is overdue`,
    ]);
    expect(sent[0].text).toContain('10 December 2026');
    expect(sent[1].text).toContain('15 December 2026');
  }, 60_000);
});
