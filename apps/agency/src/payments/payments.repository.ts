import type { FeeV1 } from '@satupintu/contracts';
import type { PaymentDue } from '@satupintu/domain';
import type { Transaction } from '@satupintu/messaging';
import { sql } from '@satupintu/persistence';

/** A fee due as the callback decision needs it, with the case it belongs to. */
export interface LockedDue extends PaymentDue {
  applicationId: string;
}

/** What is kept of every callback received (ADR 0022): never the body itself, its hash. */
export interface CallbackRecord {
  paymentCode?: string;
  outcome: 'applied' | 'repeat' | 'refused';
  reason?: string;
  reference?: string;
  amount?: number;
  bodySha256: string;
  signatureOk: boolean;
  timestamp?: string;
}

/** Fees due and payment callbacks, inside the transaction of the request handled. */
export const PaymentsRepository = {
  async fee(tx: Transaction, serviceCode: string): Promise<Pick<FeeV1, 'amount' | 'assessed'>> {
    const [row] = await tx.query<{ amount: number; assessed: boolean }>(sql`
      SELECT (standard->'fee'->>'amount')::bigint::float8 AS amount,
             (standard->'fee'->>'assessed')::boolean AS assessed
        FROM service_standards WHERE code = ${serviceCode}`);
    // The workflow sends a case to AWAITING_PAYMENT only when the standard says a fee applies.
    if (!row) throw new Error(`no standard for ${serviceCode}, yet its case awaits payment`);
    return row;
  },

  /** False when the code is taken already (then the caller draws another). */
  async addDue(
    tx: Transaction,
    due: { applicationId: string; paymentCode: string; amount: number; expiresAt: Date },
  ): Promise<boolean> {
    const inserted = await tx.query(sql`
      INSERT INTO payments_due (application_id, payment_code, amount, expires_at)
      VALUES (${due.applicationId}, ${due.paymentCode}, ${due.amount}, ${due.expiresAt})
      ON CONFLICT (payment_code) DO NOTHING
      RETURNING 1`);
    return inserted.length > 0;
  },

  /** The case's current due (its latest expiry); the case is locked by the transition. */
  async latestDue(
    tx: Transaction,
    applicationId: string,
  ): Promise<{ paymentCode: string; amount: number; expiresAt: Date; paid: boolean } | undefined> {
    const [row] = await tx.query<{
      paymentCode: string;
      amount: string;
      expiresAt: Date;
      paid: boolean;
    }>(sql`
      SELECT payment_code AS "paymentCode", amount, expires_at AS "expiresAt",
             paid_reference IS NOT NULL AS paid
        FROM payments_due WHERE application_id = ${applicationId}
       ORDER BY expires_at DESC LIMIT 1`);
    return row && { ...row, amount: Number(row.amount) };
  },

  /** The due row, locked until the transaction ends: two callbacks for one code take turns. */
  async lockDue(tx: Transaction, paymentCode: string): Promise<LockedDue | undefined> {
    const [row] = await tx.query<{
      applicationId: string;
      paymentCode: string;
      amount: string;
      expiresAt: Date;
      paidReference: string | null;
    }>(sql`
      SELECT application_id AS "applicationId", payment_code AS "paymentCode", amount,
             expires_at AS "expiresAt", paid_reference AS "paidReference"
        FROM payments_due WHERE payment_code = ${paymentCode} FOR UPDATE`);
    if (!row) return undefined;
    return {
      applicationId: row.applicationId,
      paymentCode: row.paymentCode,
      amount: Number(row.amount),
      expiresAt: row.expiresAt.toISOString(),
      ...(row.paidReference !== null ? { paidReference: row.paidReference } : {}),
    };
  },

  async markPaid(
    tx: Transaction,
    paymentCode: string,
    paid: { reference: string; paidAt: string; amount: number },
  ): Promise<void> {
    await tx.execute(sql`
      UPDATE payments_due
         SET paid_reference = ${paid.reference}, paid_at = ${paid.paidAt}, paid_amount = ${paid.amount}
       WHERE payment_code = ${paymentCode} AND paid_reference IS NULL`);
  },

  async recordCallback(tx: Transaction, record: CallbackRecord): Promise<void> {
    await tx.execute(sql`
      INSERT INTO payment_callbacks (payment_code, outcome, reason, reference, amount,
        body_sha256, signature_ok, timestamp)
      VALUES (${record.paymentCode ?? null}, ${record.outcome}, ${record.reason ?? null},
        ${record.reference ?? null}, ${record.amount ?? null}, ${record.bodySha256},
        ${record.signatureOk}, ${record.timestamp ?? null})`);
  },
};
