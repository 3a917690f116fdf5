import { PageLimitV1, PageCursorV1 } from '../paging';
import { IsInt, IsString, IsUUID, Matches, Min } from 'class-validator';
import { QUEUE_FORMATS as F } from './queue-formats';

/** What every event of a numbered ticket says of it: which ticket, its number, line and service. */
export class TicketOnFloorV1 {
  @IsUUID()
  ticketId: string;

  /** `B-017`. */
  @IsString()
  @Matches(F.ticketNo)
  ticketNo: string;

  @IsString()
  @Matches(F.linePrefix)
  line: string;

  @IsString()
  @Matches(F.serviceCode)
  serviceCode: string;

  @IsString()
  @Matches(F.agencyCode)
  agencyCode: string;
}

/**
 * What happened to a ticket at a counter. `sequence` orders every call, recall, served and
 * no-show of the mall, without a gap, in the order they committed: a display resumes after the
 * last one it showed.
 */
export class TicketAtCounterV1 extends TicketOnFloorV1 {
  @IsInt()
  @Min(1)
  sequence: number;

  @IsString()
  @Matches(F.counterCode)
  counterCode: string;
}

/** A page of a list: how many, and where the previous page ended. */
export class QueuePageV1 {
  @PageLimitV1()
  limit: number;

  @PageCursorV1()
  cursor?: string;
}
