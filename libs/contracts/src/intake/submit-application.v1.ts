import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
import { CHANNELS, type Channel } from '../channels';
import { defineRequest } from '../contract';

export class ApplicantV1 {
  @ApiProperty({ description: 'NIK: 16 digits', example: '3201014506900001' })
  @IsDefined()
  @IsString()
  @Matches(/^\d{16}$/, { context: { code: 'nik_format' } })
  nik: string;

  @ApiProperty({ example: 'Siti Rahayu', maxLength: 200 })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({
    description: 'Birth date; checked against the NIK',
    example: '1990-06-05',
  })
  @IsOptional()
  @IsString()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { context: { code: 'must_be_date' } })
  birthDate?: string;
}

export class SubmitApplicationV1 {
  @ApiProperty({ description: "Code of a service in the mall's catalog", example: 'DUKCAPIL-KK' })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  serviceCode: string;

  @ApiProperty({ type: ApplicantV1 })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ApplicantV1)
  applicant: ApplicantV1;

  @ApiPropertyOptional({ enum: CHANNELS, default: 'WEB' })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;
}

export class ApplicationReceiptV1 {
  @ApiProperty({ format: 'uuid' })
  applicationId: string;

  @ApiProperty({ description: 'Tracking number, check character last', example: 'K7M39QX2C' })
  trackingNo: string;

  @ApiProperty({ example: 'SUBMITTED' })
  status: 'SUBMITTED';

  @ApiProperty({ example: 'DUKCAPIL-KK' })
  serviceCode: string;

  @ApiProperty({ description: 'The agency that owns the service', example: 'DUKCAPIL' })
  agencyCode: string;

  @ApiProperty({ enum: CHANNELS })
  channel: Channel;

  @ApiProperty({
    format: 'date-time',
    description: "In the agency's time zone",
    example: '2026-11-23T10:45:12.123+07:00',
  })
  submittedAt: string;
}

export const SubmitApplication = defineRequest<SubmitApplicationV1, ApplicationReceiptV1>({
  subject: 'intake.application.submit.v1',
  service: 'intake',
  payload: SubmitApplicationV1,
});
