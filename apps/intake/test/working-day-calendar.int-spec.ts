import { createApiClient, type ApiClient } from '@satupintu/api-client';
import {
  WorkingDayCalendarChanged,
  type Principal,
  type WorkingDayCalendarChangedV1,
} from '@satupintu/contracts';
import {
  ServiceProcess,
  TestTokenIssuer,
  deleteNamespaceStreams,
  eventually,
  publishEvents,
  queryServiceDb,
  testEnvironment,
} from '@satupintu/testing';

/**
 * The mall's working-day calendar is kept once, by intake, and delivered whole, year by year, to
 * every service that computes deadlines: seeded in every deployment, changed by a mall admin
 * through the gateway, received by the followers with a higher version, by a follower started
 * after the change too, and never set back by a replayed or older event.
 */
describe("the mall's working-day calendar, from intake to the services that compute deadlines", () => {
  const env = testEnvironment();
  // A mall of its own: intake seeds only an empty calendar, and followers start from nothing.
  const own = {
    DB_PREFIX: `${env.DB_PREFIX}_calendar`,
    SP_NAMESPACE: `${env.SP_NAMESPACE}-calendar`,
  };
  const running: ServiceProcess[] = [];
  let issuer: TestTokenIssuer;
  let anonymous: ApiClient;
  let admin: ApiClient;
  let frontDesk: ApiClient;

  const officer = (roles: Principal['roles']): Principal => ({
    kind: 'officer',
    subject: `officer-${roles.join('-').toLowerCase()}`,
    roles,
    agency: 'DUKCAPIL',
    scopes: [],
  });

  /** Where each follower keeps its copy: the deployment's database name parts. */
  const followers: string[][] = [['tracking'], ['agency', 'cala']];

  type Held = { year: number; version: number; dates: string[] };

  async function heldBy(service: string[]): Promise<Held[]> {
    const rows = await queryServiceDb<{
      year: number;
      version: number;
      days_off: { date: string; kind: string }[];
    }>(
      service,
      'SELECT year, version, days_off FROM working_day_calendar ORDER BY year',
      [],
      own.DB_PREFIX,
    );
    return rows.map((row) => ({
      year: row.year,
      version: row.version,
      dates: row.days_off.map((day) => day.date),
    }));
  }

  /** The calendar as intake keeps it, from its own tables. */
  async function kept(): Promise<Held[]> {
    const rows = await queryServiceDb<{ year: number; version: number; dates: string[] | null }>(
      ['intake'],
      `SELECT y.year, y.version,
              array_agg(d.date::text ORDER BY d.date) FILTER (WHERE d.date IS NOT NULL) AS dates
         FROM calendar_years y LEFT JOIN calendar_days_off d ON d.year = y.year
        GROUP BY y.year, y.version ORDER BY y.year`,
      [],
      own.DB_PREFIX,
    );
    return rows.map((row) => ({ ...row, dates: row.dates ?? [] }));
  }

  /** How many events a follower's consumer has handled (counted with their effects). */
  async function handledBy(service: string[], consumer: string): Promise<number> {
    const [row] = await queryServiceDb<{ handled: string }>(
      service,
      'SELECT handled FROM consumer_progress WHERE consumer = $1',
      [consumer],
      own.DB_PREFIX,
    );
    return Number(row?.handled ?? 0);
  }

  /**
   * The years (and versions) a process's in-memory calendar last loaded, from its log: what its
   * deadlines would be counted with.
   */
  function inMemory(service: ServiceProcess): Record<string, number> | undefined {
    const loaded = service
      .logs()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg?: string; years?: Record<string, number> })
      .filter((line) => line.msg === 'working-day calendar loaded');
    return loaded.at(-1)?.years;
  }

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start({ natsUrl: env.NATS_URL, namespace: own.SP_NAMESPACE });
    const started = await Promise.all([
      ServiceProcess.start('intake', own),
      ServiceProcess.start('tracking', own),
      ServiceProcess.start('agency', { ...own, AGENCY_CODE: 'CALA' }),
      ServiceProcess.start('gateway', own),
    ]);
    running.push(...started);
    const gateway = started[3];
    anonymous = createApiClient(gateway.url);
    admin = await issuer.apiClient(gateway.url, officer(['MALL_ADMIN']));
    frontDesk = await issuer.apiClient(gateway.url, officer(['FRONT_DESK', 'AGENCY_ADMIN']));
    // The gateway verifies tokens with the issuer's keys: wait until it has them.
    await eventually(async () =>
      expect(
        (
          await admin.DELETE('/v1/calendar/{year}/days-off/{date}', {
            params: { path: { year: 2025, date: '2025-03-03' } },
          })
        ).response.status,
      ).toBe(404),
    );
  });

  afterAll(async () => {
    await Promise.all(running.map((service) => service.stop()));
    await issuer?.stop();
    await deleteNamespaceStreams(env.NATS_URL, own.SP_NAMESPACE);
  });

  it('is seeded from the SKB copy, and every follower receives each year', async () => {
    const seeded = await kept();
    expect(seeded.map(({ year, version, dates }) => [year, version, dates.length])).toEqual([
      [2025, 1, 28],
      [2026, 1, 25],
      [2027, 1, 26],
    ]);
    expect(seeded[0].dates).toContain('2025-08-18');
    for (const service of followers)
      await eventually(async () => expect(await heldBy(service)).toEqual(seeded));
  });

  it('answers anyone a year, and refuses a year it does not hold or cannot', async () => {
    const { data, response } = await anonymous.GET('/v1/calendar/{year}', {
      params: { path: { year: 2026 } },
    });
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ year: 2026, version: 1 });
    expect(data!.daysOff).toHaveLength(25);
    expect(data!.daysOff[0]).toMatchObject({
      date: '2026-01-01',
      kind: 'HOLIDAY',
      nameEn: expect.stringMatching(/new year/i) as unknown,
    });
    expect(
      (await anonymous.GET('/v1/calendar/{year}', { params: { path: { year: 2031 } } })).error,
    ).toMatchObject({ status: 404, code: 'calendar_year_not_found' });
    const outOfRange = await anonymous.GET('/v1/calendar/{year}', {
      params: { path: { year: 1999 } },
    });
    expect(outOfRange.error).toMatchObject({
      status: 400,
      errors: [{ field: 'year', code: 'calendar_year_range' }],
    });
  });

  it('takes changes from a mall admin only', async () => {
    const body = {
      kind: 'CUTI_BERSAMA' as const,
      nameId: 'Cuti Bersama Uji',
      nameEn: 'Collective leave (test)',
    };
    const path = { year: 2025, date: '2025-06-02' };
    const asFrontDesk = await frontDesk.PUT('/v1/calendar/{year}/days-off/{date}', {
      params: { path },
      body,
    });
    expect(asFrontDesk.response.status).toBe(403);
    const asNobody = await anonymous.PUT('/v1/calendar/{year}/days-off/{date}', {
      params: { path },
      body,
    });
    expect(asNobody.response.status).toBe(401);
    expect(
      (
        await frontDesk.DELETE('/v1/calendar/{year}/days-off/{date}', {
          params: { path: { year: 2025, date: '2025-08-18' } },
        })
      ).response.status,
    ).toBe(403);
    expect((await kept())[0].version).toBe(1);
  });

  it('refuses bad input as problems, changing nothing', async () => {
    const body = { kind: 'HOLIDAY' as const, nameId: 'Uji', nameEn: 'Test' };
    const put = (year: number, date: string, payload: object = body) =>
      admin.PUT('/v1/calendar/{year}/days-off/{date}', {
        params: { path: { year, date } },
        body: payload as typeof body,
      });
    expect((await put(2025, '2026-01-05')).error).toMatchObject({
      status: 400,
      errors: [{ field: 'date', code: 'date_outside_year' }],
    });
    expect((await put(2025, '2025-02-29')).error).toMatchObject({
      status: 400,
      errors: [{ field: 'date', code: 'must_be_date' }],
    });
    expect((await put(2025, '18-08-2025')).error).toMatchObject({
      status: 400,
      errors: [{ field: 'date', code: 'must_be_date' }],
    });
    expect((await put(2101, '2101-01-03')).error).toMatchObject({
      status: 400,
      errors: [{ field: 'year', code: 'calendar_year_range' }],
    });
    expect(
      (await put(2025, '2025-06-02', { kind: 'LEBARAN', nameId: '', extra: 1 })).error,
    ).toMatchObject({ status: 400, code: 'validation_failed' });
    expect((await put(2025, '2025-06-02', { ...body, nameEn: '   ' })).error).toMatchObject({
      status: 400,
      errors: [{ field: 'nameEn', code: 'required' }],
    });
    expect(
      (
        await admin.DELETE('/v1/calendar/{year}/days-off/{date}', {
          params: { path: { year: 2025, date: '2025-06-03' } },
        })
      ).error,
    ).toMatchObject({ status: 404, code: 'day_off_not_found' });
    expect((await kept())[0]).toMatchObject({ year: 2025, version: 1 });
  });

  it("delivers an admin's changes to every follower, each as a higher version", async () => {
    const added = await admin.PUT('/v1/calendar/{year}/days-off/{date}', {
      params: { path: { year: 2025, date: '2025-06-02' } },
      body: {
        kind: 'CUTI_BERSAMA',
        nameId: 'Cuti Bersama Uji',
        nameEn: 'Collective leave (test)',
        note: 'SKB uji',
      },
    });
    expect(added.response.status).toBe(200);
    expect(added.data).toMatchObject({ year: 2025, version: 2 });
    expect(added.data!.daysOff.find((day) => day.date === '2025-06-02')).toEqual({
      date: '2025-06-02',
      kind: 'CUTI_BERSAMA',
      nameId: 'Cuti Bersama Uji',
      nameEn: 'Collective leave (test)',
      note: 'SKB uji',
    });
    const removed = await admin.DELETE('/v1/calendar/{year}/days-off/{date}', {
      params: { path: { year: 2025, date: '2025-08-18' } },
    });
    expect(removed.data).toMatchObject({ year: 2025, version: 3 });
    // A year the calendar does not hold yet starts with its first day off: next year's decree.
    const next = await admin.PUT('/v1/calendar/{year}/days-off/{date}', {
      params: { path: { year: 2028, date: '2028-01-01' } },
      body: { kind: 'HOLIDAY', nameId: 'Tahun Baru 2028 Masehi', nameEn: "New Year's Day" },
    });
    expect(next.data).toMatchObject({ year: 2028, version: 1 });

    const current = await kept();
    expect(current.map(({ year, version }) => [year, version])).toEqual([
      [2025, 3],
      [2026, 1],
      [2027, 1],
      [2028, 1],
    ]);
    expect(current[0].dates).toContain('2025-06-02');
    expect(current[0].dates).not.toContain('2025-08-18');
    for (const service of followers)
      await eventually(async () => expect(await heldBy(service)).toEqual(current));
    // Intake and each follower count with the new versions at once, not at their next start.
    const versions = Object.fromEntries(current.map(({ year, version }) => [year, version]));
    for (const service of running.slice(0, 3))
      await eventually(() => expect(inMemory(service)).toEqual(versions));
  });

  it('reaches a service started after the change with every current year', async () => {
    const late = await ServiceProcess.start('agency', { ...own, AGENCY_CODE: 'CALB' });
    running.push(late);
    const current = await kept();
    await eventually(async () => expect(await heldBy(['agency', 'calb'])).toEqual(current));
    // The stream keeps one message per year: the late follower handled exactly those.
    await eventually(async () =>
      expect(await handledBy(['agency', 'calb'], 'agency-calb-calendar')).toBe(current.length),
    );
    await eventually(() =>
      expect(inMemory(late)).toEqual(
        Object.fromEntries(current.map(({ year, version }) => [year, version])),
      ),
    );
  });

  it("seeds again only the years it lacks: a restart leaves an admin's changes alone", async () => {
    const before = await kept();
    await running[0].stop();
    running[0] = await ServiceProcess.start('intake', own);
    expect(await kept()).toEqual(before);
    const { data } = await anonymous.GET('/v1/calendar/{year}', {
      params: { path: { year: 2025 } },
    });
    expect(data).toMatchObject({ year: 2025, version: 3 });
  });

  it('never sets a year back: a replayed or older version changes nothing', async () => {
    const current = await kept();
    const { data: year2025 } = await anonymous.GET('/v1/calendar/{year}', {
      params: { path: { year: 2025 } },
    });
    expect(year2025?.version).toBe(3);
    const asPublished = (
      daysOff: WorkingDayCalendarChangedV1['daysOff'],
      version: number,
    ): WorkingDayCalendarChangedV1 => ({
      year: 2025,
      version,
      daysOff,
      changedAt: new Date().toISOString(),
    });
    const intakes = year2025!.daysOff.map(({ date, kind }) => ({ date, kind }));
    const before = await Promise.all(
      [
        [['tracking'], 'tracking-calendar'],
        [['agency', 'cala'], 'agency-cala-calendar'],
      ].map(([service, consumer]) => handledBy(service as string[], consumer as string)),
    );
    // The same version again, then an older one with other days off: one at a time, as the
    // stream keeps only the latest message of a year (a follower may skip superseded ones).
    const replays = [
      asPublished(intakes, 3),
      asPublished([{ date: '2025-01-01', kind: 'HOLIDAY' }], 2),
    ];
    for (const [index, replay] of replays.entries()) {
      await publishEvents(env.NATS_URL, own.SP_NAMESPACE, WorkingDayCalendarChanged, [replay]);
      await eventually(async () => {
        expect(await handledBy(['tracking'], 'tracking-calendar')).toBe(before[0] + index + 1);
        expect(await handledBy(['agency', 'cala'], 'agency-cala-calendar')).toBe(
          before[1] + index + 1,
        );
      });
      for (const service of followers) expect(await heldBy(service)).toEqual(current);
    }

    // Leave the stream's latest 2025 as intake's current one, as intake would.
    await publishEvents(env.NATS_URL, own.SP_NAMESPACE, WorkingDayCalendarChanged, [
      asPublished(intakes, 3),
    ]);
  });
});
