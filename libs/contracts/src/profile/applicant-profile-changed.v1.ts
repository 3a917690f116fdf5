import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../contract';
import { PROFILE_STREAM } from './profile.stream';

export class AddressV1 {
  @IsString()
  @MaxLength(300)
  line: string;

  /** Kecamatan code, `PP.KK.CC` (idn-area-data). */
  @IsString()
  @Matches(/^\d{2}\.\d{2}\.\d{2}$/)
  districtCode: string;

  @IsOptional()
  @IsString()
  @Matches(/^\d{5}$/)
  postalCode?: string;
}

/**
 * An applicant's current profile, published when it is created or changes (and again before it
 * expires). Personal data: only on the PROFILE stream; a follower keeps the current value of the
 * applicants it serves, never the history. The routing token is the applicant id.
 */
export class ApplicantProfileChangedV1 {
  @IsUUID()
  applicantId: string;

  @IsInt()
  @Min(1)
  version: number;

  @IsString()
  @Matches(/^\d{16}$/)
  nik: string;

  @IsString()
  @MaxLength(200)
  name: string;

  @IsISO8601({ strict: true })
  birthDate: string;

  @IsIn(['M', 'F'])
  sex: 'M' | 'F';

  @IsOptional()
  @IsString()
  @Matches(/^\+62\d{8,13}$/)
  phone?: string;

  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => AddressV1)
  address?: AddressV1;

  @IsISO8601()
  changedAt: string;
}

export const ApplicantProfileChanged = defineEvent<ApplicantProfileChangedV1>({
  subject: 'profile.applicant.changed.v1',
  stream: PROFILE_STREAM,
  payload: ApplicantProfileChangedV1,
  routingKey: (event) => event.applicantId,
  orderingKey: (event) => event.applicantId,
});
