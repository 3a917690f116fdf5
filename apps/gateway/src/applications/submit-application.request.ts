import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNELS, type Channel, type SubmitApplicationV1 } from '@satupintu/contracts';
import { Type } from 'class-transformer';
import {
  IsDefined,
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
import { CHANNEL, SERVICE_CODE_MAX_LENGTH } from '../openapi/formats';

// The validators are those of SubmitApplicationV1, which intake checks again on receipt: a body
// the gateway accepts is never refused by intake for its shape, only for what it means (422).

export class ApplicantRequest {
  @ApiProperty({
    description: 'NIK, the 16-digit national identity number',
    pattern: '^\\d{16}$',
    minLength: 16,
    maxLength: 16,
    example: '3201014506900001',
  })
  @IsDefined()
  @IsString()
  @Matches(/^\d{16}$/, { context: { code: 'nik_format' } })
  nik: string;

  @ApiProperty({ description: 'Full name', minLength: 1, maxLength: 200, example: 'Siti Rahayu' })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({
    description: 'Birth date; when given, it must agree with the one the NIK encodes',
    format: 'date',
    pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    maxLength: 10,
    example: '1990-06-05',
  })
  @IsOptional()
  @IsString()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { context: { code: 'must_be_date' } })
  birthDate?: string;
}

export class SubmitApplicationRequest {
  @ApiProperty({
    description: "Code of a service in the mall's catalog",
    minLength: 1,
    maxLength: SERVICE_CODE_MAX_LENGTH,
    example: 'DUKCAPIL-KK',
  })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(SERVICE_CODE_MAX_LENGTH)
  serviceCode: string;

  @ApiProperty({ type: ApplicantRequest })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ApplicantRequest)
  applicant: ApplicantRequest;

  @ApiPropertyOptional({
    ...CHANNEL,
    description: 'Where the application came from',
    default: 'WEB',
    example: 'KIOSK',
  })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;
}

/** The message to intake, written out field by field so the HTTP body and it can change apart. */
export function toSubmitApplicationV1(body: SubmitApplicationRequest): SubmitApplicationV1 {
  const { nik, name, birthDate } = body.applicant;
  return {
    serviceCode: body.serviceCode,
    applicant: { nik, name, ...(birthDate === undefined ? {} : { birthDate }) },
    ...(body.channel === undefined ? {} : { channel: body.channel }),
  };
}
