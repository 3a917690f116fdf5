import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGENCY_TIME_ZONES,
  type AgencyTimeZone,
  type CreateAgencyV1,
  type UpdateAgencyV1,
} from '@satupintu/contracts';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { AGENCY_CODE } from '../openapi/formats';

const AGENCY_NAME = { type: String, minLength: 1, maxLength: 200, example: 'BPJS Kesehatan' };
const TIME_ZONE = {
  enum: AGENCY_TIME_ZONES,
  enumName: 'AgencyTimeZone',
  description: 'WIB (Asia/Jakarta), WITA (Asia/Makassar) or WIT (Asia/Jayapura)',
  example: 'Asia/Jakarta',
};

export class CreateAgencyRequest {
  @ApiProperty({ ...AGENCY_CODE, example: 'BPJS' })
  @IsDefined()
  @IsString()
  @Matches(/^[A-Z0-9-]{2,32}$/, { context: { code: 'agency_code_format' } })
  code: string;

  @ApiProperty(AGENCY_NAME)
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty(TIME_ZONE)
  @IsDefined()
  @IsIn(AGENCY_TIME_ZONES)
  timeZone: AgencyTimeZone;
}

export const toCreateAgencyV1 = (body: CreateAgencyRequest): CreateAgencyV1 => ({
  code: body.code,
  name: body.name,
  timeZone: body.timeZone,
});

export class UpdateAgencyRequest {
  @ApiPropertyOptional(AGENCY_NAME)
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional(TIME_ZONE)
  @IsOptional()
  @IsIn(AGENCY_TIME_ZONES)
  timeZone?: AgencyTimeZone;

  @ApiPropertyOptional({
    description: 'false: the agency leaves the mall (its services close)',
    example: true,
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export const toUpdateAgencyV1 = (code: string, body: UpdateAgencyRequest): UpdateAgencyV1 => ({
  code,
  ...(body.name !== undefined ? { name: body.name } : {}),
  ...(body.timeZone !== undefined ? { timeZone: body.timeZone } : {}),
  ...(body.active !== undefined ? { active: body.active } : {}),
});
