import { readFileSync } from 'node:fs';
import type { ApiClient, ApiSchemas } from '@satupintu/api-client';
import {
  ServiceProcess,
  TestTokenIssuer,
  aFrontDeskOfficer,
  anApplication,
  eventually,
  queryServiceDb,
} from '@satupintu/testing';

type Problem = ApiSchemas['Problem'];

/**
 * The thin path, through every service as real processes over real NATS and PostgreSQL:
 * gateway → intake (stores, answers 201) → agency over JetStream (VERIFYING) → tracking timeline.
 */
describe('POST /v1/applications and its timeline', () => {
  let services: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  let api: ApiClient;
  let issuer: TestTokenIssuer;
  let authorization: { authorization: string };

  beforeAll(async () => {
    // Identity's part: public keys on NATS and a token for the front desk, who submits for walk-ins.
    issuer = await TestTokenIssuer.start();
    const frontDesk = aFrontDeskOfficer();
    authorization = await issuer.authorization(frontDesk, { expiresInSeconds: 3600 });
    services = await Promise.all([
      ServiceProcess.start('intake', { DEMO_SEED: 'true' }),
      ServiceProcess.start('tracking'),
      ServiceProcess.start('agency', { AGENCY_CODE: 'DUKCAPIL' }),
      ServiceProcess.start('agency', { AGENCY_CODE: 'DPMPTSP' }),
      ServiceProcess.start('gateway'),
    ]);
    gateway = services[services.length - 1];
    api = await issuer.apiClient(gateway.url, frontDesk);
  });

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await issuer.stop();
  });

  // Through the typed client generated from docs/openapi.json, as an integrator would call.
  const submit = (body: ApiSchemas['SubmitApplicationRequest']) =>
    api.POST('/v1/applications', { body });
  const timelineOf = (trackingNo: string) =>
    api.GET('/v1/applications/{trackingNo}/timeline', { params: { path: { trackingNo } } });
  const trackingNoOf = async (body = anApplication()) => {
    const { data } = await submit(body);
    if (!data) throw new Error('the application was not accepted');
    return data.trackingNo;
  };

  // Raw fetch for bodies the client's types cannot express: text that is not JSON, the wrong
  // content type, a body over the size limit, or JSON of the wrong shape. Sending those is the
  // point of the tests that use it.
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${gateway.url}/v1/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authorization, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('accepts an application, and the owning agency starts verifying it', async () => {
    const { data: receipt, response } = await submit(anApplication({ serviceCode: 'DUKCAPIL-KK' }));
    expect(response.status).toBe(201);
    if (!receipt) throw new Error('no receipt');
    // A front-desk officer submits at the counter unless they say otherwise.
    expect(receipt).toMatchObject({
      status: 'SUBMITTED',
      agencyCode: 'DUKCAPIL',
      channel: 'COUNTER',
    });
    expect(response.headers.get('location')).toBe(
      `/v1/applications/${receipt.trackingNo}/timeline`,
    );

    const timeline = await eventually(async () => {
      const { data, response: res } = await timelineOf(receipt.trackingNo);
      expect(res.status).toBe(200);
      expect(data?.status).toBe('VERIFYING');
      return data!;
    });
    expect(timeline.entries.map((entry) => [entry.status, entry.agencyCode])).toEqual([
      ['SUBMITTED', 'DUKCAPIL'],
      ['VERIFYING', 'DUKCAPIL'],
    ]);
    expect(Date.parse(timeline.entries[0].at)).toBeLessThanOrEqual(
      Date.parse(timeline.entries[1].at),
    );
    // Dukcapil of the demo mall keeps WIB: times carry its offset.
    for (const entry of timeline.entries)
      expect(entry.at).toMatch(/T\d{2}:\d{2}:\d{2}\.\d{3}\+07:00$/);
    expect(receipt.submittedAt).toMatch(/\+07:00$/);
  });

  it('routes each application to the agency that owns its service, and only to it', async () => {
    const trackingNo = await trackingNoOf(anApplication({ serviceCode: 'DPMPTSP-NIB' }));
    await eventually(async () => {
      const rows = await queryServiceDb<{ status: string }>(
        ['agency', 'DPMPTSP'],
        'SELECT status FROM cases WHERE tracking_no = $1',
        [trackingNo],
      );
      expect(rows).toEqual([{ status: 'VERIFYING' }]);
    });
    const elsewhere = await queryServiceDb(
      ['agency', 'DUKCAPIL'],
      'SELECT 1 FROM cases WHERE tracking_no = $1',
      [trackingNo],
    );
    expect(elsewhere).toHaveLength(0);
  });

  it('finds a timeline by tracking number typed with hyphens and lower case', async () => {
    const trackingNo = await trackingNoOf();
    const typed =
      `${trackingNo.slice(0, 4)}-${trackingNo.slice(4, 8)}-${trackingNo.slice(8)}`.toLowerCase();
    await eventually(async () => {
      const { data, response } = await timelineOf(typed);
      expect(response.status).toBe(200);
      expect(data?.trackingNo).toBe(trackingNo);
    });
  });

  it('catches a mistyped tracking number by its check character', async () => {
    const trackingNo = await trackingNoOf();
    const last = trackingNo[8] === 'A' ? 'B' : 'A';
    const { error, response } = await timelineOf(`${trackingNo.slice(0, 8)}${last}`);
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ code: 'invalid_tracking_number' });
  });

  it('refuses a tracking number longer than the 32 characters the API documents', async () => {
    const { error, response } = await timelineOf(`K7M3${' '.repeat(28)}9QX2C`);
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ code: 'invalid_tracking_number' });
  });

  it('answers 404 problem+json for a valid tracking number nobody has', async () => {
    const { error, response } = await timelineOf('00000000-0');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(error).toMatchObject({ code: 'application_not_found', status: 404 });
  });

  describe('bad input gets a 4xx problem+json that names the problem, and stores nothing', () => {
    const nik = '3201014506900001';
    interface Answer {
      response: Response;
      problem: Problem | undefined;
    }
    // Bodies of the wrong shape, which the client's types refuse to compile, go raw.
    const raw = async (body: unknown, headers?: Record<string, string>): Promise<Answer> => {
      const response = await post(body, headers);
      return { response, problem: (await response.json()) as Problem };
    };
    // Well-typed bodies that only the server can find wrong go through the client.
    const typed = async (body: ApiSchemas['SubmitApplicationRequest']): Promise<Answer> => {
      const { error, response } = await submit(body);
      return { response, problem: error };
    };
    const cases: [string, () => Promise<Answer>, number, string, string[]][] = [
      // The applicant is optional in the shape: who must name one is intake's decision (a 422).
      ['missing fields', () => raw({}), 400, 'validation_failed', ['serviceCode']],
      [
        'a missing NIK',
        () => raw({ serviceCode: 'DUKCAPIL-KK', applicant: { name: 'A' } }),
        400,
        'validation_failed',
        ['applicant.nik'],
      ],
      [
        'a 15-digit NIK',
        () => typed({ serviceCode: 'DUKCAPIL-KK', applicant: { nik: nik.slice(1), name: 'A' } }),
        400,
        'validation_failed',
        ['applicant.nik'],
      ],
      [
        'wrong types',
        () => raw({ serviceCode: 42, applicant: 'x' }),
        400,
        'validation_failed',
        ['serviceCode', 'applicant'],
      ],
      [
        'a NIK as a number',
        () => raw({ serviceCode: 'DUKCAPIL-KK', applicant: { nik: 3201014506900001, name: 'A' } }),
        400,
        'validation_failed',
        ['applicant.nik'],
      ],
      [
        'an unknown channel',
        () => raw({ ...anApplication(), channel: 'FAX' }),
        400,
        'validation_failed',
        ['channel'],
      ],
      [
        'an unknown field',
        () => raw({ ...anApplication(), sneaky: true }),
        400,
        'validation_failed',
        ['sneaky'],
      ],
      [
        'a body that is not JSON',
        () => raw('{"serviceCode": "DUKCAPIL-KK",'),
        400,
        'malformed_json',
        [],
      ],
      ['an empty body', () => raw(''), 400, 'malformed_json', []],
      ['a JSON array', () => raw('[1,2,3]'), 400, 'validation_failed', ['(body)']],
      [
        'an unknown service code',
        () => typed(anApplication({ serviceCode: 'NO-SUCH-SERVICE' })),
        422,
        'unprocessable',
        ['serviceCode'],
      ],
      [
        'a NIK whose region does not exist',
        () =>
          typed(
            anApplication({
              applicant: { nik: '9901014506900001', name: 'A', consent: { method: 'SIGNED_FORM' } },
            }),
          ),
        422,
        'unprocessable',
        ['applicant.nik'],
      ],
      [
        'a NIK with serial 0000',
        () =>
          typed(
            anApplication({
              applicant: { nik: '3201014506900000', name: 'A', consent: { method: 'SIGNED_FORM' } },
            }),
          ),
        422,
        'unprocessable',
        ['applicant.nik'],
      ],
      [
        'a NIK that disagrees with the birth date',
        () =>
          typed(
            anApplication({
              applicant: {
                nik,
                name: 'A',
                birthDate: '1990-06-06',
                consent: { method: 'SIGNED_FORM' },
              },
            }),
          ),
        422,
        'unprocessable',
        ['applicant.nik'],
      ],
      ['a 3 KB random string as JSON', () => raw(randomText(3072)), 400, 'malformed_json', []],
      [
        'a 3 KB random string as text/plain',
        () => raw(randomText(3072), { 'content-type': 'text/plain' }),
        415,
        'unsupported_media_type',
        [],
      ],
      [
        'a form-encoded body',
        () =>
          raw('serviceCode=DUKCAPIL-KK', { 'content-type': 'application/x-www-form-urlencoded' }),
        415,
        'unsupported_media_type',
        [],
      ],
    ];

    it.each(cases)('%s', async (_label, send, status, code, fields) => {
      const before = await countApplications();
      const { response, problem } = await send();
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(problem).toMatchObject({ code, status });
      expect(problem?.title.length).toBeGreaterThan(0);
      expect((problem?.errors ?? []).map((error) => error.field).sort()).toEqual(
        [...fields].sort(),
      );
      expect(await countApplications()).toBe(before);
    });

    it('a body over the size limit is refused with 413', async () => {
      const res = await post(JSON.stringify({ serviceCode: 'x'.repeat(100 * 1024) }));
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ code: 'payload_too_large' });
    });

    it('speaks Indonesian by default and English when asked', async () => {
      const id = (await (await post({})).json()) as {
        title: string;
        errors: { message: string }[];
      };
      const en = (await (
        await post({}, { 'accept-language': 'en-US,en;q=0.9' })
      ).json()) as typeof id;
      expect(id.title).toBe('Data tidak valid');
      expect(id.errors[0].message).toBe('wajib diisi');
      expect(en.title).toBe('Invalid data');
      expect(en.errors[0].message).toBe('is required');
    });
  });

  it('carries the caller’s request id back in the response and into problem documents', async () => {
    const { error, response } = await api.POST('/v1/applications', {
      body: anApplication({ serviceCode: 'NO-SUCH-SERVICE' }),
      params: { header: { 'X-Request-Id': 'call-center-4711' } },
    });
    expect(response.headers.get('x-request-id')).toBe('call-center-4711');
    expect(error).toMatchObject({ requestId: 'call-center-4711' });
  });

  it('every service answers liveness, readiness and Prometheus metrics', async () => {
    expect((await submit(anApplication())).response.status).toBe(201);
    for (const service of services) {
      expect((await fetch(`${service.url}/health/live`)).status).toBe(200);
      const ready = (await (await fetch(`${service.url}/health/ready`)).json()) as {
        status: string;
      };
      expect(ready.status).toBe('ok');
      const metrics = await (await fetch(`${service.url}/metrics`)).text();
      expect(metrics).toContain('process_cpu_user_seconds_total');
    }
    const gatewayMetrics = await (await fetch(`${gateway.url}/metrics`)).text();
    expect(gatewayMetrics).toMatch(
      /http_request_duration_seconds_count\{[^}]*route="\/v1\/applications"/,
    );
  });

  it('serves at /docs-json the OpenAPI document committed in docs/openapi.json', async () => {
    // Not an operation of the API itself, so not in the typed client.
    const served: unknown = await (await fetch(`${gateway.url}/docs-json`)).json();
    const committed = JSON.parse(readFileSync('docs/openapi.json', 'utf8')) as unknown;
    expect(served).toEqual(committed);
  });
});

function randomText(length: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789{}[]:,"\\ ';
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[Math.floor(Math.random() * alphabet.length)];
  return text;
}

async function countApplications(): Promise<number> {
  const [row] = await queryServiceDb<{ n: number }>(
    ['intake'],
    'SELECT count(*)::int AS n FROM applications',
  );
  return row.n;
}
