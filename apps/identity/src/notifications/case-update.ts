import type {
  ApplicantLanguage,
  ApplicationStatusChangedV1,
  CaseDeadlineAlertV1,
  PaymentDueV1,
  VerificationChannel,
} from '@satupintu/contracts';

/** The changes an applicant is told of: each asks something of them, or ends their case. */
export const CASE_UPDATE_KINDS = [
  'NEEDS_REVISION',
  'AWAITING_PAYMENT',
  'ISSUED',
  'REJECTED',
  'OVERDUE',
] as const;
export type CaseUpdateKind = (typeof CASE_UPDATE_KINDS)[number];

/**
 * A change older than this when identity learns of it is not told: the applicant has long seen
 * it on their timeline, and a payment code or a revision request from weeks ago would mislead.
 * It matters when a new consumer reads the retained history from its start.
 */
export const TELL_WITHIN_MS = 7 * 24 * 60 * 60 * 1000;

/** What the agency's revision, fee, decision or a missed deadline means to the applicant. */
export interface CaseUpdateDetails {
  reason?: string;
  payment?: PaymentDueV1;
  /** ISO 8601: the deadline that passed (OVERDUE). */
  deadline?: string;
}

/** A change that needs the applicant, as the consumer records it. */
export interface CaseUpdate {
  applicationId: string;
  /** Names the change within its case: the same change told twice has the same key. */
  changeKey: string;
  kind: CaseUpdateKind;
  trackingNo: string;
  agencyCode: string;
  agencyTimeZone?: string;
  details: CaseUpdateDetails;
  occurredAt: Date;
}

const STATUS_KINDS: ReadonlySet<string> = new Set<CaseUpdateKind>([
  'NEEDS_REVISION',
  'AWAITING_PAYMENT',
  'ISSUED',
  'REJECTED',
]);

/**
 * The update an agency's status change is for the applicant, or undefined when it asks nothing
 * of them (VERIFYING, IN_REVIEW, APPROVED: the timeline shows those). Keyed by the agency's
 * sequence; an event from before agencies numbered them, by its id. Pure.
 */
export function statusChangeUpdate(
  event: ApplicationStatusChangedV1,
  eventId: string,
): CaseUpdate | undefined {
  if (!STATUS_KINDS.has(event.to)) return undefined;
  const details: CaseUpdateDetails = {
    ...(event.reason && event.to !== 'ISSUED' ? { reason: event.reason } : {}),
    ...(event.payment && event.to === 'AWAITING_PAYMENT'
      ? {
          payment: {
            code: event.payment.code,
            amount: event.payment.amount,
            currency: event.payment.currency,
            expiresAt: event.payment.expiresAt,
          },
        }
      : {}),
  };
  return {
    applicationId: event.applicationId,
    changeKey: `status:${event.sequence ?? eventId}`,
    kind: event.to as CaseUpdateKind,
    trackingNo: event.trackingNo,
    agencyCode: event.agencyCode,
    agencyTimeZone: event.agencyTimeZone,
    details,
    occurredAt: new Date(event.changedAt),
  };
}

/**
 * A deadline alert is for the applicant when the case is overdue (at risk is the agency's
 * concern); once per deadline, which a revision pause may move. Pure.
 */
export function deadlineAlertUpdate(event: CaseDeadlineAlertV1): CaseUpdate | undefined {
  if (event.kind !== 'OVERDUE') return undefined;
  return {
    applicationId: event.applicationId,
    changeKey: `overdue:${new Date(event.deadline).toISOString()}`,
    kind: 'OVERDUE',
    trackingNo: event.trackingNo,
    agencyCode: event.agencyCode,
    details: { deadline: event.deadline },
    occurredAt: new Date(event.raisedAt),
  };
}

/** Whether a change is recent enough to tell (see TELL_WITHIN_MS). Pure. */
export function worthTelling(update: CaseUpdate, now: Date): boolean {
  return now.getTime() - update.occurredAt.getTime() <= TELL_WITHIN_MS;
}

export interface Contacts {
  phone?: string;
  email?: string;
  phoneVerifiedAt?: Date;
  emailVerifiedAt?: Date;
}

/** The contacts an applicant's row holds (nulls left out). Pure. */
export function contactsOf(row: {
  phone: string | null;
  email: string | null;
  phoneVerifiedAt: Date | null;
  emailVerifiedAt: Date | null;
}): Contacts {
  return {
    ...(row.phone ? { phone: row.phone } : {}),
    ...(row.email ? { email: row.email } : {}),
    ...(row.phoneVerifiedAt ? { phoneVerifiedAt: row.phoneVerifiedAt } : {}),
    ...(row.emailVerifiedAt ? { emailVerifiedAt: row.emailVerifiedAt } : {}),
  };
}

/**
 * Where an update goes: a verified phone (SMS or WhatsApp reach an applicant soonest), else a
 * verified e-mail, else whichever contact they gave (an unverified one beats telling nobody).
 * Pure.
 */
export function updateContact(
  contacts: Contacts,
): { channel: VerificationChannel; target: string } | undefined {
  if (contacts.phone && contacts.phoneVerifiedAt)
    return { channel: 'PHONE', target: contacts.phone };
  if (contacts.email && contacts.emailVerifiedAt)
    return { channel: 'EMAIL', target: contacts.email };
  if (contacts.phone) return { channel: 'PHONE', target: contacts.phone };
  if (contacts.email) return { channel: 'EMAIL', target: contacts.email };
  return undefined;
}

const LOCALES: Record<ApplicantLanguage, string> = { id: 'id-ID', en: 'en-GB' };
const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

function rupiah(amount: number, language: ApplicantLanguage): string {
  return `Rp ${new Intl.NumberFormat(LOCALES[language]).format(amount)}`;
}

function when(iso: string, timeZone: string, language: ApplicantLanguage): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** The message an update is, in the applicant's language: a subject line and a text. Pure. */
export function caseUpdateText(
  update: Pick<CaseUpdate, 'kind' | 'trackingNo' | 'details' | 'agencyTimeZone'>,
  language: ApplicantLanguage,
): { subject: string; text: string } {
  const no = update.trackingNo;
  const zone = update.agencyTimeZone ?? DEFAULT_TIME_ZONE;
  const { reason, payment, deadline } = update.details;
  const id = language === 'id';
  switch (update.kind) {
    case 'NEEDS_REVISION':
      return id
        ? {
            subject: `Permohonan ${no} perlu diperbaiki`,
            text: `Petugas meminta Anda memperbaiki permohonan ${no}${reason ? `: ${reason}` : '.'} Kirim perbaikannya di SatuPintu agar permohonan diproses lagi.`,
          }
        : {
            subject: `Application ${no} needs corrections`,
            text: `The officer asks you to correct application ${no}${reason ? `: ${reason}` : '.'} Send the corrections in SatuPintu so that it can be processed again.`,
          };
    case 'AWAITING_PAYMENT': {
      const due = payment
        ? id
          ? ` sebesar ${rupiah(payment.amount, language)} dengan kode bayar ${payment.code}, paling lambat ${when(payment.expiresAt, zone, language)}`
          : ` of ${rupiah(payment.amount, language)} with payment code ${payment.code}, by ${when(payment.expiresAt, zone, language)}`
        : '';
      return id
        ? {
            subject: `Bayar retribusi permohonan ${no}`,
            text: `Permohonan ${no} menunggu pembayaran${due}. Bayar di bank atau kanal pembayaran mana pun dengan kode tersebut.`,
          }
        : {
            subject: `Pay the fee for application ${no}`,
            text: `Application ${no} awaits payment${due}. Pay at any bank or payment channel with that code.`,
          };
    }
    case 'ISSUED':
      return id
        ? {
            subject: `Permohonan ${no} sudah terbit`,
            text: `Dokumen untuk permohonan ${no} sudah terbit. Unduh di SatuPintu.`,
          }
        : {
            subject: `Application ${no} has been issued`,
            text: `The document for application ${no} has been issued. Download it in SatuPintu.`,
          };
    case 'REJECTED':
      return id
        ? {
            subject: `Permohonan ${no} ditolak`,
            text: `Permohonan ${no} ditolak${reason ? `: ${reason}` : '.'} Anda dapat mengajukan pengaduan atau permohonan baru di SatuPintu.`,
          }
        : {
            subject: `Application ${no} was rejected`,
            text: `Application ${no} was rejected${reason ? `: ${reason}` : '.'} You may file a complaint or a new application in SatuPintu.`,
          };
    case 'OVERDUE': {
      const at = deadline ? when(deadline, zone, language) : undefined;
      return id
        ? {
            subject: `Permohonan ${no} melewati batas waktu`,
            text: `Permohonan ${no} belum selesai${at ? ` pada batas waktunya (${at})` : ' pada batas waktunya'}. Instansi sudah diberi tahu; Anda dapat menanyakannya di SatuPintu.`,
          }
        : {
            subject: `Application ${no} is overdue`,
            text: `Application ${no} was not finished${at ? ` by its deadline (${at})` : ' by its deadline'}. The agency has been alerted; you may ask about it in SatuPintu.`,
          };
    }
  }
}
