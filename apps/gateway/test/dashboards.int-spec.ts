import { DOMParser } from '@xmldom/xmldom';
import {
  ApplicationStatusChanged,
  ApplicationSubmitted,
  type PerformanceV1,
  type Principal,
} from '@satupintu/contracts';
import {
  ServiceProcess,
  TestTokenIssuer,
  anOfficer,
  callGateway,
  deleteNamespaceStreams,
  eventually,
  publishEvents,
  queryServiceDb,
  testEnvironment,
} from '@satupintu/testing';
import { randomUUID } from 'node:crypto';

/**
 * The dashboards through the gateway: who may ask, JSON or CSV by `Accept` or by path, the SVG
 * chart, and refusals as problem details. The figures themselves are checked in tracking's
 * dashboards test; here two cases in a namespace of their own give a January to compare forms.
 */
describe('GET /v1/dashboards/performance', () => {
  const env = testEnvironment();
  const namespace = `${env.SP_NAMESPACE}g`;
  const prefix = `${env.DB_PREFIX}_gdash`;
  const isolated = { SP_NAMESPACE: namespace, DB_PREFIX: prefix };
  let services: ServiceProcess[] = [];
  let issuer: TestTokenIssuer;
  let gateway: ServiceProcess;
  const auth = new Map<Principal, string>();

  const mallAdmin = anOfficer('MPP', ['MALL_ADMIN']);
  const puprAdmin = anOfficer('PUPR', ['AGENCY_ADMIN']);
  const verifier = anOfficer('DUKCAPIL', ['VERIFIER']);
  const JANUARY = '/v1/dashboards/performance?period=month&from=2026-01-01&to=2026-01-31';

  const get = (principal: Principal | undefined, path: string, accept?: string) =>
    fetch(`${gateway.url}${path}`, {
      headers: {
        'accept-language': 'en',
        ...(principal ? { authorization: auth.get(principal)! } : {}),
        ...(accept ? { accept } : {}),
      },
    });

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start({ natsUrl: env.NATS_URL, namespace });
    for (const principal of [mallAdmin, puprAdmin, verifier])
      auth.set(
        principal,
        (await issuer.authorization(principal, { expiresInSeconds: 3600 })).authorization,
      );
    services = await Promise.all([
      ServiceProcess.start('gateway', isolated),
      ServiceProcess.start('tracking', isolated),
    ]);
    [gateway] = services;
    const dukcapil = randomUUID();
    // DUKCAPIL, Mon 5 Jan 2026 09:00 WIB on the web, issued Wed 7 Jan (6, 7: 2 working days,
    // by its deadline); PUPR, Tue 6 Jan 09:00 WIT at a kiosk, still open.
    await publishEvents(env.NATS_URL, namespace, ApplicationSubmitted, [
      {
        applicationId: dukcapil,
        trackingNo: 'GDASH0001',
        serviceCode: 'DUKCAPIL-KK',
        agencyCode: 'DUKCAPIL',
        agencyTimeZone: 'Asia/Jakarta',
        channel: 'WEB',
        submittedAt: '2026-01-05T02:00:00Z',
      },
      {
        applicationId: randomUUID(),
        trackingNo: 'GDASH0002',
        serviceCode: 'PUPR-PBG',
        agencyCode: 'PUPR',
        agencyTimeZone: 'Asia/Jayapura',
        channel: 'KIOSK',
        submittedAt: '2026-01-06T00:00:00Z',
      },
    ]);
    const step = { applicationId: dukcapil, trackingNo: 'GDASH0001', agencyCode: 'DUKCAPIL' };
    await publishEvents(env.NATS_URL, namespace, ApplicationStatusChanged, [
      {
        ...step,
        agencyTimeZone: 'Asia/Jakarta',
        from: 'SUBMITTED',
        to: 'VERIFYING',
        changedAt: '2026-01-05T03:00:00Z',
        sequence: 1,
        deadline: '2026-01-12T17:00:00Z',
      },
      {
        ...step,
        agencyTimeZone: 'Asia/Jakarta',
        from: 'VERIFYING',
        to: 'ISSUED',
        changedAt: '2026-01-07T08:00:00Z',
        sequence: 2,
      },
    ]);
    await eventually(async () => {
      const [row] = await queryServiceDb<{ n: string }>(
        ['tracking'],
        "SELECT count(*) AS n FROM case_views WHERE status = 'ISSUED' OR channel = 'KIOSK'",
        [],
        prefix,
      );
      expect(Number(row.n)).toBe(2);
    });
  }, 120_000);

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await issuer?.stop();
    await deleteNamespaceStreams(env.NATS_URL, namespace);
  });

  it('answers a mall admin as JSON, and the same figures as CSV by Accept and by path', async () => {
    const json = await callGateway<PerformanceV1>(
      gateway.url,
      auth.get(mallAdmin)!,
      'GET',
      JANUARY,
    );
    expect(json.status).toBe(200);
    expect(json.headers.get('vary')).toMatch(/accept/i);
    expect(json.body).toMatchObject({ period: 'month', from: '2026-01-01', to: '2026-01-31' });
    expect(json.body.periods).toHaveLength(1);
    expect(json.body.periods[0]).toMatchObject({
      period: '2026-01-01',
      submitted: 2,
      byChannel: { WEB: 1, KIOSK: 1, COUNTER: 0 },
      decided: 1,
      medianDays: 2,
      p90Days: 2,
      withinStandardShare: 1,
    });
    // The PUPR case: open, no deadline.
    expect(json.body.now).toEqual({ open: 1, atRisk: 0, overdue: 0 });

    const negotiated = await get(mallAdmin, JANUARY, 'application/json;q=0.5, text/csv');
    const byPath = await get(mallAdmin, JANUARY.replace('performance?', 'performance.csv?'));
    for (const answer of [negotiated, byPath]) {
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
      expect(answer.headers.get('content-disposition')).toBe(
        'attachment; filename="performance-month-2026-01-01-2026-01-31.csv"',
      );
    }
    const [csvA, csvB] = [await negotiated.text(), await byPath.text()];
    expect(csvA).toBe(csvB);
    const [header, record, end] = csvA.split('\r\n');
    expect(end).toBe('');
    const row = Object.fromEntries(
      header.split(',').map((name, index) => [name, record.split(',')[index]]),
    );
    expect(row).toMatchObject({
      period: '2026-01-01',
      submitted: '2',
      'byChannel.WEB': '1',
      'byChannel.KIOSK': '1',
      decided: '1',
      medianDays: '2',
      withinStandardShare: '1',
      rejectionRate: '0',
      bundleMedianDays: '',
    });
  });

  it('draws the chart as SVG, one bar per period', async () => {
    const answer = await get(
      mallAdmin,
      '/v1/dashboards/performance/chart.svg?measure=submitted&period=day&from=2026-01-05&to=2026-01-07',
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(answer.headers.get('content-security-policy')).toContain("default-src 'none'");
    const errors: string[] = [];
    const svg = new DOMParser({
      onError: (level, message) => errors.push(`${level} ${message}`),
    }).parseFromString(await answer.text(), 'image/svg+xml');
    expect(errors).toEqual([]);
    const bars = Array.from(svg.getElementsByTagName('path')).filter(
      (path) => path.getAttribute('aria-roledescription') === 'bar',
    );
    // Mon 5 Jan: the DUKCAPIL case; Tue 6 Jan: the PUPR case; Wed 7 Jan: none.
    expect(bars.map((bar) => bar.getAttribute('aria-label'))).toEqual([
      'Hari: 2026-01-05; permohonan: 1',
      'Hari: 2026-01-06; permohonan: 1',
      'Hari: 2026-01-07; permohonan: 0',
    ]);
  });

  it("keeps an agency admin to their own agency's figures", async () => {
    const own = await callGateway<PerformanceV1>(gateway.url, auth.get(puprAdmin)!, 'GET', JANUARY);
    expect(own.status).toBe(200);
    expect(own.body.agencyCode).toBe('PUPR');
    expect(own.body.periods[0]).toMatchObject({ submitted: 1, byChannel: { KIOSK: 1 } });
    const other = await callGateway(
      gateway.url,
      auth.get(puprAdmin)!,
      'GET',
      `${JANUARY}&agencyCode=DUKCAPIL`,
    );
    expect(other.status).toBe(403);
    expect(other.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(other.body).toMatchObject({ code: 'forbidden' });
  });

  it('refuses anyone else, and a malformed question, as problem details', async () => {
    expect((await get(undefined, JANUARY)).status).toBe(401);
    const verifying = await get(verifier, JANUARY);
    expect(verifying.status).toBe(403);
    const week = await callGateway(
      gateway.url,
      auth.get(mallAdmin)!,
      'GET',
      '/v1/dashboards/performance?period=week&from=2026-01-01&to=2026-01-31',
    );
    expect(week.status).toBe(400);
    expect(week.body).toMatchObject({ errors: [{ field: 'period' }] });
    const backwards = await callGateway(
      gateway.url,
      auth.get(mallAdmin)!,
      'GET',
      '/v1/dashboards/performance?period=day&from=2026-03-02&to=2026-03-01',
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body).toMatchObject({
      errors: [{ field: 'to', code: 'period_order', message: 'must not be before from' }],
    });
    const measure = await callGateway(
      gateway.url,
      auth.get(mallAdmin)!,
      'GET',
      '/v1/dashboards/performance/chart.svg?measure=everything&period=day&from=2026-01-01&to=2026-01-02',
    );
    expect(measure.status).toBe(400);
    expect(measure.body).toMatchObject({ errors: [{ field: 'measure' }] });
  });
});
