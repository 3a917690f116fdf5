import { Inject, Injectable } from '@nestjs/common';
import type { VerificationChannel } from '@satupintu/contracts';
import { randomInt, randomUUID } from 'node:crypto';
import { hashPassword } from '../credentials/passwords';
import { NOTIFIER, type Notifier } from './notifier';
import { CODE_TTL_MS, newVerificationCode } from './verification-code';

/** A code as `verification_codes` keeps it: its argon2id hash, never the digits. */
export interface NewVerificationCode {
  id: string;
  channel: VerificationChannel;
  target: string;
  codeHash: string;
  expiresAt: Date;
}

export interface IssuedCodes {
  rows: NewVerificationCode[];
  /** Sends the codes: call it once the rows are committed, never before. */
  send(): void;
}

/** Makes the one-time codes for an applicant's contacts and sends them through the notifier. */
@Injectable()
export class VerificationCodes {
  constructor(@Inject(NOTIFIER) private readonly notifier: Notifier) {}

  async issue(
    contacts: { phone?: string; email?: string },
    channels: VerificationChannel[],
    now = new Date(),
  ): Promise<IssuedCodes> {
    const codes = channels.flatMap((channel) => {
      const target = channel === 'PHONE' ? contacts.phone : contacts.email;
      return target ? [{ channel, target, code: newVerificationCode(randomInt) }] : [];
    });
    const rows = await Promise.all(
      codes.map(async ({ channel, target, code }) => ({
        id: randomUUID(),
        channel,
        target,
        codeHash: await hashPassword(code),
        expiresAt: new Date(now.getTime() + CODE_TTL_MS),
      })),
    );
    return {
      rows,
      send: () => {
        for (const { channel, target, code } of codes)
          this.notifier.sendCode({ channel, target, code });
      },
    };
  }
}
