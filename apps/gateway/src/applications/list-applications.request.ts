import { ApiPropertyOptional } from '@nestjs/swagger';
import type { ListApplicationsV1 } from '@satupintu/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export const APPLICATIONS_PAGE_LIMITS = {
  pageSize: 100,
  defaultPageSize: 20,
  cursor: 200,
} as const;

const CURSOR = new RegExp(`^[A-Za-z0-9_-]{1,${APPLICATIONS_PAGE_LIMITS.cursor}}$`);

export class ListApplicationsRequest {
  @ApiPropertyOptional({
    description: 'Applications per page',
    minimum: 1,
    maximum: APPLICATIONS_PAGE_LIMITS.pageSize,
    default: APPLICATIONS_PAGE_LIMITS.defaultPageSize,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(APPLICATIONS_PAGE_LIMITS.pageSize)
  limit?: number;

  @ApiPropertyOptional({
    description: 'The `nextCursor` of the previous page, as it was given',
    maxLength: APPLICATIONS_PAGE_LIMITS.cursor,
    pattern: CURSOR.source,
  })
  @IsOptional()
  @IsString()
  @Matches(CURSOR)
  cursor?: string;
}

export function toListApplicationsV1(query: ListApplicationsRequest): ListApplicationsV1 {
  return {
    limit: query.limit ?? APPLICATIONS_PAGE_LIMITS.defaultPageSize,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  };
}
