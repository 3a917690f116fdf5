import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Fees (retribusi, PNBP) paid at a bank or a payment gateway against a payment code, confirmed
 * by the payer's callback. Pure: the agency records the payment and applies the decision.
 *
 * The payment code is what the applicant types at a teller, an ATM or a mobile bank, so it is an
 * 18-digit virtual-account style number (Indonesian banks' virtual accounts run 16 to 18 digits):
 * the biller prefix the bank assigned the mall (4 digits), 13 random digits, and a Luhn check
 * digit, so a mistyped digit (or two adjacent ones swapped) is caught before a callback ever
 * names it. Not 16: every 16-digit run is treated as a NIK by the privacy guards (logs are
 * masked, events are checked for them), and a payment code must pass through both untouched.
 */
export const PAYMENT_CODE_PATTERN = /^\d{18}$/;
export const BILLER_PREFIX_PATTERN = /^\d{4}$/;
const RANDOM_DIGITS = 13;

/** The Luhn check digit of `digits` (ISO/IEC 7812). */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // From the right, the digit next to the check digit is doubled, then every second one.
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** A new payment code under the biller prefix; `randomBytes` is the only source of chance. */
export function generatePaymentCode(
  billerPrefix: string,
  randomBytes: (n: number) => Uint8Array,
): string {
  if (!BILLER_PREFIX_PATTERN.test(billerPrefix))
    throw new Error(`a biller prefix is 4 digits, not ${JSON.stringify(billerPrefix)}`);
  let body = billerPrefix;
  while (body.length < billerPrefix.length + RANDOM_DIGITS) {
    // Bytes of 250 and above are skipped so every digit is equally likely.
    for (const byte of randomBytes(RANDOM_DIGITS)) {
      if (byte < 250 && body.length < billerPrefix.length + RANDOM_DIGITS)
        body += String(byte % 10);
    }
  }
  return body + String(luhnCheckDigit(body));
}

export function isValidPaymentCode(code: string): boolean {
  return (
    PAYMENT_CODE_PATTERN.test(code) && luhnCheckDigit(code.slice(0, -1)) === Number(code.at(-1))
  );
}

/**
 * How the payer signs a callback: `Payment-Timestamp` (Unix seconds) and `Payment-Signature`
 * (`v1=` and the hex HMAC-SHA256, under the secret shared with that payer, of
 * `<timestamp>.<raw body>`). The timestamp is inside what is signed, so an old callback cannot
 * be given a new time, and the tolerance window bounds how long a captured one can be replayed
 * (a replay within it is a repeat the payment record absorbs).
 */
export const CALLBACK_TOLERANCE_SECONDS = 300;
const SIGNATURE_VERSION = 'v1=';

export function signPaymentCallback(secret: string, timestamp: number, rawBody: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
  return `${SIGNATURE_VERSION}${mac}`;
}

export type CallbackCheck =
  { ok: true } | { ok: false; reason: 'signature_missing' | 'bad_signature' | 'stale_timestamp' };

/**
 * Whether a callback is the payer's and recent: the signature over the raw body as it arrived
 * (never a re-serialization), compared in constant time, and a timestamp within the tolerance
 * either side of `now` (clocks drift both ways). Every listed secret is tried, so a payer's
 * secret can be rotated without a gap.
 */
export function checkPaymentCallback(input: {
  secrets: readonly string[];
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: string;
  now: Date;
  toleranceSeconds?: number;
}): CallbackCheck {
  const { timestamp, signature } = input;
  if (!timestamp || !signature) return { ok: false, reason: 'signature_missing' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'bad_signature' };
  const presented = Buffer.from(signature, 'utf8');
  const genuine = input.secrets.some((secret) => {
    const expected = Buffer.from(
      signPaymentCallback(secret, Number(timestamp), input.rawBody),
      'utf8',
    );
    return expected.length === presented.length && timingSafeEqual(expected, presented);
  });
  if (!genuine) return { ok: false, reason: 'bad_signature' };
  const skew = Math.abs(input.now.getTime() / 1000 - Number(timestamp));
  if (skew > (input.toleranceSeconds ?? CALLBACK_TOLERANCE_SECONDS))
    return { ok: false, reason: 'stale_timestamp' };
  return { ok: true };
}

/** A fee due on a case: what the agency asked for. Amounts in whole rupiah. */
export interface PaymentDue {
  paymentCode: string;
  amount: number;
  expiresAt: string;
  /** Set once paid: the payer's reference for the transaction that paid it. */
  paidReference?: string;
}

/** What a genuine callback says was paid. */
export interface PaymentReport {
  paymentCode: string;
  amount: number;
  paidAt: string;
  /** The payer's own id of the transaction (a bank reference): the same payment, the same id. */
  reference: string;
}

export type PaymentDecision =
  /** Paid in full and in time: the case may go on (CONFIRM_PAYMENT). */
  | { kind: 'apply' }
  /** The same payment told again: acknowledged, nothing changes. */
  | { kind: 'repeat' }
  /** Refused and recorded; the payer is answered with the reason. */
  | {
      kind: 'refuse';
      reason: 'unknown_payment_code' | 'amount_mismatch' | 'payment_expired' | 'already_paid';
    };

/**
 * What a genuine callback does to a fee due. Paid after the code expired is refused even if the
 * amount is right (the applicant is asked to pay again under a new code, and the bank reverses
 * the late one); a second, different payment of a paid code is refused so it can be refunded,
 * not silently absorbed.
 */
export function decidePayment(due: PaymentDue | undefined, report: PaymentReport): PaymentDecision {
  if (!due) return { kind: 'refuse', reason: 'unknown_payment_code' };
  if (due.paidReference !== undefined) {
    return due.paidReference === report.reference
      ? { kind: 'repeat' }
      : { kind: 'refuse', reason: 'already_paid' };
  }
  if (Date.parse(report.paidAt) > Date.parse(due.expiresAt))
    return { kind: 'refuse', reason: 'payment_expired' };
  if (report.amount !== due.amount) return { kind: 'refuse', reason: 'amount_mismatch' };
  return { kind: 'apply' };
}
