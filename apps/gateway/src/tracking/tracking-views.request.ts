import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  CASE_RISKS,
  type CaseRisk,
  type ListMyBundlesV1,
  type ListMyCasesV1,
  type ListTrackedCasesV1,
} from '@satupintu/contracts';
import { WORK_QUEUE_LIMITS, WorkQueueRequest } from '../work-queue/work-queue.request';

/** Tracking's lists page as the agency's do: the same sizes and cursor shape. */
export const TRACKING_PAGE_LIMITS = WORK_QUEUE_LIMITS;

export class MyBundlesRequest extends PickType(WorkQueueRequest, ['limit', 'cursor'] as const) {}

export class MyCasesRequest extends PickType(WorkQueueRequest, [
  'status',
  'serviceCode',
  'limit',
  'cursor',
] as const) {
  @ApiPropertyOptional({
    description:
      '`true`: only cases not finished yet; `false`: only finished ones (ISSUED, REJECTED, WITHDRAWN)',
    enum: ['true', 'false'],
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  open?: 'true' | 'false';
}

export function toListMyCasesV1(query: MyCasesRequest): ListMyCasesV1 {
  return {
    limit: query.limit ?? TRACKING_PAGE_LIMITS.defaultPageSize,
    ...(query.status?.length ? { status: query.status } : {}),
    ...(query.serviceCode ? { serviceCode: query.serviceCode } : {}),
    ...(query.open ? { open: query.open === 'true' } : {}),
    ...(query.cursor ? { cursor: query.cursor } : {}),
  };
}

export function toListMyBundlesV1(query: MyBundlesRequest): ListMyBundlesV1 {
  return {
    limit: query.limit ?? TRACKING_PAGE_LIMITS.defaultPageSize,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  };
}

export class TrackedCasesRequest extends WorkQueueRequest {
  @ApiPropertyOptional({
    description:
      'AT_RISK: past the share of its time that makes it at risk, not yet overdue; ' +
      'OVERDUE: past its deadline. Only a running clock is either (not a case waiting on the ' +
      'applicant, not a finished one)',
    enum: CASE_RISKS,
  })
  @IsOptional()
  @IsIn(CASE_RISKS)
  risk?: CaseRisk;
}

export function toListTrackedCasesV1(
  agencyCode: string,
  query: TrackedCasesRequest,
): ListTrackedCasesV1 {
  return {
    agencyCode,
    limit: query.limit ?? TRACKING_PAGE_LIMITS.defaultPageSize,
    ...(query.status?.length ? { status: query.status } : {}),
    ...(query.serviceCode ? { serviceCode: query.serviceCode } : {}),
    ...(query.risk ? { risk: query.risk } : {}),
    ...(query.cursor ? { cursor: query.cursor } : {}),
  };
}
