import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type { Channel } from '../channels';
import { defineRequest } from '../contract';
import { STATUSES, type Status } from '../statuses';

/**
 * The agency's cases in the order they last changed (arrived, or moved), after a cursor: what
 * an agency's own system polls to pull new work and follow what changed (ADR 0025).
 */
export class ListCaseChangesV1 {
  /** Opaque: the `cursor` of the previous page; absent to start from the first change. */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/)
  after?: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(STATUSES.length)
  @IsIn(STATUSES, { each: true })
  status?: Status[];

  @IsOptional()
  @IsString()
  @MaxLength(64)
  serviceCode?: string;
}

export interface CaseChangeV1 {
  applicationId: string;
  trackingNo: string;
  serviceCode: string;
  channel: Channel;
  status: Status;
  /** The number of its last history record: what changed since a system last saw the case. */
  sequence: number;
  /** ISO 8601 in the agency's time zone. */
  changedAt: string;
  deadline?: string;
  paused: boolean;
}

export interface CaseChangesPageV1 {
  agencyCode: string;
  items: CaseChangeV1[];
  /**
   * Always present: where the next poll starts (after the last item, or where this one started
   * when nothing new was found).
   */
  cursor: string;
  /** More changes are waiting: ask again at once rather than at the next poll. */
  more: boolean;
}

export const ListCaseChanges = defineRequest<ListCaseChangesV1, CaseChangesPageV1>({
  subject: 'agency.case.list-changes.v1',
  service: 'agency',
  routedBy: 'agency',
  payload: ListCaseChangesV1,
});
