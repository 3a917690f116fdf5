import { domainErrorOf } from '@satupintu/testing';
import { amountDue, expiryOf } from './payment-due';

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
