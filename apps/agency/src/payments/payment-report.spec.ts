import { parsePaymentReport } from './payment-report';

const GOOD = {
  paymentCode: '880800123456789012',
  amount: 50_000,
  paidAt: '2026-11-24T09:30:00+07:00',
  reference: 'BNI-20261124-0001',
};

describe('parsePaymentReport', () => {
  it('reads the four fields and ignores what the payer adds', () => {
    expect(parsePaymentReport(JSON.stringify({ ...GOOD, channel: 'ATM' }))).toEqual({
      ok: true,
      report: GOOD,
    });
  });

  it.each(['not json', '[]', 'null', '"text"'])('refuses %j as not a body object', (raw) => {
    expect(parsePaymentReport(raw)).toEqual({
      ok: false,
      errors: [{ field: 'body', code: 'must_be_body_object' }],
    });
  });

  it('names every malformed field', () => {
    const parsed = parsePaymentReport(
      JSON.stringify({
        paymentCode: '8808-1234',
        amount: 1.5,
        paidAt: 'yesterday',
        reference: 'x'.repeat(65),
      }),
    );
    expect(parsed).toEqual({
      ok: false,
      errors: [
        { field: 'paymentCode', code: 'invalid' },
        { field: 'amount', code: 'must_be_integer_between', params: { min: 1, max: 1e12 } },
        { field: 'paidAt', code: 'invalid' },
        { field: 'reference', code: 'max_length', params: { max: 64 } },
      ],
    });
  });

  it('bounds the amount and wants a reference', () => {
    expect(parsePaymentReport(JSON.stringify({ ...GOOD, amount: 0, reference: ' ' }))).toEqual({
      ok: false,
      errors: [
        { field: 'amount', code: 'must_be_integer_between', params: { min: 1, max: 1e12 } },
        { field: 'reference', code: 'required' },
      ],
    });
    expect(parsePaymentReport(JSON.stringify({ ...GOOD, amount: 1e12 + 1 })).ok).toBe(false);
    expect(parsePaymentReport(JSON.stringify({ ...GOOD, amount: '50000' })).ok).toBe(false);
  });
});
