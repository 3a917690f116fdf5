import type { FieldError } from '@satupintu/common';
import { PAYMENT_CODE_PATTERN, type PaymentReport } from '@satupintu/domain';

/** Rp 1 trillion: more than any fee, exact in JSON. */
export const MAX_PAYMENT_AMOUNT = 1_000_000_000_000;
export const MAX_PAYMENT_REFERENCE_LENGTH = 64;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

export type ParsedReport =
  { ok: true; report: PaymentReport } | { ok: false; errors: FieldError[] };

/**
 * A genuine callback's body read as a payment report: `{paymentCode, amount, paidAt,
 * reference}`, each bounded. Fields the payer adds beyond these are ignored (a payer's format
 * grows); what is missing or malformed is named. Pure: called only after the signature holds.
 */
export function parsePaymentReport(rawBody: string): ParsedReport {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return { ok: false, errors: [{ field: 'body', code: 'must_be_body_object' }] };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, errors: [{ field: 'body', code: 'must_be_body_object' }] };
  const { paymentCode, amount, paidAt, reference } = body as Record<string, unknown>;
  const errors: FieldError[] = [];
  if (typeof paymentCode !== 'string' || !PAYMENT_CODE_PATTERN.test(paymentCode))
    errors.push({ field: 'paymentCode', code: 'invalid' });
  if (
    typeof amount !== 'number' ||
    !Number.isSafeInteger(amount) ||
    amount < 1 ||
    amount > MAX_PAYMENT_AMOUNT
  )
    errors.push({
      field: 'amount',
      code: 'must_be_integer_between',
      params: { min: 1, max: MAX_PAYMENT_AMOUNT },
    });
  if (typeof paidAt !== 'string' || !INSTANT.test(paidAt) || Number.isNaN(Date.parse(paidAt)))
    errors.push({ field: 'paidAt', code: 'invalid' });
  if (typeof reference !== 'string' || reference.trim() === '')
    errors.push({ field: 'reference', code: 'required' });
  else if (reference.length > MAX_PAYMENT_REFERENCE_LENGTH)
    errors.push({
      field: 'reference',
      code: 'max_length',
      params: { max: MAX_PAYMENT_REFERENCE_LENGTH },
    });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    report: {
      paymentCode: paymentCode as string,
      amount: amount as number,
      paidAt: paidAt as string,
      reference: reference as string,
    },
  };
}
