import { ApiProperty } from '@nestjs/swagger';
import type { CaseChangesPageV1 } from '@satupintu/contracts';
import { AGENCY_CODE, ZONED_TIME } from '../openapi/formats';
import { CURSOR_PATTERN, WORK_QUEUE_LIMITS } from './work-queue.request';
import { CaseSummaryResponse, toCaseSummaryResponse } from './work-queue.response';

export class CaseChangeResponse extends CaseSummaryResponse {
  @ApiProperty({
    description:
      'The number of its last history record: a system that saw the case at a lower number ' +
      'reads what happened since in the case’s history',
    minimum: 1,
    maximum: 2_147_483_647,
    example: 1,
  })
  sequence: number;

  @ApiProperty({ ...ZONED_TIME, description: 'When its last record was written' })
  changedAt: string;
}

export class CaseChangesPageResponse {
  @ApiProperty({ ...AGENCY_CODE, description: 'The agency that answered' })
  agencyCode: string;

  @ApiProperty({
    type: [CaseChangeResponse],
    maxItems: WORK_QUEUE_LIMITS.pageSize,
    description:
      'Cases in the order their changes were committed, each as it is now. No personal data: ' +
      'read a case for its applicant, form and documents',
  })
  items: CaseChangeResponse[];

  @ApiProperty({
    description:
      'Always present: pass it as `after` on the next poll. An answer with no items gives back ' +
      'the cursor it was asked with',
    maxLength: WORK_QUEUE_LIMITS.cursor,
    pattern: CURSOR_PATTERN,
    example: 'WyI5MDEiLCI2ZjFjMmI0ZS04ZDNhLTRmNWUtOWE3Yi0xYzJkM2U0ZjVhNmIiXQ',
  })
  cursor: string;

  @ApiProperty({
    description: 'More changes are waiting: ask again at once instead of at the next poll',
    example: false,
  })
  more: boolean;
}

/** A field-by-field copy: the public answer and the contract can evolve apart. */
export function toCaseChangesPageResponse(page: CaseChangesPageV1): CaseChangesPageResponse {
  return {
    agencyCode: page.agencyCode,
    items: page.items.slice(0, WORK_QUEUE_LIMITS.pageSize).map((item) => ({
      ...toCaseSummaryResponse(item),
      sequence: item.sequence,
      changedAt: item.changedAt,
    })),
    cursor: page.cursor,
    more: page.more,
  };
}
