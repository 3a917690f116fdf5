import { ApplicantProfileChanged } from '@satupintu/contracts';
import { generateTrackingNumber } from '@satupintu/domain';
import {
  ServiceProcess,
  deleteNamespaceStreams,
  eventually,
  publishEvents,
  queryServiceDb,
  testEnvironment,
} from '@satupintu/testing';
import { randomBytes } from 'node:crypto';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { DEMO_ACCOUNTS } from '../../identity/src/demo/demo-accounts';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body exactly as sent. */
  text: string;
}

const PER_IP = 6;
const PER_NUMBER = 4;
// A window far longer than the suite: every request of a case falls in the same one.
const WINDOW_SECONDS = 1_000_000;

/** A number with a right check symbol that no application has (40 random bits). */
const unknownNumber = () => generateTrackingNumber((n) => randomBytes(n));

/** The number with one symbol typed wrong (another symbol of the alphabet). */
function oneSymbolWrong(trackingNo: string): string {
  const wrong = trackingNo[3] === 'A' ? 'B' : 'A';
  return `${trackingNo.slice(0, 3)}${wrong}${trackingNo.slice(4)}`;
}

/**
 * The public lookup across the real identity (the demo mall's Siti, registered with her birth
 * date and her business's NIB), intake, tracking and gateway: tracking follows the profiles and
 * keeps only keyed HMACs of the factors; the answer carries no personal data; a wrong factor is
 * answered byte for byte as a number nobody has; a mistyped number is refused by its check
 * symbol; and both limits (per IP, per tracking number from any IP) refuse with 429.
 */
describe('POST /v1/lookups', () => {
  const env = testEnvironment();
  // Identity loads the demo accounts only into an empty database: a mall of its own.
  const own = { DB_PREFIX: `${env.DB_PREFIX}_lookup`, SP_NAMESPACE: `${env.SP_NAMESPACE}-lookup` };
  const running: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  const [siti] = DEMO_ACCOUNTS.citizens;
  const business = DEMO_ACCOUNTS.business;
  let sitiToken: string;
  let sitiId: string;
  let businessId: string;

  /** A lookup from a loopback address of the test's choosing: each address is another IP. */
  function lookUp(body: unknown, from = '127.0.0.1'): Promise<Answer> {
    const payload = JSON.stringify(body);
    return new Promise<Answer>((resolve, reject) => {
      const req = httpRequest(
        `${gateway.url}/v1/lookups`,
        {
          method: 'POST',
          localAddress: from,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
            'accept-language': 'en',
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  async function asSiti(method: string, path: string, body?: unknown) {
    const response = await fetch(`${gateway.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${sitiToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  /** Siti applies (for herself, or for her business); answers the tracking number. */
  async function sitiApplies(serviceCode: string, forBusiness?: string): Promise<string> {
    const submitted = await asSiti('POST', '/v1/applications', {
      serviceCode,
      ...(forBusiness ? { businessId: forBusiness } : {}),
    });
    expect(submitted.status).toBe(201);
    return submitted.body.trackingNo as string;
  }

  let sitis: string;
  let businesss: string;

  beforeAll(async () => {
    const started = await Promise.all([
      ServiceProcess.start('identity', { ...own, DEMO_SEED: 'true', NODE_ENV: 'test' }),
      ServiceProcess.start('intake', { ...own, DEMO_SEED: 'true' }),
      ServiceProcess.start('tracking', own),
      ServiceProcess.start('gateway', {
        ...own,
        RATE_LIMIT_LOOKUP: String(PER_IP),
        RATE_LIMIT_LOOKUP_PER_NUMBER: String(PER_NUMBER),
        RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
      }),
    ]);
    running.push(...started);
    gateway = started[3];
    // The gateway may not have identity's keys yet, nor intake Siti's profile: wait for both.
    await eventually(async () => {
      const response = await fetch(`${gateway.url}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ identifier: siti.email, password: siti.password }),
      });
      expect(response.status).toBe(200);
      sitiToken = ((await response.json()) as { access_token: string }).access_token;
      const me = await asSiti('GET', '/v1/applicants/me');
      expect(me.status).toBe(200);
      sitiId = me.body.applicantId as string;
    });
    businessId = ((await asSiti('GET', '/v1/businesses')).body.items as { businessId: string }[])[0]
      .businessId;
    await eventually(async () => {
      sitis = await sitiApplies('DUKCAPIL-KK');
    });
    await eventually(async () => {
      businesss = await sitiApplies('DPMPTSP-NIB', businessId);
    });
    // Tracking has heard of both submissions and of both profiles: from now on a lookup is
    // answered at once (waiting by looking up would spend the limits this suite tests).
    await eventually(async () => {
      const cases = await trackingDb('SELECT 1 FROM case_views WHERE tracking_no = ANY($1)', [
        [sitis, businesss],
      ]);
      const factors = await trackingDb('SELECT 1 FROM lookup_factors WHERE owner_id = ANY($1)', [
        [sitiId, businessId],
      ]);
      expect([cases.length, factors.length]).toEqual([2, 2]);
    });
  });

  const trackingDb = (sql: string, params: unknown[] = []) =>
    queryServiceDb<Record<string, unknown>>(['tracking'], sql, params, own.DB_PREFIX);

  afterAll(async () => {
    await Promise.all(running.map((service) => service.stop()));
    await deleteNamespaceStreams(env.NATS_URL, own.SP_NAMESPACE);
  });

  /** What no public answer may carry: Siti's and her business's data, and their ids. */
  function expectNoPersonalData(text: string) {
    for (const secret of [
      siti.nik,
      siti.name,
      siti.birthDate,
      siti.email,
      siti.phone,
      siti.address.line,
      sitiId,
      business.nib,
      business.name,
      business.address.line,
      businessId,
    ])
      expect(text).not.toContain(secret);
    // The token is random base64url: it may spell anything.
    const { lookupToken, ...rest } = JSON.parse(text) as { lookupToken?: string };
    expect(typeof lookupToken === 'string' || lookupToken === undefined).toBe(true);
    expect(JSON.stringify(rest)).not.toMatch(/applicant|nik|birth|address|business|name/i);
  }

  it('keeps of the factors only a keyed HMAC each, per applicant and per business', async () => {
    const rows = await trackingDb(
      `SELECT owner_id::text AS "ownerId", kind, encode(mac, 'hex') AS mac
         FROM lookup_factors WHERE owner_id = ANY($1) ORDER BY kind`,
      [[sitiId, businessId]],
    );
    const HEX_MAC = expect.stringMatching(/^[0-9a-f]{64}$/) as string;
    expect(rows).toEqual([
      { ownerId: sitiId, kind: 'birth-date', mac: HEX_MAC },
      { ownerId: businessId, kind: 'nib', mac: HEX_MAC },
    ]);
    const columns = await trackingDb(
      `SELECT column_name AS name FROM information_schema.columns
        WHERE table_name = 'lookup_factors' ORDER BY column_name`,
    );
    expect(columns.map((column) => column.name)).toEqual(['kind', 'mac', 'owner_id', 'version']);
  });

  it("finds Siti's application by her birth date, and her business's by its NIB, with no personal data", async () => {
    const mine = await lookUp({ trackingNo: sitis, birthDate: siti.birthDate }, '127.0.0.2');
    expect(mine.status).toBe(200);
    expect(mine.headers['cache-control']).toBe('no-store');
    expect(mine.headers['content-type']).toMatch(/^application\/json/);
    const view = JSON.parse(mine.text) as Record<string, unknown>;
    expect(Object.keys(view).sort()).toEqual(
      ['lookupToken', 'status', 'steps', 'submittedAt', 'trackingNo']
        .concat('deadline' in view ? ['deadline'] : [])
        .sort(),
    );
    expect(view).toMatchObject({
      trackingNo: sitis,
      status: 'SUBMITTED',
      submittedAt: expect.stringMatching(
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+07:00$/,
      ) as string,
      steps: [
        {
          status: 'SUBMITTED',
          at: view.submittedAt,
          agencyCode: 'DUKCAPIL',
        },
      ],
      lookupToken: expect.stringMatching(
        new RegExp(`^${sitis}\\.\\d{10}\\.[A-Za-z0-9_-]{43}$`),
      ) as string,
    });
    expectNoPersonalData(mine.text);

    const typed = `${businesss.slice(0, 4).toLowerCase()}-${businesss.slice(4, 8)}-${businesss.slice(8)}`;
    const theirs = await lookUp({ trackingNo: typed, nib: business.nib }, '127.0.0.2');
    expect(theirs.status).toBe(200);
    expect(JSON.parse(theirs.text)).toMatchObject({
      trackingNo: businesss,
      status: 'SUBMITTED',
      steps: [{ status: 'SUBMITTED', agencyCode: 'DPMPTSP' }],
    });
    expectNoPersonalData(theirs.text);
  });

  it('answers a wrong birth date or NIB exactly as a number nobody has', async () => {
    const unknown = unknownNumber();
    const pairs = [
      [
        await lookUp({ trackingNo: sitis, birthDate: '1990-06-06' }, '127.0.0.3'),
        sitis,
        await lookUp({ trackingNo: unknown, birthDate: '1990-06-06' }, '127.0.0.3'),
        unknown,
      ],
      [
        await lookUp({ trackingNo: businesss, nib: '9120000000002' }, '127.0.0.4'),
        businesss,
        await lookUp({ trackingNo: unknown, nib: '9120000000002' }, '127.0.0.4'),
        unknown,
      ],
    ] as const;
    for (const [wrong, wrongNo, nobodys, nobodysNo] of pairs) {
      expect(wrong.status).toBe(404);
      expect(nobodys.status).toBe(404);
      // The same bytes but for the number asked about and the request's own id.
      const comparable = (answer: Answer, trackingNo: string) =>
        answer.text
          .replaceAll(trackingNo, '<trackingNo>')
          .replaceAll(String(answer.headers['x-request-id']), '<requestId>');
      expect(JSON.parse(wrong.text)).toMatchObject({ code: 'application_not_found' });
      expect(comparable(wrong, wrongNo)).toBe(comparable(nobodys, nobodysNo));
      for (const header of ['content-type', 'content-length', 'cache-control', 'ratelimit-limit'])
        expect([header, wrong.headers[header]]).toEqual([header, nobodys.headers[header]]);
      expect(Object.keys(wrong.headers).sort()).toEqual(Object.keys(nobodys.headers).sort());
    }
  });

  it('refuses a number with one symbol typed wrong by its check symbol, before any lookup', async () => {
    const answer = await lookUp(
      { trackingNo: oneSymbolWrong(sitis), birthDate: siti.birthDate },
      '127.0.0.5',
    );
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(answer.text)).toMatchObject({
      code: 'invalid_tracking_number',
      detail: 'The tracking number is mistyped: check every character again.',
    });
    expect(answer.text).not.toContain(siti.birthDate);
  });

  it('refuses a lookup without a factor, with both, or with one malformed, and names the field', async () => {
    const refused = await Promise.all([
      lookUp({ trackingNo: sitis }, '127.0.0.6'),
      lookUp({ trackingNo: sitis, birthDate: siti.birthDate, nib: business.nib }, '127.0.0.6'),
      lookUp({ trackingNo: sitis, birthDate: '05-06-1990' }, '127.0.0.6'),
    ]);
    expect(
      refused.map((answer) => [
        answer.status,
        (JSON.parse(answer.text) as { errors?: unknown }).errors,
      ]),
    ).toEqual([
      [400, [expect.objectContaining({ field: 'birthDate', code: 'one_lookup_factor' })]],
      [400, [expect.objectContaining({ field: 'birthDate', code: 'one_lookup_factor' })]],
      [400, [expect.objectContaining({ field: 'birthDate', code: 'must_be_date' })]],
    ]);
  });

  it('limits the lookups of one IP', async () => {
    const answers: Answer[] = [];
    for (let i = 0; i <= PER_IP; i += 1)
      answers.push(
        await lookUp({ trackingNo: unknownNumber(), birthDate: '1990-06-05' }, '127.0.0.7'),
      );
    expect(answers.map((answer) => answer.status)).toEqual([
      ...Array<number>(PER_IP).fill(404),
      429,
    ]);
    const refused = answers[PER_IP];
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['ratelimit-remaining']).toBe('0');
    expect(refused.headers['ratelimit-limit']).toBe(String(PER_IP));
    expect(JSON.parse(refused.text)).toMatchObject({ code: 'rate_limited' });
    // Another IP is not held back by it.
    expect(
      (await lookUp({ trackingNo: unknownNumber(), birthDate: '1990-06-05' }, '127.0.0.8')).status,
    ).toBe(404);
  });

  it("limits the lookups of one tracking number from any IP, even Siti's own right one", async () => {
    const number = await sitiApplies('DUKCAPIL-KK');
    // Guesses at her birth date, each from another address, as a spread-out guesser sends them.
    const guesses: Answer[] = [];
    for (let i = 0; i < PER_NUMBER; i += 1)
      guesses.push(
        await lookUp({ trackingNo: number, birthDate: `1990-01-1${i}` }, `127.0.1.${i + 1}`),
      );
    expect(guesses.map((answer) => answer.status)).toEqual(Array<number>(PER_NUMBER).fill(404));
    const refused = await lookUp({ trackingNo: number, birthDate: siti.birthDate }, '127.0.1.99');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // The number's limit refused it (its own fields on the answer), not the address's.
    expect(refused.headers['ratelimit-limit']).toBe(String(PER_NUMBER));
    expect(JSON.parse(refused.text)).toMatchObject({ code: 'rate_limited' });
    expect(refused.text).not.toContain(siti.birthDate);
    // Other numbers are looked up as before from that address.
    expect(
      (await lookUp({ trackingNo: sitis, birthDate: siti.birthDate }, '127.0.1.99')).status,
    ).toBe(200);
  });

  it('follows the birth date as it changes: the newest profile counts, an older one arriving late does not', async () => {
    const number = await sitiApplies('DUKCAPIL-KK');
    const profile = {
      applicantId: sitiId,
      nik: siti.nik,
      name: siti.name,
      sex: siti.sex,
      changedAt: new Date().toISOString(),
    };
    // A corrected birth date (a version identity will not reach in this suite), then an older
    // version, redelivered late. PROFILE keeps the latest message per subject only: each is
    // published once the one before it was handled.
    const handled = async (version: number, birthDate: string) => {
      const [eventId] = await publishEvents(
        env.NATS_URL,
        own.SP_NAMESPACE,
        ApplicantProfileChanged,
        [{ ...profile, version, birthDate }],
      );
      await eventually(async () => {
        const rows = await trackingDb(
          "SELECT 1 FROM inbox WHERE consumer = 'tracking-profile' AND message_id = $1",
          [eventId],
        );
        expect(rows).toHaveLength(1);
      });
    };
    await handled(1000, '1990-06-07');
    await handled(999, '1990-06-08');
    await eventually(async () => {
      expect(
        await trackingDb('SELECT 1 FROM case_views WHERE tracking_no = $1', [number]),
      ).toHaveLength(1);
    });
    const statuses = [];
    for (const birthDate of [siti.birthDate, '1990-06-08', '1990-06-07'])
      statuses.push((await lookUp({ trackingNo: number, birthDate }, '127.0.2.1')).status);
    expect(statuses).toEqual([404, 404, 200]);
  });

  it('writes neither factor to the gateway’s or tracking’s log', () => {
    // Last, after every lookup of the suite, right, wrong and refused.
    for (const service of [gateway, running[2]]) {
      const logs = service.logs();
      expect(logs.length).toBeGreaterThan(0);
      for (const factor of [siti.birthDate, '1990-06-06', '1990-06-07', business.nib])
        expect([service.name, logs.includes(factor)]).toEqual([service.name, false]);
    }
  });
});
