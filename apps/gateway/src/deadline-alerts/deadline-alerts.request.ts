import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import {
  DEADLINE_ALERT_KINDS,
  type DeadlineAlertKind,
  type ListDeadlineAlertsV1,
} from '@satupintu/contracts';
import { WORK_QUEUE_LIMITS } from '../work-queue/work-queue.request';
import { PageCursor, PageLimit } from '../openapi/paging';

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

  @PageLimit('Alerts')
  limit?: number;

  @PageCursor()
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
