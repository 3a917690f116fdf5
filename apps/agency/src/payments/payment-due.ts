import { DomainError } from '@satupintu/common';
import type { FeeV1 } from '@satupintu/contracts';
import { toZonedIso } from '@satupintu/domain';

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

/**
 * The amount a renewed code asks for: the case's last one, once it has expired unpaid (the fee
 * assessed is not assessed again). A code still valid is not replaced (409): the applicant may be
 * paying it at this moment. Pure.
 */
export function renewedAmount(
  current: { paymentCode: string; amount: number; expiresAt: Date; paid: boolean } | undefined,
  at: Date,
  timeZone: string,
): number {
  // The workflow renews only in AWAITING_PAYMENT, which a case enters with a due and leaves paid.
  if (!current || current.paid)
    throw new Error('a case awaiting payment has an unpaid due to renew');
  if (at.getTime() <= current.expiresAt.getTime())
    throw new DomainError('payment_not_expired', 409, [], {
      paymentCode: current.paymentCode,
      expiresAt: toZonedIso(current.expiresAt, timeZone),
    });
  return current.amount;
}
