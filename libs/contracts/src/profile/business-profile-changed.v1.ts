import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
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
import { AddressV1 } from './applicant-profile-changed.v1';
import { PROFILE_STREAM } from './profile.stream';

export class BusinessMemberV1 {
  @IsUUID()
  applicantId: string;

  @IsIn(['OWNER', 'REPRESENTATIVE'])
  role: 'OWNER' | 'REPRESENTATIVE';
}

/** A business's current profile and who may act for it; latest per business on PROFILE. */
export class BusinessProfileChangedV1 {
  @IsUUID()
  businessId: string;

  @IsInt()
  @Min(1)
  version: number;

  @IsString()
  @Matches(/^\d{13}$/)
  nib: string;

  @IsString()
  @MaxLength(200)
  name: string;

  /** KBLI 2020 codes, five digits each. */
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^\d{5}$/, { each: true })
  kbli: string[];

  @ValidateNested()
  @Type(() => AddressV1)
  address: AddressV1;

  /** 15 digits (legacy) or 16. */
  @IsOptional()
  @IsString()
  @Matches(/^(\d{15}|\d{16})$/)
  npwp?: string;

  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => BusinessMemberV1)
  members: BusinessMemberV1[];

  @IsISO8601()
  changedAt: string;
}

export const BusinessProfileChanged = defineEvent<BusinessProfileChangedV1>({
  subject: 'profile.business.changed.v1',
  stream: PROFILE_STREAM,
  payload: BusinessProfileChangedV1,
  routingKey: (event) => event.businessId,
  orderingKey: (event) => event.businessId,
});
