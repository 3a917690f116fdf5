import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { defineRequest } from '../contract';
import { AddressV1 } from '../profile/applicant-profile-changed.v1';
import { KBLI_MAX_ITEMS, type BusinessV1 } from './register-business.v1';

/** Its owner changes a business: only the fields given change; each change is published. */
export class UpdateBusinessV1 {
  @IsDefined()
  @IsUUID()
  businessId: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(KBLI_MAX_ITEMS)
  @Matches(/^\d{5}$/, { each: true, context: { code: 'kbli_format' } })
  kbli?: string[];

  @IsOptional()
  @ValidateNested()
  @Type(() => AddressV1)
  address?: AddressV1;

  @IsOptional()
  @IsString()
  @Matches(/^(\d{15}|\d{16})$/, { context: { code: 'npwp_format' } })
  npwp?: string;
}

export const UpdateBusiness = defineRequest<UpdateBusinessV1, BusinessV1>({
  subject: 'identity.business.update.v1',
  service: 'identity',
  payload: UpdateBusinessV1,
});
