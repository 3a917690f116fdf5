import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { CHANNELS, STATUSES, type Channel, type Status } from '@satupintu/contracts';

/** `?status=A&status=B` and `?status=A,B` both mean two statuses. */
const toList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.split(',').filter(Boolean) : value;

export class WorkQueueQuery {
  @ApiPropertyOptional({
    description: 'Only cases in these statuses (repeat the parameter or separate with commas)',
    enum: STATUSES,
    isArray: true,
    maxItems: STATUSES.length,
    example: ['VERIFYING'],
  })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(STATUSES.length)
  @IsIn(STATUSES, { each: true })
  status?: Status[];

  @ApiPropertyOptional({
    description: 'Only cases of this service',
    maxLength: 64,
    example: 'DUKCAPIL-KK',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  serviceCode?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({
    description: '`nextCursor` of the previous page',
    pattern: '^[A-Za-z0-9_-]{1,200}$',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/)
  cursor?: string;
}

export class WorkQueueItem {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  applicationId: string;

  @ApiProperty({ pattern: '^[0-9A-Z]{9}$', maxLength: 9, example: 'K7M39QX2C' })
  trackingNo: string;

  @ApiProperty({ maxLength: 64, example: 'DUKCAPIL-KK' })
  serviceCode: string;

  @ApiProperty({ enum: STATUSES })
  status: Status;

  @ApiProperty({ enum: CHANNELS })
  channel: Channel;

  @ApiProperty({
    format: 'date-time',
    maxLength: 35,
    description: "When the applicant submitted it, in the agency's time zone",
    example: '2026-11-23T10:45:12.123+07:00',
  })
  submittedAt: string;

  @ApiProperty({
    format: 'date-time',
    maxLength: 35,
    description: "When the agency received it, in the agency's time zone",
    example: '2026-11-23T10:45:12.456+07:00',
  })
  receivedAt: string;
}

export class WorkQueuePage {
  @ApiProperty({ pattern: '^[A-Z0-9-]{2,32}$', maxLength: 32, example: 'DUKCAPIL' })
  agencyCode: string;

  @ApiProperty({ type: [WorkQueueItem], maxItems: 100 })
  items: WorkQueueItem[];

  @ApiPropertyOptional({
    description: 'Present when there are more cases: pass it as `cursor`',
    maxLength: 200,
  })
  nextCursor?: string;
}
