import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  APPLICANT_LANGUAGES,
  VERIFICATION_CHANNELS,
  type ApplicantLanguage,
  type ConfirmVerificationV1,
  type RegisterApplicantV1,
  type SendVerificationCodeV1,
  type UpdateMyProfileV1,
  type VerificationChannel,
} from '@satupintu/contracts';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsEmail,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { AddressRequest, toAddressV1 } from './address.request';
import { DATE, EMAIL, NAME, NIK, PASSWORD, PHONE, PREFERRED_LANGUAGE } from './account-formats';

// The validators are those of the identity contracts, which identity checks again on receipt.

export class RegisterApplicantRequest {
  @ApiProperty(NIK)
  @IsDefined()
  @IsString()
  @Matches(/^\d{16}$/, { context: { code: 'nik_format' } })
  nik: string;

  @ApiProperty({ ...NAME, description: 'Full name, as on the KTP' })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ ...DATE, description: 'Birth date; it must agree with the one the NIK encodes' })
  @IsDefined()
  @IsString()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { context: { code: 'must_be_date' } })
  birthDate: string;

  @ApiProperty({
    enum: ['M', 'F'],
    description: 'Sex; it must agree with the one the NIK encodes',
    example: 'F',
  })
  @IsDefined()
  @IsIn(['M', 'F'])
  sex: 'M' | 'F';

  @ApiPropertyOptional({
    ...PHONE,
    description: 'Phone (a phone or an e-mail is needed); gets a code',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\+62\d{8,13}$/, { context: { code: 'phone_format' } })
  phone?: string;

  @ApiPropertyOptional({
    ...EMAIL,
    description: 'E-mail (a phone or an e-mail is needed); gets a code',
  })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { context: { code: 'email_format' } })
  email?: string;

  @ApiProperty(PASSWORD)
  @IsDefined()
  @IsString()
  @MaxLength(1024)
  password: string;

  @ApiPropertyOptional({
    ...PREFERRED_LANGUAGE,
    description: 'The language updates on their cases are sent in; Indonesian when not given',
  })
  @IsOptional()
  @IsIn(APPLICANT_LANGUAGES)
  preferredLanguage?: ApplicantLanguage;
}

export function toRegisterApplicantV1(body: RegisterApplicantRequest): RegisterApplicantV1 {
  return {
    nik: body.nik,
    name: body.name,
    birthDate: body.birthDate,
    sex: body.sex,
    ...(body.phone !== undefined ? { phone: body.phone } : {}),
    ...(body.email !== undefined ? { email: body.email } : {}),
    password: body.password,
    ...(body.preferredLanguage !== undefined ? { preferredLanguage: body.preferredLanguage } : {}),
  };
}

export class UpdateProfileRequest {
  @ApiPropertyOptional({ ...NAME, description: 'A corrected name (for example by court order)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({
    ...PHONE,
    description: 'A new phone: unverified until its code is confirmed',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\+62\d{8,13}$/, { context: { code: 'phone_format' } })
  phone?: string;

  @ApiPropertyOptional({
    ...EMAIL,
    description: 'A new e-mail: unverified until its code is confirmed',
  })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { context: { code: 'email_format' } })
  email?: string;

  @ApiPropertyOptional({ type: AddressRequest, description: 'The current address' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AddressRequest)
  address?: AddressRequest;

  @ApiPropertyOptional({
    ...PREFERRED_LANGUAGE,
    description: 'The language updates on their cases are sent in',
  })
  @IsOptional()
  @IsIn(APPLICANT_LANGUAGES)
  preferredLanguage?: ApplicantLanguage;
}

export function toUpdateMyProfileV1(body: UpdateProfileRequest): UpdateMyProfileV1 {
  return {
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.phone !== undefined ? { phone: body.phone } : {}),
    ...(body.email !== undefined ? { email: body.email } : {}),
    ...(body.address !== undefined ? { address: toAddressV1(body.address) } : {}),
    ...(body.preferredLanguage !== undefined ? { preferredLanguage: body.preferredLanguage } : {}),
  };
}

export class ConfirmVerificationRequest {
  @ApiProperty({
    enum: VERIFICATION_CHANNELS,
    description: 'Which contact the code was sent to',
    example: 'EMAIL',
  })
  @IsDefined()
  @IsIn(VERIFICATION_CHANNELS)
  channel: VerificationChannel;

  @ApiProperty({
    description: 'The six digits received',
    minLength: 6,
    maxLength: 6,
    pattern: '^\\d{6}$',
    example: '482913',
  })
  @IsDefined()
  @IsString()
  @Matches(/^\d{6}$/, { context: { code: 'verification_code_format' } })
  code: string;
}

export function toConfirmVerificationV1(body: ConfirmVerificationRequest): ConfirmVerificationV1 {
  return { channel: body.channel, code: body.code };
}

export class SendVerificationCodeRequest {
  @ApiProperty({
    enum: VERIFICATION_CHANNELS,
    description: 'Which contact to send a new code to',
    example: 'PHONE',
  })
  @IsDefined()
  @IsIn(VERIFICATION_CHANNELS)
  channel: VerificationChannel;
}

export function toSendVerificationCodeV1(
  body: SendVerificationCodeRequest,
): SendVerificationCodeV1 {
  return { channel: body.channel };
}
