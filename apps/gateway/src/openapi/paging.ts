import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { CURSOR_PATTERN, WORK_QUEUE_LIMITS } from '../work-queue/work-queue.request';

/** A list's `limit`: how many `items` per page (1–100, 20 unless asked), validated and documented. */
export function PageLimit(items: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      description: `${items} per page`,
      minimum: 1,
      maximum: WORK_QUEUE_LIMITS.pageSize,
      default: WORK_QUEUE_LIMITS.defaultPageSize,
    }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(WORK_QUEUE_LIMITS.pageSize),
  );
}

/** A list's `cursor`: the previous page's `nextCursor`, as the lists hand them out. */
export function PageCursor(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      description: 'The `nextCursor` of the previous page, as it was given',
      maxLength: WORK_QUEUE_LIMITS.cursor,
      pattern: CURSOR_PATTERN,
    }),
    IsOptional(),
    IsString(),
    Matches(new RegExp(CURSOR_PATTERN)),
  );
}
