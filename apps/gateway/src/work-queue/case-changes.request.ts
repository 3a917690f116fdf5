import { ApiPropertyOptional } from '@nestjs/swagger';
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
import { STATUSES, type ListCaseChangesV1, type Status } from '@satupintu/contracts';
import { SERVICE_CODE_MAX_LENGTH } from '../openapi/formats';
import { WORK_QUEUE_LIMITS, toList } from './work-queue.request';

export const CURSOR_PATTERN = `^[A-Za-z0-9_-]{1,${WORK_QUEUE_LIMITS.cursor}}$`;

export class CaseChangesRequest {
  @ApiPropertyOptional({
    description:
      'The `cursor` of the previous answer, as it was given; left out, the feed starts from the ' +
      'first case the agency has',
    maxLength: WORK_QUEUE_LIMITS.cursor,
    pattern: CURSOR_PATTERN,
  })
  @IsOptional()
  @IsString()
  @Matches(new RegExp(CURSOR_PATTERN))
  after?: string;

  @ApiPropertyOptional({
    description: 'Cases per answer',
    minimum: 1,
    maximum: WORK_QUEUE_LIMITS.pageSize,
    default: WORK_QUEUE_LIMITS.defaultPageSize,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(WORK_QUEUE_LIMITS.pageSize)
  limit?: number;

  // Documented by the controller's @ApiQuery: Nest's query schema would drop `maxItems`.
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(STATUSES.length)
  @IsIn(STATUSES, { each: true })
  status?: Status[];

  @ApiPropertyOptional({
    description: 'Only cases of this service',
    maxLength: SERVICE_CODE_MAX_LENGTH,
    example: 'DUKCAPIL-KK',
  })
  @IsOptional()
  @IsString()
  @MaxLength(SERVICE_CODE_MAX_LENGTH)
  serviceCode?: string;
}

export function toListCaseChangesV1(query: CaseChangesRequest): ListCaseChangesV1 {
  return {
    limit: query.limit ?? WORK_QUEUE_LIMITS.defaultPageSize,
    ...(query.after ? { after: query.after } : {}),
    ...(query.status?.length ? { status: query.status } : {}),
    ...(query.serviceCode ? { serviceCode: query.serviceCode } : {}),
  };
}
