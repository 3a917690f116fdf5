import { redactNiks, redactText, redactValue } from './redact';

const NIK = '3201014506900001';
const MASKED = '3201********0001';

/** An object with `value` under `levels` nested keys: levels=1 is `{ k: value }`. */
function nested(levels: number, value: unknown): unknown {
  let out = value;
  for (let i = 0; i < levels; i++) out = { [`k${i}`]: out };
  return out;
}

describe('redactNiks', () => {
  it('keeps the first 4 and the last 4 digits of a NIK and hides the district and birth date', () => {
    expect(redactNiks(NIK)).toBe(MASKED);
  });

  it('masks a NIK inside text', () => {
    expect(redactNiks(`applicant ${NIK} refused`)).toBe(`applicant ${MASKED} refused`);
  });

  it('masks a NIK glued to letters and punctuation', () => {
    expect(redactNiks(`nik=${NIK};`)).toBe(`nik=${MASKED};`);
    expect(redactNiks(`abc${NIK}xyz`)).toBe(`abc${MASKED}xyz`);
    expect(redactNiks(`"${NIK}"`)).toBe(`"${MASKED}"`);
  });

  it('masks every NIK in the text', () => {
    expect(redactNiks(`${NIK} and 3171014101850123`)).toBe(`${MASKED} and 3171********0123`);
  });

  it('masks any 16-digit run, whether or not it is a real NIK', () => {
    expect(redactNiks('0000000000000000')).toBe('0000********0000');
  });

  it.each([
    ['15 digits', '320101450690000'],
    ['17 digits', '32010145069000012'],
    ['32 digits', NIK + NIK],
    ['a phone number', '+62 812 3456 7890'],
    ['a NIK with separators', '3201-0145-0690-0001'],
    ['an empty string', ''],
  ])('leaves %s alone', (_label, text) => {
    expect(redactNiks(text)).toBe(text);
  });

  it('masks a 16-digit run beside a shorter run separated by a space', () => {
    expect(redactNiks(`123 ${NIK} 4567`)).toBe(`123 ${MASKED} 4567`);
  });

  it('gives the same answer when called twice (the global regex keeps no state)', () => {
    expect(redactNiks(NIK)).toBe(MASKED);
    expect(redactNiks(NIK)).toBe(MASKED);
  });
});

describe('redactValue', () => {
  it('masks a string', () => {
    expect(redactValue(NIK)).toBe(MASKED);
  });

  it.each([
    ['a number', 42],
    ['a boolean', true],
    ['null', null],
    ['undefined', undefined],
  ])('returns %s as it is', (_label, value) => {
    expect(redactValue(value)).toBe(value);
  });

  it('masks strings in an object and leaves the other values', () => {
    expect(redactValue({ nik: NIK, attempts: 2, ok: false, none: null })).toEqual({
      nik: MASKED,
      attempts: 2,
      ok: false,
      none: null,
    });
  });

  it('masks strings in nested objects and arrays', () => {
    const value = { applicant: { nik: NIK, aliases: [NIK, 'x', { again: `id ${NIK}` }] } };
    expect(redactValue(value)).toEqual({
      applicant: { nik: MASKED, aliases: [MASKED, 'x', { again: `id ${MASKED}` }] },
    });
  });

  it('masks strings in a top-level array', () => {
    expect(redactValue([NIK, 1])).toEqual([MASKED, 1]);
  });

  it('copies and does not change what it is given', () => {
    const value = { applicant: { nik: NIK }, list: [NIK] };
    const copy = redactValue(value);
    expect(copy).not.toBe(value);
    expect(value).toEqual({ applicant: { nik: NIK }, list: [NIK] });
  });

  it('turns an Error into its type, masked message and masked stack', () => {
    const error = new TypeError(`NIK ${NIK} rejected`);
    const redacted = redactValue(error) as { type: string; message: string; stack: string };
    expect(redacted.type).toBe('TypeError');
    expect(redacted.message).toBe(`NIK ${MASKED} rejected`);
    expect(redacted.stack).toContain(`TypeError: NIK ${MASKED} rejected`);
    expect(JSON.stringify(redacted)).not.toContain(NIK);
  });

  it('masks an Error nested in an object', () => {
    const redacted = redactValue({ err: new Error(NIK) });
    expect(redacted).toMatchObject({ err: { type: 'Error', message: MASKED } });
    expect(JSON.stringify(redacted)).not.toContain(NIK);
  });

  it('keeps an Error without a stack without one', () => {
    const error = new Error('no stack');
    error.stack = undefined;
    expect(redactValue(error)).toEqual({ type: 'Error', message: 'no stack', stack: undefined });
  });

  it('masks a NIK nine objects deep', () => {
    expect(JSON.stringify(redactValue(nested(9, NIK)))).not.toContain(NIK);
    expect(JSON.stringify(redactValue(nested(9, NIK)))).toContain(MASKED);
  });

  it('stops on a circular structure instead of recursing forever', () => {
    const loop: Record<string, unknown> = { nik: NIK };
    loop.self = loop;
    const redacted = redactValue(loop) as Record<string, unknown>;
    expect(redacted.nik).toBe(MASKED);
    expect((redacted.self as Record<string, unknown>).nik).toBe(MASKED);
  });
});

describe('redactValue at the edges', () => {
  it('masks a NIK ten objects deep by dropping what is too deep to read', () => {
    expect(JSON.stringify(redactValue(nested(10, NIK)))).not.toContain(NIK);
  });

  it('masks a NIK given as a number', () => {
    expect(redactValue(3201014506900001n)).toBe('3201********0001');
  });
});

describe('credentials in logs', () => {
  const JWT_TOKEN =
    'eyJhbGciOiJFZERTQSIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiJhMSIsImF1ZCI6InNhdHVwaW50dS1hcGkifQ.c2lnbmF0dXJl';

  it.each([
    ['password', 'Rahasia-Sekali-42'],
    ['newPassword', 'Rahasia-Sekali-43'],
    ['password_hash', '$argon2id$v=19$m=19456'],
    ['client_secret', 'sps_abcdefgh'],
    ['clientSecret', 'sps_abcdefgh'],
    ['refresh_token', 'rt_0123456789'],
    ['accessToken', JWT_TOKEN],
    ['authorization', 'Bearer abc.def.ghi'],
    ['verificationCode', '482913'],
    ['otp', '482913'],
  ])('drops the value of a field named %s, however deep', (key, value) => {
    expect(redactValue({ body: { [key]: value } })).toEqual({ body: { [key]: '[redacted]' } });
  });

  it('keeps fields that only look alike', () => {
    const fields = { trackingNo: 'K7M39QX2C', code: 'validation_failed', passwordChangedAt: 'x' };
    expect(redactValue(fields)).toEqual(fields);
  });

  it('cuts a JWT and Authorization credentials out of free text', () => {
    expect(redactText(`token ${JWT_TOKEN} refused`)).toBe('token [redacted] refused');
    expect(redactText('header Bearer abcdefghijkl.mnop and Basic c2VjcmV0OnNlY3JldA==')).toBe(
      'header Bearer [redacted] and Basic [redacted]',
    );
  });

  it('cuts credentials out of a URL query', () => {
    expect(redactText('/v1/applications?access_token=abc&limit=5&client_secret=s3')).toBe(
      '/v1/applications?access_token=[redacted]&limit=5&client_secret=[redacted]',
    );
  });
});

describe('redactText', () => {
  it('keeps the name of a credential sent in a URL and drops its value', () => {
    expect(
      redactText(
        '/v1/applications?status=VERIFYING&access_token=eyJhbGciOi.x.y&client_secret=s3cr3t',
      ),
    ).toBe('/v1/applications?status=VERIFYING&access_token=[redacted]&client_secret=[redacted]');
  });

  it('leaves other parameters alone, and applies to every logged string', () => {
    expect(redactText('/v1/agencies/DUKCAPIL/work-queue?cursor=abc')).toBe(
      '/v1/agencies/DUKCAPIL/work-queue?cursor=abc',
    );
    expect(redactValue({ url: '/x?Password=hunter2' })).toEqual({ url: '/x?Password=[redacted]' });
  });
});
