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
import { STATUSES, type ListWorkQueueV1, type Status } from '@satupintu/contracts';
import { SERVICE_CODE_MAX_LENGTH } from '../openapi/formats';

export const WORK_QUEUE_LIMITS = { pageSize: 100, defaultPageSize: 20, cursor: 200 } as const;

/** What the agency's cursors are made of (base64url), as a pattern. */
export const CURSOR_PATTERN = `^[A-Za-z0-9_-]{1,${WORK_QUEUE_LIMITS.cursor}}$`;

/** `?status=A&status=B` and `?status=A,B` both ask for two statuses. */
const toList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.split(',').filter(Boolean) : value;

/** Which of an agency's cases a list asks for, and how many at a time. */
export class CaseFiltersRequest {
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

  @ApiPropertyOptional({
    description: 'Cases per page',
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
}

export class WorkQueueRequest extends CaseFiltersRequest {
  @ApiPropertyOptional({
    description: 'The `nextCursor` of the previous page, as it was given',
    maxLength: WORK_QUEUE_LIMITS.cursor,
    pattern: CURSOR_PATTERN,
  })
  @IsOptional()
  @IsString()
  @Matches(new RegExp(CURSOR_PATTERN))
  cursor?: string;
}

export function toListWorkQueueV1(query: WorkQueueRequest): ListWorkQueueV1 {
  return {
    limit: query.limit ?? WORK_QUEUE_LIMITS.defaultPageSize,
    ...(query.status?.length ? { status: query.status } : {}),
    ...(query.serviceCode ? { serviceCode: query.serviceCode } : {}),
    ...(query.cursor ? { cursor: query.cursor } : {}),
  };
}
