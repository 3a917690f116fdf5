import { ApiPropertyOptional } from '@nestjs/swagger';
import type { ListBundlesV1 } from '@satupintu/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export const BUNDLE_PAGE_LIMITS = { pageSize: 100, defaultPageSize: 20, cursor: 200 } as const;

const CURSOR = new RegExp(`^[A-Za-z0-9_-]{1,${BUNDLE_PAGE_LIMITS.cursor}}$`);

export class ListBundlesRequest {
  @ApiPropertyOptional({
    description: 'Bundles per page',
    minimum: 1,
    maximum: BUNDLE_PAGE_LIMITS.pageSize,
    default: BUNDLE_PAGE_LIMITS.defaultPageSize,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(BUNDLE_PAGE_LIMITS.pageSize)
  limit?: number;

  @ApiPropertyOptional({
    description: 'The `nextCursor` of the previous page, as it was given',
    maxLength: BUNDLE_PAGE_LIMITS.cursor,
    pattern: CURSOR.source,
  })
  @IsOptional()
  @IsString()
  @Matches(CURSOR)
  cursor?: string;
}

export function toListBundlesV1(query: ListBundlesRequest): ListBundlesV1 {
  return {
    limit: query.limit ?? BUNDLE_PAGE_LIMITS.defaultPageSize,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  };
}
