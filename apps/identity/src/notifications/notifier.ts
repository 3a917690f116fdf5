import type { VerificationChannel } from '@satupintu/contracts';

/** A message with a one-time code, to a phone (SMS, WhatsApp) or an e-mail address. */
export interface CodeMessage {
  channel: VerificationChannel;
  target: string;
  code: string;
}

/**
 * How identity reaches applicants. Production plugs in an SMS/e-mail gateway here; until one is
 * configured the logging notifier stands in, and it shows a code only in development.
 */
export interface Notifier {
  sendCode(message: CodeMessage): void;
}

export const NOTIFIER = Symbol('NOTIFIER');

/** Enough of a phone or an address to recognise it, not to use it. Pure. */
export function maskTarget(channel: VerificationChannel, target: string): string {
  if (channel === 'PHONE') {
    const digits = target.replace(/\D/g, '');
    return digits.length < 8 ? '****' : `+${digits.slice(0, 5)}****${digits.slice(-3)}`;
  }
  const [local = '', domain = ''] = target.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

/** The code as a log line may show it: whole only in development, never elsewhere. Pure. */
export function codeForLog(code: string, revealCodes: boolean): string {
  return revealCodes ? code : '******';
}
