import { createHash } from 'node:crypto';
import { DomainError } from '@satupintu/common';
import type { ConfirmPaymentCallbackV1, PaymentCallbackOutcomeV1 } from '@satupintu/contracts';
import { checkPaymentCallback, decidePayment } from '@satupintu/domain';
import { parsePaymentReport } from './payment-report';
import type { CallbackRecord, LockedDue } from './payments.repository';

export interface ConfirmPaymentPorts {
  /** The secrets shared with the payers; any of them signs a genuine callback. */
  secrets: readonly string[];
  now(): Date;
  lockDue(paymentCode: string): Promise<LockedDue | undefined>;
  markPaid(
    paymentCode: string,
    paid: { reference: string; paidAt: string; amount: number },
  ): Promise<void>;
  record(record: CallbackRecord): Promise<void>;
  /**
   * CONFIRM_PAYMENT by the agency's system, through the workflow (record, deadline, event);
   * the status the case is in instead when it no longer awaits payment (withdrawn meanwhile).
   */
  confirm(
    applicationId: string,
    reference: string,
  ): Promise<{ ok: true } | { ok: false; status: string }>;
}

/**
 * Answered after the transaction commits: a refusal is recorded too, so it is returned, not
 * thrown (a throw would roll its record back).
 */
export type CallbackResult =
  { ok: true; answer: PaymentCallbackOutcomeV1 } | { ok: false; error: DomainError };

/**
 * One payment callback (ADR 0022): verified over its raw body, then read, then decided against
 * the fee due, locked. Every callback leaves one record, whatever its outcome; only a genuine,
 * recent, well-formed, first payment in full and in time moves the case.
 */
export async function confirmPaymentCallback(
  request: ConfirmPaymentCallbackV1,
  ports: ConfirmPaymentPorts,
): Promise<CallbackResult> {
  const heard = {
    bodySha256: createHash('sha256').update(request.rawBody, 'utf8').digest('hex'),
    ...(request.timestamp !== undefined ? { timestamp: request.timestamp } : {}),
  };
  const check = checkPaymentCallback({
    secrets: ports.secrets,
    timestamp: request.timestamp,
    signature: request.signature,
    rawBody: request.rawBody,
    now: ports.now(),
  });
  if (!check.ok) {
    // A stale callback was signed by the payer all the same: said so, for reconciliation.
    await ports.record({
      ...heard,
      outcome: 'refused',
      reason: check.reason,
      signatureOk: check.reason === 'stale_timestamp',
    });
    return {
      ok: false,
      error: new DomainError('payment_callback_unverified', 401, [], { reason: check.reason }),
    };
  }
  const parsed = parsePaymentReport(request.rawBody);
  if (!parsed.ok) {
    await ports.record({
      ...heard,
      outcome: 'refused',
      reason: 'malformed_body',
      signatureOk: true,
    });
    return { ok: false, error: DomainError.validation(parsed.errors) };
  }
  const { report } = parsed;
  const told = {
    ...heard,
    signatureOk: true,
    paymentCode: report.paymentCode,
    reference: report.reference,
    amount: report.amount,
  };
  const due = await ports.lockDue(report.paymentCode);
  const decision = decidePayment(due, report);
  const code = { paymentCode: report.paymentCode };
  switch (decision.kind) {
    case 'repeat':
      await ports.record({ ...told, outcome: 'repeat' });
      return { ok: true, answer: { outcome: 'repeat', ...code } };
    case 'apply': {
      const confirmed = await ports.confirm(due!.applicationId, report.reference);
      if (!confirmed.ok) {
        await ports.record({ ...told, outcome: 'refused', reason: 'case_not_awaiting_payment' });
        return {
          ok: false,
          error: new DomainError('illegal_transition', 409, [], {
            status: confirmed.status,
            action: 'CONFIRM_PAYMENT',
          }),
        };
      }
      await ports.markPaid(report.paymentCode, report);
      await ports.record({ ...told, outcome: 'applied' });
      return { ok: true, answer: { outcome: 'applied', ...code } };
    }
    case 'refuse':
      await ports.record({ ...told, outcome: 'refused', reason: decision.reason });
      return { ok: false, error: refusalOf(decision.reason, report, due) };
  }
}

function refusalOf(
  reason: 'unknown_payment_code' | 'amount_mismatch' | 'payment_expired' | 'already_paid',
  report: { paymentCode: string; amount: number },
  due: LockedDue | undefined,
): DomainError {
  const { paymentCode } = report;
  switch (reason) {
    case 'unknown_payment_code':
      return new DomainError('payment_code_unknown', 404, [], { paymentCode });
    case 'already_paid':
      return new DomainError('payment_already_paid', 409, [], { paymentCode });
    case 'amount_mismatch':
      return new DomainError('payment_amount_mismatch', 422, [], {
        paymentCode,
        due: due!.amount,
        paid: report.amount,
      });
    case 'payment_expired':
      return new DomainError('payment_expired', 422, [], {
        paymentCode,
        expiresAt: due!.expiresAt,
      });
  }
}
