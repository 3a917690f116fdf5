import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import {
  KBLI_MAX_ITEMS,
  type AddBusinessMemberV1,
  type RegisterBusinessV1,
  type UpdateBusinessV1,
} from '@satupintu/contracts';
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
import { AddressRequest, toAddressV1 } from './address.request';
import { NIK } from './account-formats';

const NIB = {
  type: String,
  description: 'NIB, 13 digits',
  minLength: 13,
  maxLength: 13,
  pattern: '^\\d{13}$',
  example: '9120000000001',
};
const KBLI = {
  type: [String],
  description: 'KBLI 2020 codes, five digits each',
  minItems: 1,
  maxItems: KBLI_MAX_ITEMS,
  items: { type: 'string', maxLength: 5, pattern: '^\\d{5}$' },
  example: ['56101'],
} satisfies ApiPropertyOptions;
const NPWP = {
  type: String,
  description: 'NPWP: 15 digits (legacy) or 16',
  maxLength: 16,
  pattern: '^(\\d{15}|\\d{16})$',
  example: '012345678901234',
};
const BUSINESS_NAME = {
  type: String,
  minLength: 1,
  maxLength: 200,
  example: 'Warung Makan Sejahtera',
};

export class RegisterBusinessRequest {
  @ApiProperty(NIB)
  @IsDefined()
  @IsString()
  @Matches(/^\d{13}$/, { context: { code: 'nib_format' } })
  nib: string;

  @ApiProperty(BUSINESS_NAME)
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty(KBLI)
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(KBLI_MAX_ITEMS)
  @Matches(/^\d{5}$/, { each: true, context: { code: 'kbli_format' } })
  kbli: string[];

  @ApiProperty({ type: AddressRequest })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => AddressRequest)
  address: AddressRequest;

  @ApiPropertyOptional(NPWP)
  @IsOptional()
  @IsString()
  @Matches(/^(\d{15}|\d{16})$/, { context: { code: 'npwp_format' } })
  npwp?: string;
}

export function toRegisterBusinessV1(body: RegisterBusinessRequest): RegisterBusinessV1 {
  return {
    nib: body.nib,
    name: body.name,
    kbli: [...body.kbli],
    address: toAddressV1(body.address),
    ...(body.npwp !== undefined ? { npwp: body.npwp } : {}),
  };
}

export class UpdateBusinessRequest {
  @ApiPropertyOptional(BUSINESS_NAME)
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional(KBLI)
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(KBLI_MAX_ITEMS)
  @Matches(/^\d{5}$/, { each: true, context: { code: 'kbli_format' } })
  kbli?: string[];

  @ApiPropertyOptional({ type: AddressRequest })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AddressRequest)
  address?: AddressRequest;

  @ApiPropertyOptional(NPWP)
  @IsOptional()
  @IsString()
  @Matches(/^(\d{15}|\d{16})$/, { context: { code: 'npwp_format' } })
  npwp?: string;
}

export function toUpdateBusinessV1(
  businessId: string,
  body: UpdateBusinessRequest,
): UpdateBusinessV1 {
  return {
    businessId,
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.kbli !== undefined ? { kbli: [...body.kbli] } : {}),
    ...(body.address !== undefined ? { address: toAddressV1(body.address) } : {}),
    ...(body.npwp !== undefined ? { npwp: body.npwp } : {}),
  };
}

export class AddBusinessMemberRequest {
  @ApiProperty({
    ...NIK,
    description: 'NIK of a registered applicant who will act for the business',
  })
  @IsDefined()
  @IsString()
  @Matches(/^\d{16}$/, { context: { code: 'nik_format' } })
  nik: string;
}

export function toAddBusinessMemberV1(
  businessId: string,
  body: AddBusinessMemberRequest,
): AddBusinessMemberV1 {
  return { businessId, nik: body.nik };
}
