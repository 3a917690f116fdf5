import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import {
  OSS_DELIVERY_STATUSES,
  type ListOssDeliveriesV1,
  type OssDeliveryStatusV1,
} from '@satupintu/contracts';
import { CURSOR_PATTERN, WORK_QUEUE_LIMITS } from '../work-queue/work-queue.request';

export const OSS_DELIVERIES_PAGE = { max: 50, default: 20 };

export class OssDeliveriesRequest {
  @ApiPropertyOptional({
    description:
      'Only reports in this state: `pending` (not yet acknowledged: waiting, or being retried), `delivered` (OSS answered kode 200), `dead` (refused for the whole retry window)',
    enum: OSS_DELIVERY_STATUSES,
    enumName: 'OssDeliveryStatus',
    example: 'pending',
  })
  @IsOptional()
  @IsIn(OSS_DELIVERY_STATUSES)
  status?: OssDeliveryStatusV1;

  @ApiPropertyOptional({
    description: 'Reports per page',
    minimum: 1,
    maximum: OSS_DELIVERIES_PAGE.max,
    default: OSS_DELIVERIES_PAGE.default,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(OSS_DELIVERIES_PAGE.max)
  limit?: number;

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

export function toListOssDeliveriesV1(query: OssDeliveriesRequest): ListOssDeliveriesV1 {
  return {
    limit: query.limit ?? OSS_DELIVERIES_PAGE.default,
    ...(query.status ? { status: query.status } : {}),
    ...(query.cursor ? { cursor: query.cursor } : {}),
  };
}
