import { randomBytes } from 'node:crypto';
import {
  CALLBACK_TOLERANCE_SECONDS,
  checkPaymentCallback,
  decidePayment,
  generatePaymentCode,
  isValidPaymentCode,
  luhnCheckDigit,
  signPaymentCallback,
  type PaymentDue,
  type PaymentReport,
} from './payments';

describe('payment codes', () => {
  it('computes the Luhn check digit of known numbers', () => {
    // Published examples: 7992739871 → 3; the test card 4111 1111 1111 111 → 1.
    expect(luhnCheckDigit('7992739871')).toBe(3);
    expect(luhnCheckDigit('411111111111111')).toBe(1);
    expect(luhnCheckDigit('0000000000')).toBe(0);
  });

  it('makes 18-digit codes under the biller prefix that pass their own check', () => {
    for (let i = 0; i < 2000; i++) {
      const code = generatePaymentCode('8808', randomBytes);
      expect(code).toMatch(/^8808\d{14}$/);
      expect(isValidPaymentCode(code)).toBe(true);
    }
  });

  it('draws every random digit evenly (bytes 250–255 skipped)', () => {
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 5000; i++)
      for (const digit of generatePaymentCode('1234', randomBytes).slice(4, 17)) counts[+digit]++;
    const expected = (5000 * 13) / 10;
    for (const count of counts) expect(Math.abs(count - expected) / expected).toBeLessThan(0.06);
  });

  it('uses only bytes below 250, asking for more when a draw falls short', () => {
    let calls = 0;
    const skewed = (n: number) => {
      calls++;
      return Uint8Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 255 : 7));
    };
    expect(generatePaymentCode('0001', skewed).slice(4, 17)).toBe('7777777777777');
    expect(calls).toBeGreaterThan(1);
  });

  it('catches every single mistyped digit and every swap of two different adjacent digits', () => {
    const code = generatePaymentCode('8808', randomBytes);
    for (let i = 0; i < 18; i++)
      for (let d = 0; d <= 9; d++) {
        if (String(d) === code[i]) continue;
        expect(isValidPaymentCode(code.slice(0, i) + d + code.slice(i + 1))).toBe(false);
      }
    for (let i = 0; i < 17; i++) {
      const [a, b] = [code[i], code[i + 1]];
      // Luhn's one blind spot: 09 ⇄ 90.
      if (a === b || a + b === '09' || a + b === '90') continue;
      const swapped = code.slice(0, i) + b + a + code.slice(i + 2);
      expect(isValidPaymentCode(swapped)).toBe(false);
    }
  });

  it('refuses a prefix that is not 4 digits, and codes of the wrong shape', () => {
    expect(() => generatePaymentCode('88', randomBytes)).toThrow(/4 digits/);
    expect(() => generatePaymentCode('88a8', randomBytes)).toThrow(/4 digits/);
    expect(isValidPaymentCode('88080000000000000')).toBe(false);
    expect(isValidPaymentCode('8808000000000000000')).toBe(false);
    expect(isValidPaymentCode('8808-0000000000000')).toBe(false);
    // 16 digits, the length of a NIK, is never a payment code.
    expect(isValidPaymentCode('8808000000000009')).toBe(false);
  });
});

describe('checkPaymentCallback', () => {
  const secret = 'bank-shared-secret';
  const body = '{"paymentCode":"880800123456789012","amount":150000}';
  const now = new Date('2026-12-03T03:00:00Z');
  const at = Math.floor(now.getTime() / 1000);
  const signed = (overrides: Partial<Parameters<typeof checkPaymentCallback>[0]> = {}) =>
    checkPaymentCallback({
      secrets: [secret],
      timestamp: String(at),
      signature: signPaymentCallback(secret, at, body),
      rawBody: body,
      now,
      ...overrides,
    });

  it('accepts the payer’s signature over the timestamp and the raw body', () => {
    expect(signed()).toEqual({ ok: true });
    expect(signPaymentCallback(secret, at, body)).toMatch(/^v1=[0-9a-f]{64}$/);
  });

  it('accepts it under any listed secret (rotation)', () => {
    expect(signed({ secrets: ['new-secret', secret] })).toEqual({ ok: true });
  });

  it('refuses a missing timestamp or signature', () => {
    expect(signed({ timestamp: undefined })).toEqual({ ok: false, reason: 'signature_missing' });
    expect(signed({ signature: undefined })).toEqual({ ok: false, reason: 'signature_missing' });
    expect(signed({ signature: '' })).toEqual({ ok: false, reason: 'signature_missing' });
  });

  it('refuses a forged signature, another secret, a changed body or a moved timestamp', () => {
    const bad = { ok: false, reason: 'bad_signature' };
    expect(signed({ secrets: ['guess'] })).toEqual(bad);
    expect(signed({ rawBody: body.replace('150000', '1500') })).toEqual(bad);
    expect(signed({ rawBody: `${body} ` })).toEqual(bad);
    expect(signed({ timestamp: String(at + 1) })).toEqual(bad);
    expect(signed({ timestamp: 'soon' })).toEqual(bad);
    expect(signed({ signature: signPaymentCallback(secret, at, body).toUpperCase() })).toEqual(bad);
    expect(signed({ signature: signPaymentCallback(secret, at, body).slice(0, 40) })).toEqual(bad);
    expect(signed({ secrets: [] })).toEqual(bad);
  });

  it('accepts a timestamp up to the tolerance either side of now, and no further', () => {
    for (const skew of [-CALLBACK_TOLERANCE_SECONDS, 0, CALLBACK_TOLERANCE_SECONDS]) {
      const t = at + skew;
      expect(
        signed({ timestamp: String(t), signature: signPaymentCallback(secret, t, body) }),
      ).toEqual({ ok: true });
    }
    for (const skew of [-CALLBACK_TOLERANCE_SECONDS - 1, CALLBACK_TOLERANCE_SECONDS + 1, -86400]) {
      const t = at + skew;
      expect(
        signed({ timestamp: String(t), signature: signPaymentCallback(secret, t, body) }),
      ).toEqual({ ok: false, reason: 'stale_timestamp' });
    }
    const t = at - 30;
    expect(
      signed({
        timestamp: String(t),
        signature: signPaymentCallback(secret, t, body),
        toleranceSeconds: 10,
      }),
    ).toEqual({ ok: false, reason: 'stale_timestamp' });
  });
});

describe('decidePayment', () => {
  const due: PaymentDue = {
    paymentCode: '880800123456789012',
    amount: 150_000,
    expiresAt: '2026-12-05T17:00:00+07:00',
  };
  const report: PaymentReport = {
    paymentCode: due.paymentCode,
    amount: 150_000,
    paidAt: '2026-12-04T09:15:00+07:00',
    reference: 'BNI-20261204-000123',
  };

  it('applies a full payment in time', () => {
    expect(decidePayment(due, report)).toEqual({ kind: 'apply' });
    expect(decidePayment(due, { ...report, paidAt: '2026-12-05T10:00:00Z' })).toEqual({
      kind: 'apply',
    });
  });

  it('refuses an unknown code', () => {
    expect(decidePayment(undefined, report)).toEqual({
      kind: 'refuse',
      reason: 'unknown_payment_code',
    });
  });

  it('refuses any amount but the one due, over or under', () => {
    for (const amount of [149_999, 150_001, 0, 1_500_000])
      expect(decidePayment(due, { ...report, amount })).toEqual({
        kind: 'refuse',
        reason: 'amount_mismatch',
      });
  });

  it('refuses a payment made after the code expired, even of the right amount', () => {
    expect(decidePayment(due, { ...report, paidAt: '2026-12-05T17:00:01+07:00' })).toEqual({
      kind: 'refuse',
      reason: 'payment_expired',
    });
    expect(decidePayment(due, { ...report, paidAt: '2026-12-05T10:00:01Z' })).toEqual({
      kind: 'refuse',
      reason: 'payment_expired',
    });
  });

  it('acknowledges the same payment told again, and refuses a second, different one', () => {
    const paid = { ...due, paidReference: report.reference };
    expect(decidePayment(paid, report)).toEqual({ kind: 'repeat' });
    expect(decidePayment(paid, { ...report, amount: 1 })).toEqual({ kind: 'repeat' });
    expect(decidePayment(paid, { ...report, reference: 'BNI-20261204-000999' })).toEqual({
      kind: 'refuse',
      reason: 'already_paid',
    });
  });
});
