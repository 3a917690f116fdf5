import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  VERIFICATION_CHANNELS,
  type AddressV1,
  type ApplicantLanguage,
  type ApplicantProfileV1,
  type ApplicantRegisteredV1,
  type VerificationChannel,
  type VerificationCodeSentV1,
  type VerificationConfirmedV1,
} from '@satupintu/contracts';
import { DATE, EMAIL, NAME, PHONE, PREFERRED_LANGUAGE, UUID } from './account-formats';

export class AddressResponse {
  @ApiProperty({ maxLength: 300, example: 'Jl. Sudirman No. 9, RT 02/RW 05' })
  line: string;

  @ApiProperty({ maxLength: 8, pattern: '^\\d{2}\\.\\d{2}\\.\\d{2}$', example: '32.01.01' })
  districtCode: string;

  @ApiPropertyOptional({ maxLength: 5, pattern: '^\\d{5}$', example: '16914' })
  postalCode?: string;
}

export const toAddressResponse = (address: AddressV1): AddressResponse => ({
  line: address.line,
  districtCode: address.districtCode,
  ...(address.postalCode ? { postalCode: address.postalCode } : {}),
});

export class ApplicantRegisteredResponse {
  @ApiProperty({ ...UUID, description: "The applicant's id" })
  applicantId: string;

  @ApiProperty({
    enum: VERIFICATION_CHANNELS,
    isArray: true,
    maxItems: 2,
    description: 'Where a one-time code was sent; confirm it at `/v1/applicants/me/verifications`',
    example: ['EMAIL'],
  })
  verificationsSent: VerificationChannel[];
}

export const toApplicantRegisteredResponse = (
  registered: ApplicantRegisteredV1,
): ApplicantRegisteredResponse => ({
  applicantId: registered.applicantId,
  verificationsSent: registered.verificationsSent,
});

export class ApplicantProfileResponse {
  @ApiProperty(UUID)
  applicantId: string;

  @ApiProperty({ description: 'The NIK, masked', maxLength: 16, example: '3201********0001' })
  nikMasked: string;

  @ApiProperty(NAME)
  name: string;

  @ApiProperty(DATE)
  birthDate: string;

  @ApiProperty({ enum: ['M', 'F'], example: 'F' })
  sex: 'M' | 'F';

  @ApiPropertyOptional(PHONE)
  phone?: string;

  @ApiProperty({ example: true })
  phoneVerified: boolean;

  @ApiPropertyOptional(EMAIL)
  email?: string;

  @ApiProperty({ example: false })
  emailVerified: boolean;

  @ApiPropertyOptional({ type: AddressResponse })
  address?: AddressResponse;

  @ApiProperty({
    ...PREFERRED_LANGUAGE,
    description: 'The language updates on their cases are sent in',
  })
  preferredLanguage: ApplicantLanguage;

  @ApiProperty({
    description: 'Grows with every change',
    minimum: 1,
    maximum: 2147483647,
    example: 3,
  })
  version: number;
}

export const toApplicantProfileResponse = (
  profile: ApplicantProfileV1,
): ApplicantProfileResponse => ({
  applicantId: profile.applicantId,
  nikMasked: profile.nikMasked,
  name: profile.name,
  birthDate: profile.birthDate,
  sex: profile.sex,
  ...(profile.phone ? { phone: profile.phone } : {}),
  phoneVerified: profile.phoneVerified,
  ...(profile.email ? { email: profile.email } : {}),
  emailVerified: profile.emailVerified,
  ...(profile.address ? { address: toAddressResponse(profile.address) } : {}),
  preferredLanguage: profile.preferredLanguage,
  version: profile.version,
});

export class VerificationConfirmedResponse {
  @ApiProperty({ enum: VERIFICATION_CHANNELS, example: 'EMAIL' })
  channel: VerificationChannel;

  @ApiProperty({
    type: String,
    format: 'date-time',
    maxLength: 30,
    example: '2026-12-02T03:04:05.678Z',
  })
  verifiedAt: string;
}

export const toVerificationConfirmedResponse = (
  confirmed: VerificationConfirmedV1,
): VerificationConfirmedResponse => ({
  channel: confirmed.channel,
  verifiedAt: confirmed.verifiedAt,
});

export class VerificationCodeSentResponse {
  @ApiProperty({ enum: VERIFICATION_CHANNELS, example: 'PHONE' })
  channel: VerificationChannel;

  @ApiProperty({
    type: String,
    format: 'date-time',
    maxLength: 30,
    description: 'Until when the new code works',
    example: '2026-12-02T03:19:05.678Z',
  })
  expiresAt: string;
}

export const toVerificationCodeSentResponse = (
  sent: VerificationCodeSentV1,
): VerificationCodeSentResponse => ({ channel: sent.channel, expiresAt: sent.expiresAt });
