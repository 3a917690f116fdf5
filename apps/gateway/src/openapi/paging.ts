import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { CURSOR_PATTERN, WORK_QUEUE_LIMITS } from '../work-queue/work-queue.request';
import { AGENCY_CODE } from './formats';

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

/** A list of one agency's items, or (for whoever may) every agency's, a page at a time. */
export class AgencyPageRequest {
  @PageLimit('Items')
  limit?: number;

  @PageCursor()
  cursor?: string;

  @ApiPropertyOptional({ ...AGENCY_CODE, description: 'Only this agency’s' })
  @IsOptional()
  @IsString()
  @Matches(new RegExp(AGENCY_CODE.pattern), { context: { code: 'agency_code_format' } })
  agencyCode?: string;
}

/** The page an AgencyPageRequest asks for, as the contracts' lists take it. */
export const agencyPageOf = (query: AgencyPageRequest) => ({
  limit: query.limit ?? WORK_QUEUE_LIMITS.defaultPageSize,
  ...(query.agencyCode ? { agencyCode: query.agencyCode } : {}),
  ...(query.cursor ? { cursor: query.cursor } : {}),
});
