import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { defineRequest } from '../contract';
import { AddressV1 } from '../profile/applicant-profile-changed.v1';
import type { ApplicantProfileV1 } from './get-my-profile.v1';
import { APPLICANT_LANGUAGES, type ApplicantLanguage } from './register-applicant.v1';

/**
 * The signed-in applicant changes their profile: only the fields given change. A new phone or
 * e-mail is unverified until its code is confirmed. Every change is published (versioned).
 */
export class UpdateMyProfileV1 {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @IsOptional()
  @IsString()
  @Matches(/^\+62\d{8,13}$/, { context: { code: 'phone_format' } })
  phone?: string;

  @IsOptional()
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { context: { code: 'email_format' } })
  email?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => AddressV1)
  address?: AddressV1;

  @IsOptional()
  @IsIn(APPLICANT_LANGUAGES)
  preferredLanguage?: ApplicantLanguage;
}

export const UpdateMyProfile = defineRequest<UpdateMyProfileV1, ApplicantProfileV1>({
  subject: 'identity.applicant-profile.update.v1',
  service: 'identity',
  payload: UpdateMyProfileV1,
});
