import {
  IsDefined,
  IsEmail,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { defineRequest } from '../contract';

export const VERIFICATION_CHANNELS = ['PHONE', 'EMAIL'] as const;
export type VerificationChannel = (typeof VERIFICATION_CHANNELS)[number];

/** The languages applicants are written to in (Indonesian unless they chose English). */
export const APPLICANT_LANGUAGES = ['id', 'en'] as const;
export type ApplicantLanguage = (typeof APPLICANT_LANGUAGES)[number];
export const DEFAULT_APPLICANT_LANGUAGE: ApplicantLanguage = 'id';

/**
 * A citizen opens an account: the NIK is checked against the stated birth date and sex, the
 * password against the policy. Phone (E.164, +62…) and/or e-mail; each gets a one-time code.
 */
export class RegisterApplicantV1 {
  @IsDefined()
  @IsString()
  @Matches(/^\d{16}$/, { context: { code: 'nik_format' } })
  nik: string;

  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @IsDefined()
  @IsString()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { context: { code: 'must_be_date' } })
  birthDate: string;

  @IsDefined()
  @IsIn(['M', 'F'])
  sex: 'M' | 'F';

  @IsOptional()
  @IsString()
  @Matches(/^\+62\d{8,13}$/, { context: { code: 'phone_format' } })
  phone?: string;

  @IsOptional()
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { context: { code: 'email_format' } })
  email?: string;

  @IsDefined()
  @IsString()
  @MaxLength(1024)
  password: string;

  /** What the applicant is told in (case updates): Indonesian when not given. */
  @IsOptional()
  @IsIn(APPLICANT_LANGUAGES)
  preferredLanguage?: ApplicantLanguage;
}

export interface ApplicantRegisteredV1 {
  applicantId: string;
  /** Where a one-time code was sent, to confirm with `ConfirmVerification`. */
  verificationsSent: VerificationChannel[];
}

export const RegisterApplicant = defineRequest<RegisterApplicantV1, ApplicantRegisteredV1>({
  subject: 'identity.applicant.register.v1',
  service: 'identity',
  payload: RegisterApplicantV1,
});
