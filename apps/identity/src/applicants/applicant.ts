import type {
  AddressV1,
  ApplicantLanguage,
  ApplicantProfileChangedV1,
  ApplicantProfileV1,
  VerificationChannel,
} from '@satupintu/contracts';
import { DomainError } from '@satupintu/common';
import { maskNik } from '@satupintu/domain';
import { resendWaitSeconds } from '../notifications/verification-code';

/** An applicant as identity keeps it (without the password hash). */
export interface ApplicantRecord {
  id: string;
  nik: string;
  name: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  sex: 'M' | 'F';
  phone?: string;
  email?: string;
  phoneVerifiedAt?: Date;
  emailVerifiedAt?: Date;
  address?: AddressV1;
  /** What case updates are written in. */
  preferredLanguage: ApplicantLanguage;
  version: number;
}

/** The current profile, as the agencies and intake receive it (PROFILE stream). Pure. */
export function applicantProfileEvent(
  applicant: ApplicantRecord,
  changedAt: Date,
): ApplicantProfileChangedV1 {
  return {
    applicantId: applicant.id,
    version: applicant.version,
    nik: applicant.nik,
    name: applicant.name,
    birthDate: applicant.birthDate,
    sex: applicant.sex,
    ...(applicant.phone ? { phone: applicant.phone } : {}),
    ...(applicant.email ? { email: applicant.email } : {}),
    ...(applicant.address ? { address: applicant.address } : {}),
    changedAt: changedAt.toISOString(),
  };
}

/** The profile as its owner sees it: the NIK masked. Pure. */
export function ownProfile(applicant: ApplicantRecord): ApplicantProfileV1 {
  return {
    applicantId: applicant.id,
    nikMasked: maskNik(applicant.nik),
    name: applicant.name,
    birthDate: applicant.birthDate,
    sex: applicant.sex,
    ...(applicant.phone ? { phone: applicant.phone } : {}),
    phoneVerified: !!applicant.phoneVerifiedAt,
    ...(applicant.email ? { email: applicant.email } : {}),
    emailVerified: !!applicant.emailVerifiedAt,
    ...(applicant.address ? { address: applicant.address } : {}),
    preferredLanguage: applicant.preferredLanguage,
    version: applicant.version,
  };
}

/** Where a verification code goes for a channel, if the applicant has that contact. */
export function contactOf(
  applicant: Pick<ApplicantRecord, 'phone' | 'email'>,
  channel: VerificationChannel,
): string | undefined {
  return channel === 'PHONE' ? applicant.phone : applicant.email;
}

/** E-mail addresses identify one applicant whatever their case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Where a new code for this channel may go now: the applicant's contact, if they have it, it is
 * not verified yet, and the last code went out a minute ago or more (429 otherwise). Pure.
 */
export function resendTarget(
  applicant: ApplicantRecord,
  channel: VerificationChannel,
  lastSentAt: Date | undefined,
  now: Date,
): string {
  const target = contactOf(applicant, channel);
  if (!target) throw new DomainError('contact_missing', 409);
  if (channel === 'PHONE' ? applicant.phoneVerifiedAt : applicant.emailVerifiedAt)
    throw new DomainError('contact_verified', 409);
  const wait = resendWaitSeconds(lastSentAt, now);
  if (wait > 0)
    throw new DomainError('verification_code_recent', 429, [], { retryAfterSeconds: wait });
  return target;
}
