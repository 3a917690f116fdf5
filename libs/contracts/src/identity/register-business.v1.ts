import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { defineRequest } from '../contract';
import { AddressV1 } from '../profile/applicant-profile-changed.v1';
import type { BusinessMemberV1 } from '../profile/business-profile-changed.v1';

export const KBLI_MAX_ITEMS = 50;

/** A signed-in applicant registers a business they own (they become its OWNER). */
export class RegisterBusinessV1 {
  @IsDefined()
  @IsString()
  @Matches(/^\d{13}$/, { context: { code: 'nib_format' } })
  nib: string;

  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  /** KBLI 2020 codes, five digits each. */
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(KBLI_MAX_ITEMS)
  @Matches(/^\d{5}$/, { each: true, context: { code: 'kbli_format' } })
  kbli: string[];

  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => AddressV1)
  address: AddressV1;

  /** 15 digits (legacy) or 16. */
  @IsOptional()
  @IsString()
  @Matches(/^(\d{15}|\d{16})$/, { context: { code: 'npwp_format' } })
  npwp?: string;
}

/** A business as its members see it. */
export interface BusinessV1 {
  businessId: string;
  nib: string;
  name: string;
  kbli: string[];
  address: AddressV1;
  npwp?: string;
  /** The caller's role in it. */
  role: 'OWNER' | 'REPRESENTATIVE';
  members: BusinessMemberV1[];
  version: number;
}

export const RegisterBusiness = defineRequest<RegisterBusinessV1, BusinessV1>({
  subject: 'identity.business.register.v1',
  service: 'identity',
  payload: RegisterBusinessV1,
});
