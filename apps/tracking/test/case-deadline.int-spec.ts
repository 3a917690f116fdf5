import { ApplicantProfileChanged, type Principal } from '@satupintu/contracts';
import {
  caseClock,
  readHolidaysSeed,
  workingDayCalendar,
  type ApplicationStatus,
  type ServiceTimeLimit,
} from '@satupintu/domain';
import {
  callGateway,
  ServiceProcess,
  TestTokenIssuer,
  uploadPdf,
  anApplicant,
  anOfficer,
  eventually,
  deleteNamespaceStreams,
  publishEvents,
  queryServiceDb,
  testEnvironment,
} from '@satupintu/testing';

const AGENCY = 'DUKCAPIL';
const SERVICE = 'DUKCAPIL-AKTA-LAHIR';
const ZONE = 'Asia/Jakarta';

/**
 * The deadline tracking shows is the one the agency computed, and that is `caseClock` over the
 * case's actual history, on the mall's real calendar (the SKB days off intake seeds and every
 * service follows): a real case through the real gateway, intake, agency and tracking, sent back
 * for a revision and resubmitted. The agency reads the real current time, so the expected
 * deadlines are computed here over the times it recorded, not written by hand (the hand-counted
 * ones, across cuti bersama, Idul Fitri and the change of year, are in case-clock.calendar.spec).
 */
describe("a case's deadline, from the agency to tracking's read model", () => {
  let services: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  let issuer: TestTokenIssuer;
  const siti = anApplicant();
  const verifier = anOfficer(AGENCY, ['VERIFIER']);
  const auth = new Map<Principal, string>();

  // A mall of its own: intake seeds the calendar and publishes it, and the agency's and
  // tracking's calendar consumers start from nothing (in the run's shared namespace an earlier
  // suite's consumers may have taken it elsewhere).
  const env = testEnvironment();
  const own = { SP_NAMESPACE: `${env.SP_NAMESPACE}cd`, DB_PREFIX: `${env.DB_PREFIX}_cd` };
  const db = <T>(service: string[], sql: string, params: unknown[] = []) =>
    queryServiceDb<T>(service, sql, params, own.DB_PREFIX);

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start({ natsUrl: env.NATS_URL, namespace: own.SP_NAMESPACE });
    for (const principal of [siti, verifier])
      auth.set(
        principal,
        (await issuer.authorization(principal, { expiresInSeconds: 3600 })).authorization,
      );
    services = await Promise.all([
      ServiceProcess.start('intake', { ...own, DEMO_SEED: 'true' }),
      ServiceProcess.start('gateway', own),
      ServiceProcess.start('agency', { ...own, AGENCY_CODE: AGENCY, DEMO_SEED: 'true' }),
      ServiceProcess.start('tracking', own),
    ]);
    gateway = services[1];
    await publishEvents(env.NATS_URL, own.SP_NAMESPACE, ApplicantProfileChanged, [
      {
        applicantId: siti.subject!,
        version: 1,
        nik: '3201014506900001',
        name: 'Siti Rahayu',
        birthDate: '1990-06-05',
        sex: 'F',
        changedAt: new Date().toISOString(),
      },
    ]);
    await eventually(async () => {
      const rows = await db(['agency', AGENCY], 'SELECT 1 FROM service_standards WHERE code = $1', [
        SERVICE,
      ]);
      expect(rows).toHaveLength(1);
      // The agency and tracking count on the calendar intake seeded, each in its own copy.
      for (const service of [['agency', AGENCY], ['tracking']])
        expect(await db(service, 'SELECT year FROM working_day_calendar ORDER BY year')).toEqual([
          { year: 2025 },
          { year: 2026 },
          { year: 2027 },
        ]);
      // As long as the other suites give a stack's first events: in a loaded CI run the calendar
      // took longer than the default 15 s to reach both copies.
    }, 60_000);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await issuer.stop();
    await deleteNamespaceStreams(env.NATS_URL, own.SP_NAMESPACE);
  });

  const call = (who: Principal, method: string, path: string, body?: unknown) =>
    callGateway<Record<string, unknown>>(gateway.url, auth.get(who)!, method, path, body);

  const upload = () => uploadPdf(gateway.url, auth.get(siti)!);

  /** What tracking holds of the case once it has folded `sequence`. */
  const trackingAt = (applicationId: string, sequence: number) =>
    eventually(async () => {
      const [view] = await db<{ sequence: number; status: string; deadline: Date }>(
        ['tracking'],
        'SELECT sequence, status, deadline FROM case_views WHERE application_id = $1',
        [applicationId],
      );
      expect(view?.sequence).toBe(sequence);
      return view;
    });

  it('equals caseClock over the recorded history, before and after a revision pause', async () => {
    const submitted = await call(siti, 'POST', '/v1/applications', {
      serviceCode: SERVICE,
      form: {
        childName: 'Ayu',
        childSex: 'PEREMPUAN',
        birthDate: '2026-11-02',
        birthPlace: 'Cibinong',
        motherNik: '3201014506900001',
        marriageRecorded: true,
      },
      documents: [{ requirement: 'KK', documentId: await upload() }],
    });
    expect(submitted.status).toBe(201);
    const { applicationId, trackingNo } = submitted.body as {
      applicationId: string;
      trackingNo: string;
    };
    // The agency starts verifying on its own (sequence 1): tracking gets its deadline.
    const verifying = await trackingAt(applicationId, 1);
    expect(verifying.status).toBe('VERIFYING');

    const sentBack = await call(
      verifier,
      'POST',
      `/v1/agencies/${AGENCY}/cases/${trackingNo}/transitions`,
      {
        action: 'REQUEST_REVISION',
        reason: 'The family card scan is unreadable.',
        requirements: ['KK'],
      },
    );
    expect(sentBack.status).toBe(200);
    await trackingAt(applicationId, 2);
    const resubmitted = await call(siti, 'POST', `/v1/applications/${trackingNo}/resubmit`, {
      documents: [{ requirement: 'KK', documentId: await upload() }],
    });
    expect(resubmitted.status).toBe(200);
    const back = await trackingAt(applicationId, 3);
    expect(back.status).toBe('VERIFYING');

    // What the agency recorded, and what it works with: the service's limit and its calendar.
    const records = await db<{ sequence: number; to: ApplicationStatus; at: Date }>(
      ['agency', AGENCY],
      `SELECT sequence, to_status AS "to", at FROM case_history
        WHERE application_id = $1 ORDER BY sequence`,
      [applicationId],
    );
    expect(records.map((r) => r.to)).toEqual(['VERIFYING', 'NEEDS_REVISION', 'VERIFYING']);
    const [{ timeLimit }] = await db<{ timeLimit: ServiceTimeLimit }>(
      ['agency', AGENCY],
      `SELECT standard->'timeLimit' AS "timeLimit" FROM service_standards WHERE code = $1`,
      [SERVICE],
    );
    const years = await db<{ days_off: { date: string }[] }>(
      ['agency', AGENCY],
      'SELECT days_off FROM working_day_calendar',
    );
    const daysOff = years.flatMap((year) => year.days_off.map((day) => day.date));
    // The calendar the agency follows is the real one: the SKB seed intake loaded.
    const seed = readHolidaysSeed();
    expect(daysOff).toEqual(
      expect.arrayContaining(
        Object.values(seed.years).flatMap((year) => year.holidays.map((day) => day.date)),
      ),
    );
    const calendar = workingDayCalendar(daysOff);
    const expectedAfter = (count: number) =>
      caseClock(
        timeLimit,
        records.slice(0, count).map((record) => ({ to: record.to, at: record.at })),
        // A paused case's deadline is the one it would have if it came back when recorded.
        { timeZone: ZONE, calendar, now: records[count - 1].at },
      );

    const entries = await db<{ sequence: number; deadline: Date | null }>(
      ['tracking'],
      'SELECT sequence, deadline FROM timeline_entries WHERE application_id = $1 ORDER BY sequence',
      [applicationId],
    );
    const expected = [1, 2, 3].map((count) => {
      const clock = expectedAfter(count);
      if (clock.state === 'not_started') throw new Error('the clock has started');
      return clock.deadline.toISOString();
    });
    expect(entries.filter((e) => e.sequence > 0).map((e) => e.deadline?.toISOString())).toEqual(
      expected,
    );
    expect(back.deadline.toISOString()).toBe(expected[2]);
    expect(verifying.deadline.toISOString()).toBe(expected[0]);
    expect(expectedAfter(3).state).toBe('running');
  }, 120_000);
});
