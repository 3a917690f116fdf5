import type {
  AddressV1,
  ApplicantProfileChangedV1,
  ApplicantProfileV1,
  VerificationChannel,
} from '@satupintu/contracts';
import { maskNik } from '@satupintu/domain';

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
