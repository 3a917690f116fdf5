import { PageLimitV1, PageCursorV1 } from '../paging';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { Channel } from '../channels';
import { defineRequest } from '../contract';
import { STATUSES, type Status } from '../statuses';

/** Which of an agency's cases a list asks for, and how many at a time. */
export class CaseFiltersV1 {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(STATUSES.length)
  @IsIn(STATUSES, { each: true })
  status?: Status[];

  @IsOptional()
  @IsString()
  @MaxLength(64)
  serviceCode?: string;

  @PageLimitV1()
  limit: number;
}

/**
 * Ask one agency for its cases, the nearest deadline first (then those without one), each by
 * submission, a page at a time.
 */
export class ListWorkQueueV1 extends CaseFiltersV1 {
  /** Opaque: the `nextCursor` of the previous page. */
  @PageCursorV1()
  cursor?: string;
}

export interface WorkQueueItemV1 {
  applicationId: string;
  trackingNo: string;
  serviceCode: string;
  status: Status;
  channel: Channel;
  /** ISO 8601 in the agency's time zone. */
  submittedAt: string;
  receivedAt: string;
  /** The case's deadline, in the agency's time zone; absent without a time limit. */
  deadline?: string;
  /** The clock stops while the case waits on the applicant (NEEDS_REVISION, AWAITING_PAYMENT). */
  paused: boolean;
  /** Who works on it now (`ClaimCase`), while the claim holds; absent when nobody does. */
  claimedBy?: string;
  claimedUntil?: string;
}

export interface WorkQueuePageV1 {
  agencyCode: string;
  items: WorkQueueItemV1[];
  /** Present when there are more items: pass it as `cursor` for the next page. */
  nextCursor?: string;
}

export const ListWorkQueue = defineRequest<ListWorkQueueV1, WorkQueuePageV1>({
  subject: 'agency.work-queue.list.v1',
  service: 'agency',
  routedBy: 'agency',
  payload: ListWorkQueueV1,
});
