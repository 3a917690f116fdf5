import { IsOptional, IsString, Matches } from 'class-validator';
import { defineRequest } from '../contract';
import { CaseFiltersV1, type WorkQueueItemV1 } from './list-work-queue.v1';

/**
 * The agency's cases in the order they last changed (arrived, or moved), after a cursor: what
 * an agency's own system polls to pull new work and follow what changed (ADR 0025).
 */
export class ListCaseChangesV1 extends CaseFiltersV1 {
  /** Opaque: the `cursor` of the previous page; absent to start from the first change. */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/)
  after?: string;
}

export interface CaseChangeV1 extends Pick<
  WorkQueueItemV1,
  'applicationId' | 'trackingNo' | 'serviceCode' | 'channel' | 'status' | 'deadline' | 'paused'
> {
  /** The number of its last history record: what changed since a system last saw the case. */
  sequence: number;
  /** ISO 8601 in the agency's time zone. */
  changedAt: string;
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
