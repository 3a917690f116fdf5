import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  SERVICE_CATEGORIES,
  SERVICE_SEARCH_MAX_LENGTH,
  type ListServicesV1,
  type ServiceCategory,
} from '@satupintu/contracts';
import { SUBJECT_TOKEN_PATTERN } from '@satupintu/common';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { SERVICES_LIMITS } from './service-standard.response';

export class ListServicesRequest {
  @ApiPropertyOptional({
    description:
      'Words to look for in the code, names and descriptions, in Indonesian or English, ignoring case: ' +
      'a service matches when it holds every word',
    maxLength: SERVICE_SEARCH_MAX_LENGTH,
    example: 'akta lahir',
  })
  @IsOptional()
  @IsString()
  @MaxLength(SERVICE_SEARCH_MAX_LENGTH)
  q?: string;

  @ApiPropertyOptional({
    description: 'Only the services of this agency',
    maxLength: 32,
    pattern: SUBJECT_TOKEN_PATTERN.source,
    example: 'DUKCAPIL',
  })
  @IsOptional()
  @IsString()
  @Matches(SUBJECT_TOKEN_PATTERN, { context: { code: 'agency_code_format' } })
  agency?: string;

  @ApiPropertyOptional({
    description: 'Only the services for this life event or sector',
    enum: SERVICE_CATEGORIES,
    enumName: 'ServiceCategory',
    example: 'BIRTH',
  })
  @IsOptional()
  @IsIn(SERVICE_CATEGORIES)
  category?: ServiceCategory;

  @ApiPropertyOptional({
    description: 'Services per page',
    minimum: 1,
    maximum: SERVICES_LIMITS.pageSize,
    default: SERVICES_LIMITS.defaultPageSize,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(SERVICES_LIMITS.pageSize)
  limit?: number;

  @ApiPropertyOptional({
    description: 'The `nextCursor` of the previous page, as it was given',
    maxLength: SERVICES_LIMITS.cursor,
    pattern: `^[A-Za-z0-9_-]{1,${SERVICES_LIMITS.cursor}}$`,
  })
  @IsOptional()
  @IsString()
  @Matches(new RegExp(`^[A-Za-z0-9_-]{1,${SERVICES_LIMITS.cursor}}$`))
  cursor?: string;
}

export function toListServicesV1(query: ListServicesRequest): ListServicesV1 {
  return {
    limit: query.limit ?? SERVICES_LIMITS.defaultPageSize,
    ...(query.q?.trim() ? { q: query.q.trim() } : {}),
    ...(query.agency ? { agency: query.agency } : {}),
    ...(query.category ? { category: query.category } : {}),
    ...(query.cursor ? { cursor: query.cursor } : {}),
  };
}
