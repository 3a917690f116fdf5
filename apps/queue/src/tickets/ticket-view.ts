import type { TicketStatus, TicketV1 } from '@satupintu/contracts';
import { formatTicketNumber, toZonedIso } from '@satupintu/domain';
import type { TicketRecord } from './tickets.repository';

/**
 * Who a ticket is shown to. `public`: anyone holding its code (the status page of the slip's QR
 * code): its number, line, service, status and wait, never the application it names.
 * `holder`: its kiosk, its applicant, the officer who calls it: also the tracking number.
 */
export type TicketAudience = 'public' | 'holder';

/** A booking whose day is over unchecked is EXPIRED; otherwise the status as stored. */
export function ticketStatusOn(
  ticket: Pick<TicketRecord, 'status' | 'day'>,
  today: string,
): TicketStatus {
  return ticket.status === 'BOOKED' && ticket.day < today ? 'EXPIRED' : ticket.status;
}

export function ticketView(
  ticket: TicketRecord,
  context: { timeZone: string; today: string; audience: TicketAudience },
  wait?: { ahead: number; estimatedWaitSeconds: number | undefined },
): TicketV1 {
  const zoned = (instant: Date | null) =>
    instant ? toZonedIso(instant, context.timeZone) : undefined;
  const fields: Partial<TicketV1> = {
    ticketNo:
      ticket.line && ticket.number ? formatTicketNumber(ticket.line, ticket.number) : undefined,
    line:
      ticket.line && ticket.lineName ? { prefix: ticket.line, name: ticket.lineName } : undefined,
    trackingNo: context.audience === 'holder' ? (ticket.trackingNo ?? undefined) : undefined,
    slot:
      ticket.slotStart && ticket.slotEnd
        ? { start: zoned(ticket.slotStart)!, end: zoned(ticket.slotEnd)! }
        : undefined,
    bookedAt: zoned(ticket.bookedAt),
    checkedInAt: zoned(ticket.checkedInAt),
    calledAt: zoned(ticket.lastCalledAt),
    counterCode: ticket.counterCode ?? undefined,
    calls: ticket.calls > 0 ? ticket.calls : undefined,
    servedAt: zoned(ticket.servedAt),
    noShowAt: zoned(ticket.noShowAt),
    cancelledAt: zoned(ticket.cancelledAt),
    ahead: wait?.ahead,
    estimatedWaitMinutes:
      wait?.estimatedWaitSeconds === undefined
        ? undefined
        : Math.ceil(wait.estimatedWaitSeconds / 60),
  };
  return {
    code: ticket.code,
    status: ticketStatusOn(ticket, context.today),
    kind: ticket.kind,
    purpose: ticket.purpose,
    serviceCode: ticket.serviceCode,
    agencyCode: ticket.agencyCode,
    day: ticket.day,
    ...(Object.fromEntries(
      Object.entries(fields).filter(([, value]) => value !== undefined),
    ) as Partial<TicketV1>),
  };
}
