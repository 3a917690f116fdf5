import { signPaymentCallback } from '@satupintu/domain';
import { confirmPaymentCallback } from './confirm-payment';
import type { CallbackRecord, LockedDue } from './payments.repository';

const SECRET = 'the-bank-shared-secret';
const NOW = new Date('2026-11-24T02:30:00.000Z');
const T = Math.floor(NOW.getTime() / 1000);
const CODE = '880800123456789012';
const DUE: LockedDue = {
  applicationId: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
  paymentCode: CODE,
  amount: 50_000,
  expiresAt: '2026-11-26T03:00:00.000Z',
};
const REPORT = {
  paymentCode: CODE,
  amount: 50_000,
  paidAt: '2026-11-24T09:30:00+07:00',
  reference: 'BNI-0001',
};

function fake(due: LockedDue | undefined = DUE, confirmable = true) {
  const records: CallbackRecord[] = [];
  const confirmed: string[] = [];
  const paid: string[] = [];
  return {
    records,
    confirmed,
    paid,
    secrets: ['old-secret-being-rotated', SECRET],
    now: () => NOW,
    lockDue: (code: string) => Promise.resolve(code === due?.paymentCode ? due : undefined),
    markPaid: (code: string) => {
      paid.push(code);
      return Promise.resolve();
    },
    record: (record: CallbackRecord) => {
      records.push(record);
      return Promise.resolve();
    },
    confirm: (applicationId: string) => {
      confirmed.push(applicationId);
      return Promise.resolve(
        confirmable ? ({ ok: true } as const) : ({ ok: false, status: 'WITHDRAWN' } as const),
      );
    },
  };
}

function signed(body: unknown, timestamp = T, secret = SECRET) {
  const rawBody = typeof body === 'string' ? body : JSON.stringify(body);
  return {
    rawBody,
    timestamp: String(timestamp),
    signature: signPaymentCallback(secret, timestamp, rawBody),
  };
}

describe('confirmPaymentCallback', () => {
  it('applies a genuine payment: the case confirmed, the fee paid, the callback recorded', async () => {
    const ports = fake();
    expect(await confirmPaymentCallback(signed(REPORT), ports)).toEqual({
      ok: true,
      answer: { outcome: 'applied', paymentCode: CODE },
    });
    expect(ports.confirmed).toEqual([DUE.applicationId]);
    expect(ports.paid).toEqual([CODE]);
    expect(ports.records).toEqual([
      expect.objectContaining({
        outcome: 'applied',
        paymentCode: CODE,
        reference: 'BNI-0001',
        amount: 50_000,
        signatureOk: true,
        timestamp: String(T),
        bodySha256: expect.stringMatching(/^[0-9a-f]{64}$/) as string,
      }),
    ]);
  });

  it('acknowledges a repeat and changes nothing', async () => {
    const ports = fake({ ...DUE, paidReference: 'BNI-0001' });
    expect(await confirmPaymentCallback(signed(REPORT), ports)).toMatchObject({
      ok: true,
      answer: { outcome: 'repeat' },
    });
    expect(ports.confirmed).toEqual([]);
    expect(ports.paid).toEqual([]);
    expect(ports.records).toMatchObject([{ outcome: 'repeat' }]);
  });

  it.each([
    ['a forged signature', { ...signed(REPORT, T, 'not-the-secret') }, 'bad_signature', false],
    ['no signature', { rawBody: JSON.stringify(REPORT) }, 'signature_missing', false],
    ['a stale timestamp', signed(REPORT, T - 301), 'stale_timestamp', true],
  ])('refuses %s with a 401, recorded', async (_, request, reason, signatureOk) => {
    const ports = fake();
    const result = await confirmPaymentCallback(request, ports);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'payment_callback_unverified', status: 401, params: { reason } },
    });
    expect(ports.records).toMatchObject([{ outcome: 'refused', reason, signatureOk }]);
    expect(ports.confirmed).toEqual([]);
  });

  it('refuses a genuine but malformed body with a 400, recorded', async () => {
    const ports = fake();
    const result = await confirmPaymentCallback(signed({ ...REPORT, amount: '50000' }), ports);
    expect(result).toMatchObject({ ok: false, error: { status: 400 } });
    expect(ports.records).toMatchObject([{ outcome: 'refused', reason: 'malformed_body' }]);
  });

  it.each([
    [
      'an unknown code',
      { ...REPORT, paymentCode: '880800000000000007' },
      DUE,
      404,
      'payment_code_unknown',
    ],
    ['a wrong amount', { ...REPORT, amount: 5_000 }, DUE, 422, 'payment_amount_mismatch'],
    ['a late payment', { ...REPORT, paidAt: '2026-11-27T00:00:00Z' }, DUE, 422, 'payment_expired'],
    [
      'a second payment',
      REPORT,
      { ...DUE, paidReference: 'BRI-0002' },
      409,
      'payment_already_paid',
    ],
  ])('refuses %s, recorded, nothing moved', async (_, report, due, status, code) => {
    const ports = fake(due);
    expect(await confirmPaymentCallback(signed(report), ports)).toMatchObject({
      ok: false,
      error: { status, code },
    });
    expect(ports.records).toMatchObject([{ outcome: 'refused', signatureOk: true }]);
    expect(ports.confirmed).toEqual([]);
    expect(ports.paid).toEqual([]);
  });

  it('refuses a payment for a case that no longer awaits it (withdrawn meanwhile)', async () => {
    const ports = fake(DUE, false);
    expect(await confirmPaymentCallback(signed(REPORT), ports)).toMatchObject({
      ok: false,
      error: { status: 409, code: 'illegal_transition', params: { status: 'WITHDRAWN' } },
    });
    expect(ports.paid).toEqual([]);
    expect(ports.records).toMatchObject([
      { outcome: 'refused', reason: 'case_not_awaiting_payment' },
    ]);
  });
});
