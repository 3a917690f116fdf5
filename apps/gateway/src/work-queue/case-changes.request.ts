import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import type { ListCaseChangesV1 } from '@satupintu/contracts';
import { CURSOR_PATTERN, CaseFiltersRequest, WORK_QUEUE_LIMITS } from './work-queue.request';

export class CaseChangesRequest extends CaseFiltersRequest {
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
}

export function toListCaseChangesV1(query: CaseChangesRequest): ListCaseChangesV1 {
  return {
    limit: query.limit ?? WORK_QUEUE_LIMITS.defaultPageSize,
    ...(query.after ? { after: query.after } : {}),
    ...(query.status?.length ? { status: query.status } : {}),
    ...(query.serviceCode ? { serviceCode: query.serviceCode } : {}),
  };
}
