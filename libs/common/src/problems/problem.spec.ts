import { DomainError } from './domain-error';
import { PROBLEMS, type ProblemCode } from './messages';
import { PROBLEM_LIMITS, clip, fieldMessage, problemType, renderProblem } from './problem';

describe('problemType', () => {
  it.each([
    ['validation_failed', 'urn:satupintu:problem:validation-failed'],
    ['route_not_found', 'urn:satupintu:problem:route-not-found'],
    ['unprocessable', 'urn:satupintu:problem:unprocessable'],
    ['unsupported_media_type', 'urn:satupintu:problem:unsupported-media-type'],
  ] as [ProblemCode, string][])('writes %s as %s', (code, urn) => {
    expect(problemType(code)).toBe(urn);
  });

  it.each(Object.keys(PROBLEMS) as ProblemCode[])(
    'never leaves an underscore in the URN of %s',
    (code) => {
      expect(problemType(code)).toMatch(/^urn:satupintu:problem:[a-z-]+$/);
    },
  );
});

describe('renderProblem', () => {
  it('renders a problem document in Indonesian', () => {
    const doc = renderProblem(new DomainError('malformed_json', 400), 'id');
    expect(doc).toEqual({
      type: 'urn:satupintu:problem:malformed-json',
      title: 'Isi permintaan bukan JSON yang sah',
      status: 400,
      detail: 'Kirim isi permintaan sebagai JSON yang sah.',
      code: 'malformed_json',
    });
  });

  it('renders the same problem in English', () => {
    const doc = renderProblem(new DomainError('malformed_json', 400), 'en');
    expect(doc.title).toBe('The request body is not valid JSON');
    expect(doc.detail).toBe('Send the request body as valid JSON.');
  });

  it('interpolates the parameters into the detail', () => {
    const error = new DomainError('route_not_found', 404, [], { method: 'GET', path: '/v1/nope' });
    expect(renderProblem(error, 'en').detail).toBe('There is no GET /v1/nope. See /docs.');
    expect(renderProblem(error, 'id').detail).toBe('Tidak ada GET /v1/nope. Lihat /docs.');
  });

  it('interpolates numeric parameters', () => {
    const error = new DomainError('payload_too_large', 413, [], { limit: 1024 });
    expect(renderProblem(error, 'en').detail).toBe('The maximum size is 1024 bytes.');
  });

  it('uses the status of the error, not one implied by the code', () => {
    expect(renderProblem(new DomainError('bad_request', 405), 'en').status).toBe(405);
  });

  it('has no errors member when the error has no field errors', () => {
    const doc = renderProblem(new DomainError('bad_request', 400), 'en');
    expect(doc).not.toHaveProperty('errors');
  });

  it('lists field errors with messages in the requested language', () => {
    const error = DomainError.validation([
      { field: 'applicant.nik', code: 'nik_format' },
      { field: 'applicant.name', code: 'max_length', params: { max: 200 } },
      { field: 'serviceCode', code: 'unknown_service', params: { serviceCode: 'X-1' } },
    ]);
    expect(renderProblem(error, 'en').errors).toEqual([
      { field: 'applicant.nik', code: 'nik_format', message: 'a NIK must be 16 digits' },
      { field: 'applicant.name', code: 'max_length', message: 'must be at most 200 characters' },
      {
        field: 'serviceCode',
        code: 'unknown_service',
        message: 'service X-1 is not in the catalog',
      },
    ]);
    expect(renderProblem(error, 'id').errors).toEqual([
      { field: 'applicant.nik', code: 'nik_format', message: 'NIK harus 16 digit angka' },
      { field: 'applicant.name', code: 'max_length', message: 'paling banyak 200 karakter' },
      {
        field: 'serviceCode',
        code: 'unknown_service',
        message: 'layanan X-1 tidak ada di katalog',
      },
    ]);
  });

  it('does not copy field-error params into the rendered errors', () => {
    const error = DomainError.validation([{ field: 'x', code: 'min_length', params: { min: 3 } }]);
    expect(renderProblem(error, 'en').errors).toEqual([
      { field: 'x', code: 'min_length', message: 'must be at least 3 characters' },
    ]);
  });

  it('adds the instance and the request id when given', () => {
    const doc = renderProblem(new DomainError('bad_request', 400), 'en', {
      instance: '/v1/applications',
      requestId: 'req-1',
    });
    expect(doc.instance).toBe('/v1/applications');
    expect(doc.requestId).toBe('req-1');
  });

  it('renders every problem code in both languages without leftover placeholders when all params are given', () => {
    const params = {
      externalReference: 'OSS-2026-000123',
      limit: 1,
      method: 'GET',
      path: '/',
      trackingNo: 'K7M39QX2C',
      complaintNo: 'ADUK7M39QX2C',
      service: 'intake',
      timeoutMs: 5000,
      errorId: 'e',
      retryAfterSeconds: 5,
      down: 'database',
      resource: 'work queue DUKCAPIL',
      code: 'DUKCAPIL',
      officerId: 'o',
      username: 'u',
      clientId: 'c',
      businessId: 'b',
      documentId: 'd',
      scope: 'applications:read',
      windowSeconds: 60,
      parameter: 'access_token',
      status: 'ISSUED',
      action: 'APPROVE',
      holder: 'officer-1',
      until: '2026-11-23T10:30:00.000+07:00',
      year: 2031,
      date: '2025-08-19',
      subscriptionId: 's',
      deliveryId: 'w',
      documentNo: 'DUKCAPIL-2026-000042',
      revokedAt: '2026-11-23T10:45:12.123+07:00',
      reason: 'bad_signature',
      paymentCode: '880800123456789012',
      due: 50000,
      paid: 5000,
      expiresAt: '2026-11-26T10:00:00.000+07:00',
      rules: 'dukcapil.registered-applicant',
      planId: 'p',
      itemId: 'i',
      period: '2026-Q1',
      max: 50,
      from: 'DONE',
      to: 'PLANNED',
      expected: 1,
      current: 2,
      counterCode: '3',
      sessionId: 's',
      ticketNo: 'B-017',
      serviceCode: 'DUKCAPIL-KK',
      prefix: 'B',
      slotStart: '09:00',
      day: '2026-03-17',
    };
    for (const code of Object.keys(PROBLEMS) as ProblemCode[]) {
      for (const locale of ['id', 'en'] as const) {
        const doc = renderProblem(new DomainError(code, 400, [], params), locale);
        expect(doc.code).toBe(code);
        expect(`${doc.title} ${doc.detail}`).not.toMatch(/\{\w+\}/);
      }
    }
  });
});

describe('renderProblem within the documented limits', () => {
  it('cuts a detail that echoes a very long path, and marks the cut', () => {
    const error = new DomainError('route_not_found', 404, [], {
      method: 'GET',
      path: `/${'p'.repeat(5000)}`,
    });
    const { detail } = renderProblem(error, 'en');
    expect(detail).toHaveLength(PROBLEM_LIMITS.detail);
    expect(detail.endsWith('…')).toBe(true);
  });

  it('lists at most the first hundred field errors', () => {
    const errors = Array.from({ length: 250 }, (_, i) => ({
      field: `f${i}`,
      code: 'unknown_field',
    }));
    const doc = renderProblem(DomainError.validation(errors), 'en');
    expect(doc.errors).toHaveLength(PROBLEM_LIMITS.errors);
    expect(doc.errors?.[0].field).toBe('f0');
  });

  it('cuts a very long field path', () => {
    const error = DomainError.validation([{ field: 'a.'.repeat(500), code: 'unknown_field' }]);
    expect(renderProblem(error, 'en').errors?.[0].field).toHaveLength(PROBLEM_LIMITS.field);
  });

  it('cuts a field message that echoes a long parameter', () => {
    const error = DomainError.validation([
      { field: 'serviceCode', code: 'unknown_service', params: { serviceCode: 'S'.repeat(900) } },
    ]);
    expect(renderProblem(error, 'en').errors?.[0].message).toHaveLength(PROBLEM_LIMITS.message);
  });

  it('keeps every catalog title within its limit, uncut', () => {
    for (const code of Object.keys(PROBLEMS) as ProblemCode[]) {
      for (const locale of ['id', 'en'] as const) {
        expect(PROBLEMS[code].title[locale].length).toBeLessThanOrEqual(PROBLEM_LIMITS.title);
      }
    }
  });
});

describe('clip', () => {
  it('leaves text of exactly the limit alone', () => {
    expect(clip('abcde', 5)).toBe('abcde');
  });

  it('cuts longer text to the limit, the last character an ellipsis', () => {
    expect(clip('abcdef', 5)).toBe('abcd…');
  });
});

describe('fieldMessage', () => {
  it('gives the message of a known code in each language', () => {
    expect(fieldMessage('required', 'id')).toBe('wajib diisi');
    expect(fieldMessage('required', 'en')).toBe('is required');
  });

  it('interpolates the parameters', () => {
    expect(fieldMessage('must_be_one_of', 'en', { values: 'WEB, KIOSK' })).toBe(
      'must be one of: WEB, KIOSK',
    );
  });

  it('falls back to invalid for an unknown code', () => {
    expect(fieldMessage('no_such_code', 'en')).toBe('is invalid');
    expect(fieldMessage('no_such_code', 'id')).toBe('tidak valid');
  });

  it('falls back to invalid in a rendered problem too', () => {
    const error = DomainError.validation([{ field: 'a', code: 'isWeird' }]);
    expect(renderProblem(error, 'en').errors).toEqual([
      { field: 'a', code: 'isWeird', message: 'is invalid' },
    ]);
  });
});
