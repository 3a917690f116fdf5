import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { PaymentDueV1 } from '@satupintu/contracts';
import { generatePaymentCode, toZonedIso } from '@satupintu/domain';
import type { Transaction } from '@satupintu/messaging';
import type { LockedCase } from '../cases/transition-case';
import { amountDue, expiryOf, renewedAmount } from './payment-due';
import { PaymentsRepository } from './payments.repository';

export const PAYMENTS_SETTINGS = Symbol('PAYMENTS_SETTINGS');

export interface PaymentsSettings {
  billerPrefix: string;
  expiryHours: number;
  callbackSecrets: readonly string[];
}

/** 10^11 codes per prefix: a collision is rare, several in a row a broken random source. */
const CODE_ATTEMPTS = 5;

/** Fees asked for as cases enter AWAITING_PAYMENT (the workflow's hook, ADR 0022). */
@Injectable()
export class PaymentDues {
  constructor(@Inject(PAYMENTS_SETTINGS) readonly settings: PaymentsSettings) {}

  /** The fee due on the case, recorded in the transaction that moves it. */
  async create(
    tx: Transaction,
    locked: LockedCase,
    given: number | undefined,
    at: Date,
  ): Promise<PaymentDueV1> {
    const amount = amountDue(await PaymentsRepository.fee(tx, locked.serviceCode), given);
    return this.add(tx, locked, amount, at);
  }

  /**
   * A new code for a case whose code expired unpaid, for the same amount, with a new expiry; the
   * old one stays recorded, so a late payment of it is still refused as expired.
   */
  async renew(tx: Transaction, locked: LockedCase, at: Date): Promise<PaymentDueV1> {
    const current = await PaymentsRepository.latestDue(tx, locked.applicationId);
    return this.add(tx, locked, renewedAmount(current, at, locked.timeZone), at);
  }

  private async add(
    tx: Transaction,
    locked: LockedCase,
    amount: number,
    at: Date,
  ): Promise<PaymentDueV1> {
    const expiresAt = expiryOf(at, this.settings.expiryHours);
    for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      const paymentCode = generatePaymentCode(this.settings.billerPrefix, randomBytes);
      if (
        await PaymentsRepository.addDue(tx, {
          applicationId: locked.applicationId,
          paymentCode,
          amount,
          expiresAt,
        })
      )
        return {
          code: paymentCode,
          amount,
          currency: 'IDR',
          expiresAt: toZonedIso(expiresAt, locked.timeZone),
        };
    }
    throw new Error(
      `no free payment code under ${this.settings.billerPrefix} in ${CODE_ATTEMPTS} draws`,
    );
  }
}
