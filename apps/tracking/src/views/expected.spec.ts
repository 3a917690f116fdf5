import { STATUSES, type PaymentDueV1, type Status } from '@satupintu/contracts';
import { expectedOf } from './expected';

const PAYMENT: PaymentDueV1 = {
  code: '880800123456789012',
  amount: 1_250_000,
  currency: 'IDR',
  expiresAt: '2026-11-26T10:45:12.123+07:00',
};

describe('expectedOf: what the applicant must do now', () => {
  it("asks for a revision with the agency's reason", () => {
    expect(expectedOf('NEEDS_REVISION', { reason: 'Foto KTP tidak terbaca' })).toEqual({
      action: 'REVISE',
      reason: 'Foto KTP tidak terbaca',
    });
  });

  it('asks for a revision without a reason when the agency gave none', () => {
    expect(expectedOf('NEEDS_REVISION', { reason: null })).toEqual({ action: 'REVISE' });
  });

  it('asks for the fee with its payment code, amount and expiry', () => {
    expect(expectedOf('AWAITING_PAYMENT', { payment: PAYMENT })).toEqual({
      action: 'PAY',
      payment: PAYMENT,
    });
  });

  it('asks nothing for a fee whose payment code tracking never heard of', () => {
    expect(expectedOf('AWAITING_PAYMENT', { payment: null })).toEqual({ action: 'NONE' });
  });

  it('asks to collect an issued output', () => {
    expect(expectedOf('ISSUED', {})).toEqual({ action: 'COLLECT' });
  });

  it('asks nothing while the case waits on the agency or has ended, whatever the entry says', () => {
    const others = STATUSES.filter(
      (s): s is Status => !['NEEDS_REVISION', 'AWAITING_PAYMENT', 'ISSUED'].includes(s),
    );
    expect(others).toEqual([
      'SUBMITTED',
      'VERIFYING',
      'IN_REVIEW',
      'APPROVED',
      'REJECTED',
      'WITHDRAWN',
    ]);
    for (const status of others)
      expect(expectedOf(status, { reason: 'why', payment: PAYMENT })).toEqual({ action: 'NONE' });
  });
});
