import type {
  ApplicantLanguage,
  ComplaintUpdateStep,
  VerificationChannel,
} from '@satupintu/contracts';
import type { CaseUpdateKind } from './case-update';

/** A message with a one-time code, to a phone (SMS, WhatsApp) or an e-mail address. */
export interface CodeMessage {
  channel: VerificationChannel;
  target: string;
  code: string;
}

/** A change in one of the applicant's cases, written in their language. */
export interface CaseUpdateMessage {
  /**
   * The notification's id, the same on every attempt: an adapter hands it to its gateway as the
   * idempotency key, so a send repeated after a crash (sent, not yet recorded) is dropped there.
   */
  messageId: string;
  channel: VerificationChannel;
  target: string;
  language: ApplicantLanguage;
  kind: CaseUpdateKind;
  trackingNo: string;
  /** The e-mail's subject; SMS and WhatsApp send only the text. */
  subject: string;
  text: string;
}

/** A step of a complaint, for its reporter (ADR 0034): the same idempotent message id. */
export interface ComplaintUpdateMessage {
  messageId: string;
  channel: VerificationChannel;
  target: string;
  language: ApplicantLanguage;
  step: ComplaintUpdateStep;
  complaintNo: string;
  subject: string;
  text: string;
}

/**
 * How identity reaches applicants. Production plugs in an SMS/e-mail/WhatsApp gateway here;
 * until one is configured the logging notifier stands in, and it shows a code only in
 * development. `sendCaseUpdate` settles once the gateway took the message, and throws if it did
 * not (the job sending it tries again).
 */
export interface Notifier {
  sendCode(message: CodeMessage): void;
  sendCaseUpdate(message: CaseUpdateMessage): Promise<void>;
  /** Settles once the gateway took it, like `sendCaseUpdate`. */
  sendComplaintUpdate(message: ComplaintUpdateMessage): Promise<void>;
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
