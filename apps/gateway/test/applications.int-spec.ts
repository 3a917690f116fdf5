import { ServiceProcess, anApplication, eventually, queryServiceDb } from '@satupintu/testing';

/**
 * The thin path, through every service as real processes over real NATS and PostgreSQL:
 * gateway → intake (stores, answers 201) → agency over JetStream (VERIFYING) → tracking timeline.
 */
describe('POST /v1/applications and its timeline', () => {
  let services: ServiceProcess[] = [];
  let gateway: ServiceProcess;

  beforeAll(async () => {
    services = await Promise.all([
      ServiceProcess.start('intake', { DEMO_SEED: 'true' }),
      ServiceProcess.start('tracking'),
      ServiceProcess.start('agency', { AGENCY_CODE: 'DUKCAPIL' }),
      ServiceProcess.start('agency', { AGENCY_CODE: 'DPMPTSP' }),
      ServiceProcess.start('gateway'),
    ]);
    gateway = services[services.length - 1];
  });

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${gateway.url}/v1/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('accepts an application, and the owning agency starts verifying it', async () => {
    const response = await post(anApplication({ serviceCode: 'DUKCAPIL-KK' }));
    expect(response.status).toBe(201);
    const receipt = (await response.json()) as {
      trackingNo: string;
      status: string;
      agencyCode: string;
      submittedAt: string;
    };
    expect(receipt).toMatchObject({ status: 'SUBMITTED', agencyCode: 'DUKCAPIL' });
    expect(response.headers.get('location')).toBe(
      `/v1/applications/${receipt.trackingNo}/timeline`,
    );

    const timeline = await eventually(async () => {
      const res = await fetch(`${gateway.url}/v1/applications/${receipt.trackingNo}/timeline`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        status: string;
        entries: { status: string; at: string; agencyCode: string }[];
      };
      expect(body.status).toBe('VERIFYING');
      return body;
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
    const response = await post(anApplication({ serviceCode: 'DPMPTSP-NIB' }));
    const { trackingNo } = (await response.json()) as { trackingNo: string };
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
    const { trackingNo } = (await (await post(anApplication())).json()) as { trackingNo: string };
    const typed =
      `${trackingNo.slice(0, 4)}-${trackingNo.slice(4, 8)}-${trackingNo.slice(8)}`.toLowerCase();
    await eventually(async () => {
      const res = await fetch(`${gateway.url}/v1/applications/${typed}/timeline`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { trackingNo: string }).trackingNo).toBe(trackingNo);
    });
  });

  it('catches a mistyped tracking number by its check character', async () => {
    const { trackingNo } = (await (await post(anApplication())).json()) as { trackingNo: string };
    const last = trackingNo[8] === 'A' ? 'B' : 'A';
    const res = await fetch(
      `${gateway.url}/v1/applications/${trackingNo.slice(0, 8)}${last}/timeline`,
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'invalid_tracking_number' });
  });

  it('answers 404 problem+json for a valid tracking number nobody has', async () => {
    const res = await fetch(`${gateway.url}/v1/applications/00000000-0/timeline`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ code: 'application_not_found', status: 404 });
  });

  describe('bad input gets a 4xx problem+json that names the problem, and stores nothing', () => {
    const nik = '3201014506900001';
    const cases: [string, () => Promise<Response>, number, string, string[]][] = [
      ['missing fields', () => post({}), 400, 'validation_failed', ['serviceCode', 'applicant']],
      [
        'a missing NIK',
        () => post({ serviceCode: 'DUKCAPIL-KK', applicant: { name: 'A' } }),
        400,
        'validation_failed',
        ['applicant.nik'],
      ],
      [
        'a 15-digit NIK',
        () => post({ serviceCode: 'DUKCAPIL-KK', applicant: { nik: nik.slice(1), name: 'A' } }),
        400,
        'validation_failed',
        ['applicant.nik'],
      ],
      [
        'wrong types',
        () => post({ serviceCode: 42, applicant: 'x' }),
        400,
        'validation_failed',
        ['serviceCode', 'applicant'],
      ],
      [
        'a NIK as a number',
        () => post({ serviceCode: 'DUKCAPIL-KK', applicant: { nik: 3201014506900001, name: 'A' } }),
        400,
        'validation_failed',
        ['applicant.nik'],
      ],
      [
        'an unknown channel',
        () => post({ ...anApplication(), channel: 'FAX' }),
        400,
        'validation_failed',
        ['channel'],
      ],
      [
        'an unknown field',
        () => post({ ...anApplication(), sneaky: true }),
        400,
        'validation_failed',
        ['sneaky'],
      ],
      [
        'a body that is not JSON',
        () => post('{"serviceCode": "DUKCAPIL-KK",'),
        400,
        'malformed_json',
        [],
      ],
      ['an empty body', () => post(''), 400, 'malformed_json', []],
      ['a JSON array', () => post('[1,2,3]'), 400, 'validation_failed', ['(body)']],
      [
        'an unknown service code',
        () => post(anApplication({ serviceCode: 'NO-SUCH-SERVICE' })),
        422,
        'unprocessable',
        ['serviceCode'],
      ],
      [
        'a NIK whose region does not exist',
        () => post(anApplication({ applicant: { nik: '9901014506900001', name: 'A' } })),
        422,
        'unprocessable',
        ['applicant.nik'],
      ],
      [
        'a NIK with serial 0000',
        () => post(anApplication({ applicant: { nik: '3201014506900000', name: 'A' } })),
        422,
        'unprocessable',
        ['applicant.nik'],
      ],
      [
        'a NIK that disagrees with the birth date',
        () => post(anApplication({ applicant: { nik, name: 'A', birthDate: '1990-06-06' } })),
        422,
        'unprocessable',
        ['applicant.nik'],
      ],
      ['a 3 KB random string as JSON', () => post(randomText(3072)), 400, 'malformed_json', []],
      [
        'a 3 KB random string as text/plain',
        () => post(randomText(3072), { 'content-type': 'text/plain' }),
        415,
        'unsupported_media_type',
        [],
      ],
      [
        'a form-encoded body',
        () =>
          post('serviceCode=DUKCAPIL-KK', { 'content-type': 'application/x-www-form-urlencoded' }),
        415,
        'unsupported_media_type',
        [],
      ],
    ];

    it.each(cases)('%s', async (_label, send, status, code, fields) => {
      const before = await countApplications();
      const res = await send();
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await res.json()) as {
        code: string;
        status: number;
        title: string;
        errors?: { field: string; message: string }[];
      };
      expect(problem).toMatchObject({ code, status });
      expect(problem.title.length).toBeGreaterThan(0);
      expect((problem.errors ?? []).map((error) => error.field).sort()).toEqual([...fields].sort());
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
    const res = await post({}, { 'x-request-id': 'call-center-4711' });
    expect(res.headers.get('x-request-id')).toBe('call-center-4711');
    expect(await res.json()).toMatchObject({ requestId: 'call-center-4711' });
  });

  it('every service answers liveness, readiness and Prometheus metrics', async () => {
    expect((await post(anApplication())).status).toBe(201);
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

  it('publishes OpenAPI 3 listing both operations', async () => {
    const doc = (await (await fetch(`${gateway.url}/docs-json`)).json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths['/v1/applications'])).toContain('post');
    expect(Object.keys(doc.paths['/v1/applications/{trackingNo}/timeline'])).toContain('get');
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
