import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
} from 'class-validator';
import { defineRequest } from '../contract';
import { MAX_LINE_SERVICES } from './floor-setup.v1';
import { QUEUE_FORMATS as F } from './queue-formats';
import type { TicketV1 } from './tickets.v1';

/**
 * An officer opens a session at a counter of their agency, for services of their agency: one
 * open session per counter, and per officer.
 */
export class OpenCounterSessionV1 {
  @IsString()
  @Matches(F.counterCode)
  counterCode: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINE_SERVICES)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(F.serviceCode, { each: true })
  serviceCodes: string[];
}

/**
 * A session by its id. Reading, it may instead be the one open at a counter (`counterCode`), or,
 * with neither, the caller's own open session.
 */
export class CounterSessionIdV1 {
  @IsOptional()
  @IsUUID()
  sessionId?: string;

  @IsOptional()
  @IsString()
  @Matches(F.counterCode)
  counterCode?: string;
}

export const CALLED_TICKET_ACTIONS = ['RECALL', 'SERVED', 'NO_SHOW'] as const;
export type CalledTicketAction = (typeof CALLED_TICKET_ACTIONS)[number];

/** What the officer does with the ticket called to their counter. */
export class ActOnCalledTicketV1 {
  @IsUUID()
  sessionId: string;

  @IsIn(CALLED_TICKET_ACTIONS)
  action: CalledTicketAction;
}

export interface CounterSessionV1 {
  sessionId: string;
  counterCode: string;
  agencyCode: string;
  serviceCodes: string[];
  /** ISO 8601 in the mall's zone. */
  openedAt: string;
  closedAt?: string;
  /** The ticket called to the counter and not yet served or missed. */
  current?: TicketV1;
}

export const OpenCounterSession = defineRequest<OpenCounterSessionV1, CounterSessionV1>({
  subject: 'queue.session.open.v1',
  service: 'queue',
  payload: OpenCounterSessionV1,
});

export const GetCounterSession = defineRequest<CounterSessionIdV1, CounterSessionV1>({
  subject: 'queue.session.get.v1',
  service: 'queue',
  payload: CounterSessionIdV1,
});

export const CloseCounterSession = defineRequest<CounterSessionIdV1, CounterSessionV1>({
  subject: 'queue.session.close.v1',
  service: 'queue',
  payload: CounterSessionIdV1,
});

/** The next ticket for the session's services, called to its counter. */
export const CallNextTicket = defineRequest<CounterSessionIdV1, TicketV1>({
  subject: 'queue.ticket.call.v1',
  service: 'queue',
  payload: CounterSessionIdV1,
});

export const ActOnCalledTicket = defineRequest<ActOnCalledTicketV1, TicketV1>({
  subject: 'queue.ticket.act.v1',
  service: 'queue',
  payload: ActOnCalledTicketV1,
});
