import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import {
  DEADLINE_ALERT_KINDS,
  type DeadlineAlertKind,
  type ListDeadlineAlertsV1,
} from '@satupintu/contracts';
import { CURSOR_PATTERN, WORK_QUEUE_LIMITS } from '../work-queue/work-queue.request';

/** `?open=true` and `?open=false`; anything else stays as it was and is refused. */
const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export class DeadlineAlertsRequest {
  @ApiPropertyOptional({
    description: 'Only alerts of this kind',
    enum: DEADLINE_ALERT_KINDS,
    enumName: 'DeadlineAlertKind',
    example: 'OVERDUE',
  })
  @IsOptional()
  @IsIn(DEADLINE_ALERT_KINDS)
  kind?: DeadlineAlertKind;

  @ApiPropertyOptional({
    description:
      '`true`: only cases still open (not issued, rejected or withdrawn); `false`: only closed ones; absent: both',
    type: Boolean,
    example: true,
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ context: { code: 'must_be_boolean' } })
  open?: boolean;

  @ApiPropertyOptional({
    description: 'Alerts per page',
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

export function toListDeadlineAlertsV1(
  query: DeadlineAlertsRequest,
  agencyCode?: string,
): ListDeadlineAlertsV1 {
  return {
    limit: query.limit ?? WORK_QUEUE_LIMITS.defaultPageSize,
    ...(agencyCode ? { agencyCode } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.open === undefined ? {} : { open: query.open }),
    ...(query.cursor ? { cursor: query.cursor } : {}),
  };
}
