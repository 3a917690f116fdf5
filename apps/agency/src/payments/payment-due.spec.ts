import { domainErrorOf } from '@satupintu/testing';
import { amountDue, expiryOf, renewedAmount } from './payment-due';

async function refusal(run: () => number) {
  return domainErrorOf(Promise.resolve().then(run));
}

describe('amountDue', () => {
  it('asks the fixed amount of the standard', () => {
    expect(amountDue({ amount: 50_000, assessed: false }, undefined)).toBe(50_000);
  });

  it('refuses an amount given for a fixed fee', async () => {
    expect(
      await refusal(() => amountDue({ amount: 50_000, assessed: false }, 40_000)),
    ).toMatchObject({ status: 422, errors: [{ field: 'amount', code: 'amount_not_assessed' }] });
  });

  it('takes the assessed amount, required and at least the least the standard states', async () => {
    expect(amountDue({ amount: 0, assessed: true }, 1_250_000)).toBe(1_250_000);
    expect(await refusal(() => amountDue({ amount: 0, assessed: true }, undefined))).toMatchObject({
      status: 422,
      errors: [{ field: 'amount', code: 'required' }],
    });
    expect(
      await refusal(() => amountDue({ amount: 100_000, assessed: true }, 99_999)),
    ).toMatchObject({
      status: 422,
      errors: [{ field: 'amount', code: 'amount_below_minimum', params: { min: 100_000 } }],
    });
  });
});

describe('expiryOf', () => {
  it('is the given hours later', () => {
    expect(expiryOf(new Date('2026-11-23T03:00:00Z'), 72).toISOString()).toBe(
      '2026-11-26T03:00:00.000Z',
    );
  });
});

describe('renewedAmount', () => {
  const expiresAt = new Date('2026-11-26T03:00:00.000Z');
  const current = { paymentCode: '880800123456789012', amount: 1_250_000, expiresAt, paid: false };

  it('asks again what the expired code asked, assessing nothing', () => {
    expect(renewedAmount(current, new Date('2026-11-26T03:00:00.001Z'), 'Asia/Jakarta')).toBe(
      1_250_000,
    );
  });

  it('refuses to replace a code still valid, saying until when (the agency’s time)', async () => {
    for (const at of [expiresAt, new Date('2026-11-25T03:00:00.000Z')])
      expect(await refusal(() => renewedAmount(current, at, 'Asia/Jakarta'))).toMatchObject({
        status: 409,
        code: 'payment_not_expired',
        params: { paymentCode: '880800123456789012', expiresAt: '2026-11-26T10:00:00.000+07:00' },
      });
  });

  it('has nothing to renew when the case has no unpaid due (a broken invariant, not a 4xx)', () => {
    const at = new Date('2026-11-27T00:00:00.000Z');
    expect(() => renewedAmount(undefined, at, 'Asia/Jakarta')).toThrow(/unpaid due/);
    expect(() => renewedAmount({ ...current, paid: true }, at, 'Asia/Jakarta')).toThrow(
      /unpaid due/,
    );
  });
});
