import {
  ServiceProcess,
  aPdf,
  clientCredentialsToken,
  deleteNamespaceStreams,
  eventually,
  queryServiceDb,
  testEnvironment,
} from '@satupintu/testing';
import type { Role } from '@satupintu/contracts';
import { DEMO_SERVICES } from '@satupintu/demo';
import { randomUUID } from 'node:crypto';
import { DEMO_ACCOUNTS, demoOfficerUsername } from '../../identity/src/demo/demo-accounts';

/**
 * Who may do what, across every endpoint family that exists, as a real caller meets it: the
 * demo mall (identity, intake, tracking, two agencies, the OSS connector, surveys, the mall floor's queue, the gateway) with tokens issued by
 * identity itself, for every role and every kind of API client. Each one sees and changes only
 * what it should; reads and writes across applicants or agencies are refused without telling
 * whether the thing exists (404, exactly as for something nobody has).
 *
 * The requests are written as a table of raw HTTP calls (the typed client is for the API's
 * shapes, checked elsewhere; here each row is who, what, and the status it must get).
 */
describe('the authorization matrix', () => {
  const env = testEnvironment();
  // Identity loads the demo accounts only into an empty database: a mall of its own.
  const own = { DB_PREFIX: `${env.DB_PREFIX}_matrix`, SP_NAMESPACE: `${env.SP_NAMESPACE}-matrix` };
  const running: ServiceProcess[] = [];
  let gateway: ServiceProcess;

  const [siti, budi] = DEMO_ACCOUNTS.citizens;
  const [portal, kiosk] = DEMO_ACCOUNTS.clients;
  const officer = (agency: string, role: Role) => demoOfficerUsername(agency, role);

  /** Every caller: a token each, from identity, or none. */
  const CALLERS = {
    anonymous: null,
    siti: { identifier: siti.email, password: siti.password },
    budi: { identifier: budi.nik, password: budi.password },
    'dukcapil front desk': { identifier: officer('DUKCAPIL', 'FRONT_DESK') },
    'dukcapil verifier': { identifier: officer('DUKCAPIL', 'VERIFIER') },
    'dukcapil approver': { identifier: officer('DUKCAPIL', 'APPROVER') },
    'dukcapil agency admin': { identifier: officer('DUKCAPIL', 'AGENCY_ADMIN') },
    'pupr verifier': { identifier: officer('PUPR', 'VERIFIER') },
    'pupr agency admin': { identifier: officer('PUPR', 'AGENCY_ADMIN') },
    'mall admin': { identifier: 'admin.mall' },
    'survey analyst': { identifier: 'analis.skm' },
    'portal client': { clientId: portal.clientId, secret: portal.secret },
    'kiosk client': { clientId: kiosk.clientId, secret: kiosk.secret },
    // Created by the mall admin through identity once the others have signed in.
    'dukcapil system': { agencySystem: 'DUKCAPIL' },
  } as const;
  type Caller = keyof typeof CALLERS;
  const tokens = new Map<Caller, string>();

  async function call(
    who: Caller,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: Record<string, unknown>; contentType: string }> {
    const token = tokens.get(who);
    const response = await fetch(`${gateway.url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    // A chart (SVG) is no JSON: only its status counts here.
    const json = text && contentType.includes('json');
    return {
      status: response.status,
      body: json ? (JSON.parse(text) as Record<string, unknown>) : {},
      contentType,
    };
  }

  async function signIn(who: Caller): Promise<string | undefined> {
    const how = CALLERS[who];
    if (!how) return undefined;
    if ('clientId' in how) return (await clientCredentialsToken(gateway.url, how)).accessToken;
    if ('agencySystem' in how) return anAgencySystem(how.agencySystem);
    const password = 'password' in how ? how.password : DEMO_ACCOUNTS.officerPassword;
    const response = await fetch(`${gateway.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: how.identifier, password }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { access_token: string }).access_token;
  }

  /** An AGENCY_SYSTEM client of the agency, as its admin would add it, signed in. */
  async function anAgencySystem(agencyCode: string): Promise<string> {
    const clientId = `${agencyCode.toLowerCase()}-system-${randomUUID().slice(0, 8)}`;
    const created = await call('mall admin', 'POST', '/v1/clients', {
      clientId,
      name: `Sistem ${agencyCode} (uji)`,
      kind: 'AGENCY_SYSTEM',
      agencyCode,
      scopes: [`agency:${agencyCode}:work`],
    });
    expect(created.status).toBe(201);
    const secret = created.body.secret as string;
    return (await clientCredentialsToken(gateway.url, { clientId, secret })).accessToken;
  }

  /** Siti's own application, and one the portal submitted for Budi. */
  let sitis: string;
  let portals: string;
  let sitisBusiness: string;
  let puprVerifierId: string;

  beforeAll(async () => {
    const started = await Promise.all([
      ServiceProcess.start('identity', { ...own, DEMO_SEED: 'true', NODE_ENV: 'test' }),
      ServiceProcess.start('intake', { ...own, DEMO_SEED: 'true' }),
      ServiceProcess.start('tracking', own),
      ServiceProcess.start('agency', { ...own, AGENCY_CODE: 'DUKCAPIL' }),
      ServiceProcess.start('agency', { ...own, AGENCY_CODE: 'PUPR' }),
      ServiceProcess.start('oss', own),
      // The matrix is about who, not how often: a limit no row reaches.
      ServiceProcess.start('gateway', {
        ...own,
        RATE_LIMIT_PER_CALLER: '100000',
        RATE_LIMIT_SIGN_IN: '100000',
        RATE_LIMIT_LOOKUP: '100000',
        RATE_LIMIT_LOOKUP_PER_NUMBER: '100000',
      }),
      ServiceProcess.start('surveys', own),
      ServiceProcess.start('queue', own),
    ]);
    running.push(...started);
    gateway = started[6];
    // The gateway may not have identity's keys yet, and intake not Siti's profile: wait for both.
    await eventually(async () => {
      for (const who of Object.keys(CALLERS) as Caller[]) {
        const token = await signIn(who);
        if (token) tokens.set(who, token);
      }
      expect((await call('siti', 'GET', '/v1/applicants/me')).status).toBe(200);
    });
    await eventually(async () => {
      const mine = await call('siti', 'POST', '/v1/applications', { serviceCode: 'DUKCAPIL-KK' });
      expect(mine.status).toBe(201);
      sitis = mine.body.trackingNo as string;
    });
    const forBudi = await call('portal client', 'POST', '/v1/applications', {
      serviceCode: 'PUPR-PBG',
      applicant: {
        nik: budi.nik,
        name: budi.name,
        birthDate: budi.birthDate,
        consent: { method: 'SIGNED_FORM' },
      },
    });
    expect(forBudi.status).toBe(201);
    portals = forBudi.body.trackingNo as string;
    await eventually(async () => {
      expect((await call('siti', 'GET', `/v1/applications/${sitis}/timeline`)).status).toBe(200);
      expect((await call('budi', 'GET', `/v1/applications/${portals}/timeline`)).status).toBe(200);
    });
    sitisBusiness = (
      (await call('siti', 'GET', '/v1/businesses')).body.items as { businessId: string }[]
    )[0].businessId;
    const puprOfficers = await call('mall admin', 'GET', '/v1/officers?agencyCode=PUPR&limit=100');
    puprVerifierId = (puprOfficers.body.items as { officerId: string; username: string }[]).find(
      (o) => o.username === officer('PUPR', 'VERIFIER'),
    )!.officerId;
  });

  afterAll(async () => {
    await Promise.all(running.map((service) => service.stop()));
    await deleteNamespaceStreams(env.NATS_URL, own.SP_NAMESPACE);
  });

  /** A row: the status each caller must get; `null` where the row does not ask that caller. */
  type Row = Partial<Record<Caller, number>>;

  async function expectRow(
    request: (who: Caller) => Promise<{ status: number; contentType: string }>,
    row: Row,
  ) {
    const got: Row = {};
    for (const who of Object.keys(row) as Caller[]) {
      const answer = await request(who);
      got[who] = answer.status;
      if (answer.status >= 400) expect(answer.contentType).toContain('application/problem+json');
    }
    expect(got).toEqual(row);
  }

  const OFFICERS_REFUSED = {
    'dukcapil verifier': 403,
    'dukcapil approver': 403,
    'dukcapil agency admin': 403,
    'pupr verifier': 403,
    'pupr agency admin': 403,
    'mall admin': 403,
    'survey analyst': 403,
  } as const;

  it('submitting: applicants for themselves, the front desk and the portal for someone named', async () => {
    await expectRow(
      (who) =>
        call(
          who,
          'POST',
          '/v1/applications',
          who === 'siti' || who === 'budi'
            ? { serviceCode: 'DUKCAPIL-KK' }
            : {
                serviceCode: 'DUKCAPIL-KK',
                applicant: {
                  nik: siti.nik,
                  name: siti.name,
                  birthDate: siti.birthDate,
                  consent: { method: 'SIGNED_FORM' },
                },
              },
        ),
      {
        anonymous: 401,
        siti: 201,
        budi: 201,
        'dukcapil front desk': 201,
        ...OFFICERS_REFUSED,
        'portal client': 201,
        'kiosk client': 403,
      },
    );
  });

  it('listing: each applicant and client sees only their own applications', async () => {
    await expectRow((who) => call(who, 'GET', '/v1/applications?limit=100'), {
      anonymous: 401,
      siti: 200,
      budi: 200,
      'dukcapil front desk': 403,
      ...OFFICERS_REFUSED,
      'portal client': 200,
      'kiosk client': 403,
    });
    const listed = async (who: Caller) =>
      (
        (await call(who, 'GET', '/v1/applications?limit=100')).body.items as {
          trackingNo: string;
        }[]
      ).map((item) => item.trackingNo);
    expect(await listed('siti')).toContain(sitis);
    expect(await listed('siti')).not.toContain(portals);
    expect(await listed('budi')).toContain(portals);
    expect(await listed('budi')).not.toContain(sitis);
    expect(await listed('portal client')).toContain(portals);
    expect(await listed('portal client')).not.toContain(sitis);
  });

  it('reading one: its applicant and the client that submitted it; to others as nobody’s', async () => {
    await expectRow((who) => call(who, 'GET', `/v1/applications/${sitis}`), {
      anonymous: 401,
      siti: 200,
      budi: 404,
      'dukcapil front desk': 403,
      ...OFFICERS_REFUSED,
      'portal client': 404,
      'kiosk client': 403,
    });
    await expectRow((who) => call(who, 'GET', `/v1/applications/${portals}`), {
      siti: 404,
      budi: 200,
      'portal client': 200,
    });
  });

  it('withdrawing: only its applicant', async () => {
    const fresh = (await call('siti', 'POST', '/v1/applications', { serviceCode: 'DUKCAPIL-KK' }))
      .body.trackingNo as string;
    // Siti last: the others are refused while it is still hers to withdraw.
    await expectRow((who) => call(who, 'POST', `/v1/applications/${fresh}/withdraw`), {
      anonymous: 401,
      budi: 404,
      'dukcapil front desk': 403,
      ...OFFICERS_REFUSED,
      'portal client': 403,
      'kiosk client': 403,
      siti: 200,
    });
  });

  it('resubmitting: its applicant, or the client that submitted it (then only after NEEDS_REVISION)', async () => {
    const corrections = { form: { nomorKk: '3201010101010001' } };
    // Allowed callers meet the 409 of an application the agency has not sent back.
    await expectRow((who) => call(who, 'POST', `/v1/applications/${sitis}/resubmit`, corrections), {
      anonymous: 401,
      siti: 409,
      budi: 404,
      'dukcapil front desk': 403,
      ...OFFICERS_REFUSED,
      'portal client': 404,
      'kiosk client': 403,
    });
    await expectRow(
      (who) => call(who, 'POST', `/v1/applications/${portals}/resubmit`, corrections),
      { siti: 404, budi: 409, 'portal client': 409 },
    );
  });

  it("pages through a citizen's own applications with the cursor", async () => {
    const all = (
      (await call('siti', 'GET', '/v1/applications?limit=100')).body.items as {
        trackingNo: string;
      }[]
    ).map((item) => item.trackingNo);
    expect(all.length).toBeGreaterThanOrEqual(3);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await call(
        'siti',
        'GET',
        `/v1/applications?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      const items = page.body.items as { trackingNo: string }[];
      expect(items.length).toBeLessThanOrEqual(2);
      seen.push(...items.map((item) => item.trackingNo));
      cursor = page.body.nextCursor as string | undefined;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('following a case: its applicant, its agency, the front desk, the mall, its submitting client', async () => {
    await expectRow((who) => call(who, 'GET', `/v1/applications/${sitis}/timeline`), {
      anonymous: 401,
      siti: 200,
      budi: 404,
      'dukcapil front desk': 200,
      'dukcapil verifier': 200,
      'dukcapil approver': 200,
      'dukcapil agency admin': 200,
      'pupr verifier': 404,
      'pupr agency admin': 404,
      'mall admin': 200,
      'survey analyst': 404,
      'portal client': 404,
      'kiosk client': 404,
    });
    await expectRow((who) => call(who, 'GET', `/v1/applications/${portals}/timeline`), {
      siti: 404,
      budi: 200,
      'dukcapil verifier': 404,
      'pupr verifier': 200,
      'portal client': 200,
      'kiosk client': 404,
    });
  });

  it('a refused timeline reads exactly as a number nobody has', async () => {
    const refused = await call('budi', 'GET', `/v1/applications/${sitis}/timeline`);
    const unknown = await call('budi', 'GET', '/v1/applications/000000000/timeline');
    const { instance: _i1, requestId: _r1, detail: d1, trackingNo: _t1, ...a } = refused.body;
    const { instance: _i2, requestId: _r2, detail: d2, trackingNo: _t2, ...b } = unknown.body;
    expect(refused.status).toBe(unknown.status);
    expect(a).toEqual(b);
    expect(String(d1).replace(sitis, '#')).toBe(String(d2).replace('000000000', '#'));
  });

  /** Who reads an agency's cases: its work queue, the feed, one case. */
  const CASE_READERS = {
    anonymous: 401,
    siti: 403,
    'dukcapil front desk': 200,
    'dukcapil verifier': 200,
    'dukcapil approver': 200,
    'dukcapil agency admin': 200,
    'pupr verifier': 403,
    'pupr agency admin': 403,
    'mall admin': 200,
    'survey analyst': 403,
    'portal client': 403,
    'kiosk client': 403,
    'dukcapil system': 200,
  } as const;

  it("an agency's work queue: its officers, its system and the mall's admin", async () => {
    await expectRow((who) => call(who, 'GET', '/v1/agencies/DUKCAPIL/work-queue'), CASE_READERS);
  });

  it("deadline alerts: an agency's to its admin and the mall's admin; every agency's to the mall's admin", async () => {
    const everyoneElse = {
      anonymous: 401,
      siti: 403,
      'dukcapil front desk': 403,
      'dukcapil verifier': 403,
      'dukcapil approver': 403,
      'pupr verifier': 403,
      'survey analyst': 403,
      'portal client': 403,
      'kiosk client': 403,
      'dukcapil system': 403,
    } as const;
    await expectRow((who) => call(who, 'GET', '/v1/agencies/DUKCAPIL/deadline-alerts?open=true'), {
      ...everyoneElse,
      'dukcapil agency admin': 200,
      'pupr agency admin': 403,
      'mall admin': 200,
    });
    await expectRow((who) => call(who, 'GET', '/v1/deadline-alerts?kind=OVERDUE'), {
      ...everyoneElse,
      'dukcapil agency admin': 403,
      'pupr agency admin': 403,
      'mall admin': 200,
    });
    const malformed = await call('mall admin', 'GET', '/v1/deadline-alerts?kind=LATE&open=maybe');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([
      expect.objectContaining({ field: 'kind', code: 'must_be_one_of' }),
      expect.objectContaining({ field: 'open', code: 'must_be_boolean' }),
    ]);
    const cursor = await call('mall admin', 'GET', '/v1/deadline-alerts?cursor=bm9wZQ');
    expect({ status: cursor.status, code: cursor.body.code }).toEqual({
      status: 400,
      code: 'invalid_cursor',
    });
  });

  it("an agency's cases, pulled and read: its officers, its system and the mall's admin", async () => {
    await expectRow((who) => call(who, 'GET', '/v1/agencies/DUKCAPIL/cases'), CASE_READERS);
    await eventually(async () =>
      expect(
        (await call('dukcapil verifier', 'GET', `/v1/agencies/DUKCAPIL/cases/${sitis}`)).status,
      ).toBe(200),
    );
    await expectRow(
      (who) => call(who, 'GET', `/v1/agencies/DUKCAPIL/cases/${sitis}`),
      CASE_READERS,
    );
    // Asked of another agency, Siti's Dukcapil case is one nobody has.
    await expectRow((who) => call(who, 'GET', `/v1/agencies/PUPR/cases/${sitis}`), {
      'pupr verifier': 404,
      'mall admin': 404,
      'dukcapil system': 403,
    });
  });

  it("a citizen's own profile and business: theirs alone", async () => {
    await expectRow((who) => call(who, 'GET', '/v1/applicants/me'), {
      anonymous: 401,
      siti: 200,
      budi: 200,
      'dukcapil front desk': 403,
      'mall admin': 403,
      'portal client': 403,
    });
    expect((await call('budi', 'GET', '/v1/applicants/me')).body).toMatchObject({
      name: budi.name,
    });
    await expectRow(
      (who) =>
        call(who, 'PATCH', `/v1/businesses/${sitisBusiness}`, { name: 'Warung Makan Sejahtera' }),
      {
        anonymous: 401,
        siti: 200,
        budi: 404,
        'mall admin': 403,
        'portal client': 403,
      },
    );
  });

  it('agencies: the mall admin manages them; anyone may list them', async () => {
    await expectRow((who) => call(who, 'GET', '/v1/agencies'), { anonymous: 200, siti: 200 });
    const suffix = Date.now().toString(36).toUpperCase().slice(-5);
    await expectRow(
      (who) =>
        call(who, 'POST', '/v1/agencies', {
          code: `BPJS${suffix}${who.length}`,
          name: 'BPJS Kesehatan',
          timeZone: 'Asia/Jakarta',
        }),
      {
        anonymous: 401,
        siti: 403,
        'dukcapil agency admin': 403,
        'mall admin': 201,
        'portal client': 403,
      },
    );
  });

  it("officers: the mall admin manages any; an agency admin only their agency's", async () => {
    await expectRow((who) => call(who, 'GET', '/v1/officers?limit=100'), {
      anonymous: 401,
      siti: 403,
      'dukcapil verifier': 403,
      'dukcapil agency admin': 200,
      'mall admin': 200,
      'portal client': 403,
    });
    const agenciesSeenBy = async (who: Caller) =>
      new Set(
        (
          (await call(who, 'GET', '/v1/officers?limit=100')).body.items as { agencyCode?: string }[]
        ).map((o) => o.agencyCode ?? 'mall'),
      );
    expect(await agenciesSeenBy('dukcapil agency admin')).toEqual(new Set(['DUKCAPIL']));
    expect((await agenciesSeenBy('mall admin')).size).toBeGreaterThan(1);
    await expectRow(
      (who) => call(who, 'PATCH', `/v1/officers/${puprVerifierId}`, { name: 'Verifikator PUPR' }),
      {
        'dukcapil agency admin': 404,
        'pupr agency admin': 200,
        'mall admin': 200,
        'pupr verifier': 403,
      },
    );
  });

  it("API clients: another agency's or the mall's are not there for an agency admin", async () => {
    await expectRow((who) => call(who, 'POST', `/v1/clients/${kiosk.clientId}/secrets`), {
      anonymous: 401,
      siti: 403,
      'dukcapil agency admin': 404,
      'portal client': 403,
      'kiosk client': 403,
    });
  });

  it("the dashboards: the mall admin any agency's, an agency admin only their own", async () => {
    const everyone = Object.keys(CALLERS) as Caller[];
    const refused: Row = Object.fromEntries(
      everyone.map((who) => [who, who === 'anonymous' ? 401 : 403]),
    );
    const admins: Row = {
      'mall admin': 200,
      'dukcapil agency admin': 200,
      'pupr agency admin': 200,
    };
    const month = '/v1/dashboards/performance?period=month&from=2026-01-01&to=2026-01-31';
    await expectRow((who) => call(who, 'GET', month), { ...refused, ...admins });
    await expectRow((who) => call(who, 'GET', `${month}&agencyCode=DUKCAPIL`), {
      ...refused,
      ...admins,
      'pupr agency admin': 403,
    });
    const chart = month.replace('performance?', 'performance/chart.svg?measure=decided&');
    await expectRow((who) => call(who, 'GET', `${chart}&agencyCode=PUPR`), {
      ...refused,
      ...admins,
      'dukcapil agency admin': 403,
    });
  });

  it("the OSS connector's admin lists: the mall admin alone", async () => {
    const everyone = Object.keys(CALLERS) as Caller[];
    const refused: Row = Object.fromEntries(
      everyone.map((who) => [who, who === 'anonymous' ? 401 : 403]),
    );
    for (const path of ['/v1/oss/deliveries', '/v1/oss/unmapped-permits', '/v1/oss/files'])
      await expectRow((who) => call(who, 'GET', path), { ...refused, 'mall admin': 200 });
  });

  /** Every caller refused: 401 without a token, 403 with one. */
  const refusedToEveryone = (): Row =>
    Object.fromEntries(
      (Object.keys(CALLERS) as Caller[]).map((who) => [who, who === 'anonymous' ? 401 : 403]),
    );

  /**
   * A case of Siti's that DUKCAPIL rejected (a finished case, which may be rated), once surveys
   * has heard it end.
   */
  let finishedCase: Promise<string> | undefined;
  function sitisFinishedCase(): Promise<string> {
    finishedCase ??= (async () => {
      const submitted = await call('siti', 'POST', '/v1/applications', {
        serviceCode: 'DUKCAPIL-KK',
      });
      expect(submitted.status).toBe(201);
      const trackingNo = submitted.body.trackingNo as string;
      await eventually(async () => {
        const rejected = await call(
          'dukcapil approver',
          'POST',
          `/v1/agencies/DUKCAPIL/cases/${trackingNo}/transitions`,
          { action: 'REJECT', reason: 'Dokumen KK tidak terbaca.' },
        );
        expect(rejected.status).toBe(200);
      });
      await eventually(async () => {
        const [served] = await queryServiceDb<{ finished_status: string | null }>(
          ['surveys'],
          'SELECT finished_status FROM served_cases WHERE tracking_no = $1',
          [trackingNo],
          own.DB_PREFIX,
        );
        expect(served?.finished_status).toBe('REJECTED');
      });
      return trackingNo;
    })();
    return finishedCase;
  }

  const SKM_ANSWERS = { U1: 4, U2: 3, U3: 3, U4: 4, U5: 4, U6: 3, U7: 4, U8: 2, U9: 3 };

  it('SKM responses: an applicant about a finished case of theirs, a kiosk client about a day', async () => {
    const trackingNo = await sitisFinishedCase();
    const refused = refusedToEveryone();
    // Siti last: a case is rated once.
    const { siti: _siti, ...others } = refused;
    await expectRow(
      (who) => call(who, 'POST', '/v1/skm/responses', { trackingNo, answers: SKM_ANSWERS }),
      { ...others, budi: 404, siti: 201 },
    );
    // Her case still in progress: allowed, and told it is not finished.
    await expectRow(
      (who) => call(who, 'POST', '/v1/skm/responses', { trackingNo: sitis, answers: SKM_ANSWERS }),
      { siti: 409, budi: 404 },
    );
    await expectRow(
      (who) =>
        call(who, 'POST', '/v1/skm/kiosk-responses', {
          agencyCode: 'DUKCAPIL',
          serviceCode: 'DUKCAPIL-KK',
          day: '2026-11-30',
          answers: SKM_ANSWERS,
        }),
      { ...refused, 'kiosk client': 201 },
    );
  });

  it("the SKM index, trend and suggestions: the mall's admin and analyst any scope, an agency admin their own", async () => {
    const readers: Row = {
      ...refusedToEveryone(),
      'mall admin': 200,
      'survey analyst': 200,
      'dukcapil agency admin': 200,
      'pupr agency admin': 200,
    };
    for (const path of [
      '/v1/skm/index?period=quarter&at=2026-11-30',
      '/v1/skm/trend?period=quarter&from=2026-01-01&to=2026-12-31',
      '/v1/skm/suggestions?period=year&at=2026-11-30',
    ]) {
      await expectRow((who) => call(who, 'GET', path), readers);
      await expectRow((who) => call(who, 'GET', `${path}&agencyCode=DUKCAPIL`), {
        ...readers,
        'pupr agency admin': 403,
      });
      await expectRow((who) => call(who, 'GET', `${path}&serviceCode=PUPR-PBG`), {
        ...readers,
        'dukcapil agency admin': 403,
      });
    }
  });

  it('the published SKM report: anyone, in each of its forms', async () => {
    const everyone = Object.keys(CALLERS) as Caller[];
    for (const form of ['report', 'report.csv', 'report.html'])
      await expectRow(
        (who) => call(who, 'GET', `/v1/skm/${form}?period=quarter&at=2026-11-30&agencyCode=PUPR`),
        Object.fromEntries(everyone.map((who) => [who, 200])),
      );
  });

  it("follow-up plans: the mall admin any scope's, an agency admin their own agency's", async () => {
    const created = new Map<Caller, string>();
    // The mall admin starts a plan for one of PUPR's services; everyone else tries DUKCAPIL's.
    await expectRow(
      async (who) => {
        const answer = await call(who, 'POST', '/v1/follow-up-plans', {
          scope:
            who === 'mall admin'
              ? { kind: 'SERVICE', serviceCode: 'PUPR-PBG' }
              : { kind: 'AGENCY', agencyCode: 'DUKCAPIL' },
          period: '2026',
        });
        if (answer.status === 201) created.set(who, answer.body.planId as string);
        return answer;
      },
      { ...refusedToEveryone(), 'dukcapil agency admin': 201, 'mall admin': 201 },
    );
    const managers: Row = {
      ...refusedToEveryone(),
      'dukcapil agency admin': 200,
      'pupr agency admin': 200,
      'mall admin': 200,
    };
    await expectRow((who) => call(who, 'GET', '/v1/follow-up-plans'), managers);
    await expectRow((who) => call(who, 'GET', '/v1/follow-up-plans?agencyCode=DUKCAPIL'), {
      ...managers,
      'pupr agency admin': 403,
    });

    // DUKCAPIL's plan, addressed by id: as missing to PUPR's admin.
    const plan = `/v1/follow-up-plans/${created.get('dukcapil agency admin')}`;
    const ofDukcapil = (status: number): Row => ({
      ...refusedToEveryone(),
      'dukcapil agency admin': status,
      'pupr agency admin': 404,
      'mall admin': status,
    });
    await expectRow((who) => call(who, 'GET', plan), ofDukcapil(200));
    const version = async () => (await call('mall admin', 'GET', plan)).body.version as number;
    await expectRow(
      async (who) =>
        call(who, 'PUT', `${plan}/forum`, {
          date: '2026-04-15',
          participants: [{ name: 'Ketua RW 05', affiliation: 'Forum Warga' }],
          minutes: 'Forum menyepakati prioritas U3.',
          version: await version(),
        }),
      ofDukcapil(200),
    );
    const item = {
      element: 'U3',
      activity: 'Memangkas alur verifikasi KK',
      plannedQuarters: ['II'],
      responsibleUnit: 'Bidang Pelayanan',
    };
    const items = new Map<Caller, { itemId: string; version: number }>();
    await expectRow(async (who) => {
      const answer = await call(who, 'POST', `${plan}/items`, item);
      if (answer.status === 201)
        items.set(who, answer.body as unknown as { itemId: string; version: number });
      return answer;
    }, ofDukcapil(201));
    const { itemId } = items.get('dukcapil agency admin')!;
    const itemVersion = async () =>
      (
        (await call('mall admin', 'GET', plan)).body.items as { itemId: string; version: number }[]
      ).find((found) => found.itemId === itemId)!.version;
    await expectRow(
      async (who) =>
        call(who, 'PATCH', `${plan}/items/${itemId}`, {
          version: await itemVersion(),
          activity: 'Memangkas alur verifikasi KK menjadi tiga meja',
        }),
      ofDukcapil(200),
    );
  });

  it("SERVQUAL: applicants about a finished case of theirs and kiosks answer; the mall and the service's agency read", async () => {
    const trackingNo = await sitisFinishedCase();
    const answers = [{ item: 1, expectation: 5, perception: 4 }];
    const { siti: _siti, ...others } = refusedToEveryone();
    await expectRow(
      (who) =>
        call(
          who,
          'POST',
          '/v1/servqual/responses',
          who === 'kiosk client'
            ? { serviceCode: 'DUKCAPIL-KK', day: '2026-11-30', answers }
            : { trackingNo, answers },
        ),
      { ...others, budi: 404, 'kiosk client': 201, siti: 201 },
    );
    for (const path of ['results', 'results.csv'])
      await expectRow(
        (who) => call(who, 'GET', `/v1/servqual/${path}?serviceCode=DUKCAPIL-KK&period=2026`),
        {
          ...refusedToEveryone(),
          'dukcapil agency admin': 200,
          'mall admin': 200,
          'survey analyst': 200,
        },
      );
  });

  /** A complaint about DUKCAPIL-KK, submitted by Siti signed in (or by nobody): its receipt. */
  async function aComplaint(
    by: 'siti' | 'anonymous' = 'siti',
  ): Promise<{ complaintNo: string; followSecret: string }> {
    const submitted = await call(by, 'POST', '/v1/complaints', {
      kind: 'PENGADUAN',
      subjectKind: 'SERVICE',
      serviceCode: 'DUKCAPIL-KK',
      text: 'Antrean loket KK tidak bergerak selama dua jam.',
    });
    expect(submitted.status).toBe(201);
    return submitted.body as { complaintNo: string; followSecret: string };
  }
  const act = (who: Caller, complaintNo: string, action: 'route' | 'answer' | 'dispute') =>
    call(who, 'POST', `/v1/complaints/${complaintNo}/${action}`, {
      text: `Tindakan ${action} oleh petugas.`,
    });

  it('complaints: anyone or an applicant submits; officers and API clients do not', async () => {
    await expectRow(
      (who) =>
        call(who, 'POST', '/v1/complaints', {
          kind: 'ASPIRASI',
          subjectKind: 'SERVICE',
          serviceCode: 'DUKCAPIL-KK',
          text: 'Mohon tambah kursi di ruang tunggu.',
        }),
      { ...refusedToEveryone(), anonymous: 201, siti: 201, budi: 201 },
    );
  });

  it("a complaint: its reporter and the mall's admin read it; the owning agency once it is routed", async () => {
    const { complaintNo, followSecret } = await aComplaint();
    const everyone = Object.keys(CALLERS) as Caller[];
    await expectRow(
      (who) => call(who, 'POST', '/v1/complaints/lookups', { complaintNo, followSecret }),
      Object.fromEntries(everyone.map((who) => [who, 200])),
    );
    const unrouted: Row = {
      anonymous: 401,
      siti: 200,
      budi: 404,
      'dukcapil front desk': 404,
      'dukcapil verifier': 404,
      'dukcapil approver': 404,
      'dukcapil agency admin': 404,
      'pupr verifier': 404,
      'pupr agency admin': 404,
      'mall admin': 200,
      'survey analyst': 404,
      'portal client': 403,
      'kiosk client': 403,
      'dukcapil system': 403,
    };
    await expectRow((who) => call(who, 'GET', `/v1/complaints/${complaintNo}`), unrouted);
    // The mall's admin alone routes it; last, since it is routed once.
    const { 'mall admin': _admin, ...others } = refusedToEveryone();
    await expectRow((who) => act(who, complaintNo, 'route'), { ...others, 'mall admin': 200 });
    await expectRow((who) => call(who, 'GET', `/v1/complaints/${complaintNo}`), {
      ...unrouted,
      'dukcapil front desk': 200,
      'dukcapil verifier': 200,
      'dukcapil approver': 200,
      'dukcapil agency admin': 200,
    });
  });

  it("answering a complaint: the owning agency's officers; disputing it: its reporter, signed in or by its secret", async () => {
    const answerers = [
      'dukcapil front desk',
      'dukcapil verifier',
      'dukcapil approver',
      'dukcapil agency admin',
    ] as const;
    // A routed complaint for each officer who may answer (an answer is given once).
    const routed = new Map<Caller, string>();
    for (const who of answerers) {
      const { complaintNo } = await aComplaint();
      expect((await act('mall admin', complaintNo, 'route')).status).toBe(200);
      routed.set(who, complaintNo);
    }
    const first = routed.get('dukcapil front desk')!;
    await expectRow((who) => act(who, routed.get(who) ?? first, 'answer'), {
      anonymous: 401,
      siti: 403,
      budi: 403,
      'pupr verifier': 404,
      'pupr agency admin': 404,
      'mall admin': 403,
      'survey analyst': 403,
      'portal client': 403,
      'kiosk client': 403,
      'dukcapil system': 403,
      ...Object.fromEntries(answerers.map((who) => [who, 200])),
    });
    // Its reporter, last: disputed once. Its handlers may read it but not dispute it.
    await expectRow((who) => act(who, first, 'dispute'), {
      anonymous: 404,
      budi: 404,
      'dukcapil front desk': 403,
      'dukcapil verifier': 403,
      'dukcapil approver': 403,
      'dukcapil agency admin': 403,
      'pupr verifier': 404,
      'pupr agency admin': 404,
      'mall admin': 403,
      'survey analyst': 404,
      'portal client': 404,
      'kiosk client': 404,
      'dukcapil system': 404,
      siti: 200,
    });
    // An anonymous reporter disputes by the secret of the receipt.
    const anonymous = await aComplaint('anonymous');
    expect((await act('mall admin', anonymous.complaintNo, 'route')).status).toBe(200);
    expect((await act('dukcapil verifier', anonymous.complaintNo, 'answer')).status).toBe(200);
    const disputed = await call(
      'anonymous',
      'POST',
      `/v1/complaints/${anonymous.complaintNo}/dispute`,
      {
        text: 'Jawaban tidak menjawab keluhan saya.',
        followSecret: anonymous.followSecret,
      },
    );
    expect(disputed.status).toBe(200);
  });

  it("complaint lists, escalations and figures: an agency's to its people, every agency's to the mall's admin", async () => {
    const agencyOfficers: Row = {
      'dukcapil front desk': 200,
      'dukcapil verifier': 200,
      'dukcapil approver': 200,
      'dukcapil agency admin': 200,
    };
    await expectRow((who) => call(who, 'GET', '/v1/complaints?agencyCode=DUKCAPIL'), {
      ...refusedToEveryone(),
      ...agencyOfficers,
      'mall admin': 200,
    });
    await expectRow((who) => call(who, 'GET', '/v1/complaints'), {
      ...refusedToEveryone(),
      'mall admin': 200,
    });
    const quarter = 'from=2026-10-01&to=2027-01-01';
    for (const path of ['/v1/complaint-escalations?', `/v1/dashboards/complaints?${quarter}&`]) {
      await expectRow((who) => call(who, 'GET', `${path}agencyCode=DUKCAPIL`), {
        ...refusedToEveryone(),
        'dukcapil agency admin': 200,
        'mall admin': 200,
      });
      await expectRow((who) => call(who, 'GET', path.slice(0, -1)), {
        ...refusedToEveryone(),
        'mall admin': 200,
      });
    }
  });

  it('the working-day calendar: anyone reads it; only the mall admin changes it', async () => {
    const everyone = Object.keys(CALLERS) as Caller[];
    await expectRow(
      (who) => call(who, 'GET', '/v1/calendar/2026'),
      Object.fromEntries(everyone.map((who) => [who, 200])),
    );
    const refused: Row = Object.fromEntries(
      everyone.map((who) => [who, who === 'anonymous' ? 401 : 403]),
    );
    const day = '/v1/calendar/2027/days-off/2027-06-07';
    await expectRow(
      (who) =>
        call(who, 'PUT', day, {
          kind: 'CUTI_BERSAMA',
          nameId: 'Cuti Bersama Uji',
          nameEn: 'Collective leave (test)',
        }),
      { ...refused, 'mall admin': 200 },
    );
    await expectRow((who) => call(who, 'DELETE', day), { ...refused, 'mall admin': 200 });
  });

  it("the catalog: anyone reads it; only the agency's admin or the mall's publishes a standard", async () => {
    const everyone = Object.keys(CALLERS) as Caller[];
    const all = (status: number) => Object.fromEntries(everyone.map((who) => [who, status]));
    await expectRow((who) => call(who, 'GET', '/v1/services?agency=DUKCAPIL'), all(200));
    await expectRow((who) => call(who, 'GET', '/v1/services/DUKCAPIL-KK'), all(200));
    const {
      agencyCode: _agency,
      code: _code,
      ...kk
    } = DEMO_SERVICES.find((service) => service.code === 'DUKCAPIL-KK')!;
    const refused: Row = Object.fromEntries(
      everyone.map((who) => [who, who === 'anonymous' ? 401 : 403]),
    );
    await expectRow((who) => call(who, 'PUT', '/v1/agencies/DUKCAPIL/services/DUKCAPIL-KK', kk), {
      ...refused,
      'dukcapil agency admin': 200,
      'mall admin': 200,
    });
  });

  it("documents: a caller's own; once attached, its applicant's and its agency's", async () => {
    // Uploading is for those who may submit; the rule is decided before the body is read.
    await expectRow((who) => call(who, 'POST', '/v1/documents', {}), {
      anonymous: 401,
      'dukcapil verifier': 403,
      'mall admin': 403,
      'survey analyst': 403,
      // Allowed to upload, but a JSON body is not a file.
      siti: 415,
      'dukcapil front desk': 415,
    });
    const form = new FormData();
    form.append('file', new Blob([aPdf(2048)]), 'ktp.pdf');
    const uploaded = await fetch(`${gateway.url}/v1/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.get('siti')}` },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    const { documentId } = (await uploaded.json()) as { documentId: string };
    const download = (who: Caller) => call(who, 'GET', `/v1/documents/${documentId}/meta`);
    const strangers: Row = {
      budi: 404,
      'pupr verifier': 404,
      'mall admin': 404,
      'portal client': 404,
      'kiosk client': 404,
    };
    await expectRow(download, {
      anonymous: 401,
      siti: 200,
      'dukcapil verifier': 404,
      ...strangers,
    });
    const attached = await call('siti', 'POST', '/v1/applications', {
      serviceCode: 'DUKCAPIL-KK',
      documents: [{ requirement: 'F1_02', documentId }],
    });
    expect(attached.status).toBe(201);
    await expectRow(download, {
      anonymous: 401,
      siti: 200,
      'dukcapil verifier': 200,
      'dukcapil approver': 200,
      ...strangers,
    });
  });

  it('signing in and the keys are public; a password is a person’s', async () => {
    await expectRow((who) => call(who, 'GET', '/v1/.well-known/jwks.json'), {
      anonymous: 200,
      'portal client': 200,
    });
    await expectRow(
      (who) =>
        call(who, 'POST', '/v1/auth/password', {
          currentPassword: 'not-the-password-at-all',
          newPassword: 'sebuah-kata-sandi-baru-yang-panjang',
        }),
      { anonymous: 401, 'portal client': 403, 'kiosk client': 403 },
    );
  });

  it("the mall floor: its admins set it up, kiosks issue, applicants book, an agency's officers call", async () => {
    const everyone = Object.keys(CALLERS) as Caller[];
    const refused = (except: Caller[] = []): Row =>
      Object.fromEntries(
        everyone
          .filter((who) => !except.includes(who))
          .map((who) => [who, who === 'anonymous' ? 401 : 403]),
      );
    const all = (status: number): Row => Object.fromEntries(everyone.map((who) => [who, status]));
    // Set up by Dukcapil's admin or the mall's: another agency's admin is refused by the queue.
    const managers: Row = {
      ...refused(),
      'pupr agency admin': 403,
      'dukcapil agency admin': 200,
      'mall admin': 200,
    };
    await expectRow(
      (who) =>
        call(who, 'PUT', '/v1/queue/lines/M', {
          agencyCode: 'DUKCAPIL',
          name: 'Matriks',
          serviceCodes: ['DUKCAPIL-KK'],
          active: true,
        }),
      managers,
    );
    await expectRow(
      (who) =>
        call(who, 'PUT', '/v1/queue/counters/M1', {
          agencyCode: 'DUKCAPIL',
          name: 'Loket matriks',
          active: true,
        }),
      managers,
    );
    await expectRow(
      (who) =>
        call(who, 'PUT', '/v1/queue/services/DUKCAPIL-KK/schedule', {
          slots: [{ start: '08:00', minutes: 60, capacity: 10 }],
        }),
      managers,
    );
    for (const path of [
      '/v1/queue/lines',
      '/v1/queue/counters',
      '/v1/queue/services/DUKCAPIL-KK/slots?day=2026-03-17',
    ])
      await expectRow((who) => call(who, 'GET', path), all(200));

    // Numbers and check-ins: a kiosk (queue:kiosk) alone.
    await expectRow(
      (who) => call(who, 'POST', '/v1/queue/tickets', { serviceCode: 'DUKCAPIL-KK' }),
      {
        ...refused(['kiosk client']),
        'kiosk client': 201,
      },
    );
    const walkIn = (
      await call('kiosk client', 'POST', '/v1/queue/tickets', { serviceCode: 'DUKCAPIL-KK' })
    ).body.code as string;
    await expectRow((who) => call(who, 'GET', `/v1/queue/tickets/${walkIn}`), all(200));
    // A walk-in's code is no booking: to the kiosk, as a code nobody booked.
    await expectRow((who) => call(who, 'POST', '/v1/queue/check-ins', { bookingCode: walkIn }), {
      ...refused(['kiosk client']),
      'kiosk client': 404,
    });

    // Bookings: applicants, for themselves (a day gone is refused only once they may book).
    const applicants = (status: number): Row => ({
      ...refused(['siti', 'budi']),
      siti: status,
      budi: status,
    });
    await expectRow(
      (who) =>
        call(who, 'POST', '/v1/queue/bookings', {
          serviceCode: 'DUKCAPIL-KK',
          day: '2020-01-02',
          slotStart: '08:00',
        }),
      applicants(422),
    );
    await expectRow((who) => call(who, 'GET', '/v1/queue/bookings'), applicants(200));
    await expectRow(
      (who) => call(who, 'POST', `/v1/queue/bookings/${walkIn}/cancel`),
      applicants(404),
    );

    // Counter sessions: an agency's own officers at its counters.
    await expectRow(
      (who) =>
        call(who, 'POST', '/v1/queue/sessions', {
          counterCode: 'M1',
          serviceCodes: ['DUKCAPIL-KK'],
        }),
      // Dukcapil's other officers may too, but the counter is taken by then.
      {
        ...refused(),
        'dukcapil front desk': 201,
        'dukcapil verifier': 409,
        'dukcapil approver': 409,
        'dukcapil agency admin': 409,
      },
    );
    const sessionId = (await call('dukcapil front desk', 'GET', '/v1/queue/sessions/current')).body
      .sessionId as string;
    await expectRow((who) => call(who, 'GET', '/v1/queue/sessions/current'), {
      ...refused(),
      'dukcapil front desk': 200,
      'dukcapil verifier': 404,
      'dukcapil approver': 404,
      'dukcapil agency admin': 404,
      'pupr verifier': 404,
      'pupr agency admin': 404,
    });
    /** Read, acted on and closed by its officer and the admins of its agency and the mall. */
    const users = (status: number): Row => ({
      ...refused(),
      'dukcapil verifier': 404,
      'dukcapil approver': 404,
      'pupr verifier': 404,
      'pupr agency admin': 404,
      'dukcapil front desk': status,
      'dukcapil agency admin': status,
      'mall admin': status,
    });
    await expectRow((who) => call(who, 'GET', '/v1/queue/counters/M1/session'), users(200));
    // Only its own officer calls; the admins who may act are refused calling.
    await expectRow((who) => call(who, 'POST', `/v1/queue/sessions/${sessionId}/calls`), {
      ...users(403),
      'mall admin': 403,
      'dukcapil front desk': 201,
    });
    await expectRow(
      (who) => call(who, 'POST', `/v1/queue/sessions/${sessionId}/recall`),
      users(200),
    );
    await expectRow((who) => call(who, 'POST', `/v1/queue/sessions/${sessionId}/served`), {
      ...users(200),
      'dukcapil agency admin': 409,
      'mall admin': 409,
    });
    await expectRow(
      (who) => call(who, 'POST', `/v1/queue/sessions/${sessionId}/no-show`),
      users(409),
    );
    await expectRow((who) => call(who, 'POST', `/v1/queue/sessions/${sessionId}/close`), {
      ...users(200),
      'dukcapil agency admin': 409,
      'mall admin': 409,
    });
  });

  /**
   * Opens a server-sent-events stream, reads its status and type, and hangs up: a stream that
   * was let in never ends by itself, so its body is not waited for (a refusal's is read).
   */
  async function openStream(
    who: Caller,
    path: string,
  ): Promise<{ status: number; contentType: string }> {
    const token = tokens.get(who);
    const hangUp = new AbortController();
    const response = await fetch(`${gateway.url}${path}`, {
      headers: {
        accept: 'text/event-stream',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      signal: hangUp.signal,
    });
    const contentType = response.headers.get('content-type') ?? '';
    if (response.ok) hangUp.abort();
    else await response.text();
    return { status: response.status, contentType };
  }

  it("the floor's display feed is public; its figures are the mall admin's, and an agency admin's own", async () => {
    const everyone = Object.keys(CALLERS) as Caller[];
    // The mall's screens sign in as nobody: every caller, anonymous too, opens the feed.
    const opened: Row = {};
    for (const who of everyone) {
      const stream = await openStream(who, '/v1/queue/display/events');
      opened[who] = stream.status;
      if (stream.status === 200) expect(stream.contentType).toContain('text/event-stream');
    }
    expect(opened).toEqual(Object.fromEntries(everyone.map((who) => [who, 200])));

    // As the complaint figures: an agency admin names their own agency; the mall admin any, or all.
    const days = '/v1/dashboards/queue?from=2026-10-01&to=2026-10-02';
    await expectRow((who) => call(who, 'GET', `${days}&agencyCode=DUKCAPIL`), {
      ...refusedToEveryone(),
      'dukcapil agency admin': 200,
      'mall admin': 200,
    });
    await expectRow((who) => call(who, 'GET', `${days}&agencyCode=PUPR`), {
      ...refusedToEveryone(),
      'pupr agency admin': 200,
      'mall admin': 200,
    });
    await expectRow((who) => call(who, 'GET', days), {
      ...refusedToEveryone(),
      'mall admin': 200,
    });
  });
});
