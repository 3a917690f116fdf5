import { DomainError } from '@satupintu/common';
import type { FeeV1 } from '@satupintu/contracts';

/**
 * What a case entering AWAITING_PAYMENT is asked to pay, in whole rupiah: the standard's fixed
 * amount, or the amount the verifier assessed for this case (never less than the least the
 * standard states). An amount given for a fixed fee is refused rather than ignored: the
 * officer expected it to count. Pure.
 */
export function amountDue(
  fee: Pick<FeeV1, 'amount' | 'assessed'>,
  given: number | undefined,
): number {
  if (!fee.assessed) {
    if (given !== undefined)
      throw DomainError.validation([{ field: 'amount', code: 'amount_not_assessed' }], 422);
    return fee.amount;
  }
  if (given === undefined)
    throw DomainError.validation([{ field: 'amount', code: 'required' }], 422);
  const least = Math.max(fee.amount, 1);
  if (given < least)
    throw DomainError.validation(
      [{ field: 'amount', code: 'amount_below_minimum', params: { min: least } }],
      422,
    );
  return given;
}

/** When a payment code asked for at `at` stops being honoured. */
export function expiryOf(at: Date, hours: number): Date {
  return new Date(at.getTime() + hours * 3_600_000);
}
