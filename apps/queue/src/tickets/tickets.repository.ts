import { Injectable } from '@nestjs/common';
import type { TicketKind, TicketPurpose } from '@satupintu/contracts';
import type { WaitingTicket } from '@satupintu/domain';
import { executorOf, sql, type Executor, type Sql } from '@satupintu/persistence';
import { DataSource } from 'typeorm';

/** A ticket as stored, from booking (or kiosk issue) to served or no-show. */
export interface TicketRecord {
  id: string;
  code: string;
  kind: TicketKind;
  status: 'BOOKED' | 'CANCELLED' | 'WAITING' | 'CALLED' | 'SERVED' | 'NO_SHOW';
  purpose: TicketPurpose;
  serviceCode: string;
  agencyCode: string;
  /** The mall's local day, `YYYY-MM-DD`. */
  day: string;
  line: string | null;
  lineName: string | null;
  number: number | null;
  trackingNo: string | null;
  applicationId: string | null;
  applicantId: string | null;
  clientId: string | null;
  slotStart: Date | null;
  slotEnd: Date | null;
  priorityFrom: Date | null;
  bookedAt: Date | null;
  cancelledAt: Date | null;
  checkedInAt: Date | null;
  calledAt: Date | null;
  lastCalledAt: Date | null;
  calls: number;
  counterCode: string | null;
  sessionId: string | null;
  servedAt: Date | null;
  noShowAt: Date | null;
}

/** The active line a service's tickets are numbered on. */
export interface ServiceLine {
  prefix: string;
  name: string;
  agencyCode: string;
}

/** What every new ticket states; the number and line come with the issue or the check-in. */
export interface NewTicket {
  id: string;
  code: string;
  purpose: TicketPurpose;
  serviceCode: string;
  agencyCode: string;
  day: string;
  trackingNo: string | null;
  applicationId: string | null;
}

export const SELECT_TICKET = sql`
  SELECT t.id, t.code, t.kind, t.status, t.purpose, t.service_code AS "serviceCode",
         t.agency_code AS "agencyCode", to_char(t.day, 'YYYY-MM-DD') AS day, t.line,
         l.name AS "lineName", t.number, t.tracking_no AS "trackingNo",
         t.application_id AS "applicationId", t.applicant_id AS "applicantId",
         t.client_id AS "clientId", t.slot_start AS "slotStart", t.slot_end AS "slotEnd",
         t.priority_from AS "priorityFrom", t.booked_at AS "bookedAt",
         t.cancelled_at AS "cancelledAt", t.checked_in_at AS "checkedInAt",
         t.called_at AS "calledAt", t.last_called_at AS "lastCalledAt", t.calls,
         t.counter_code AS "counterCode", t.session_id AS "sessionId",
         t.served_at AS "servedAt", t.no_show_at AS "noShowAt"
    FROM tickets t LEFT JOIN service_lines l ON l.prefix = t.line`;

/**
 * The day's next number of a line, taken in the statement that uses it: the counter row's
 * lock holds every other number of the line and day back until this transaction ends, so
 * numbers are given in commit order, without a gap, and never twice (ADR 0036).
 */
const nextNumber = (line: string, day: string): Sql => sql`
  numbered AS (
    INSERT INTO ticket_counters (line, day, last_no) VALUES (${line}, ${day}::date, 1)
    ON CONFLICT (line, day) DO UPDATE SET last_no = ticket_counters.last_no + 1
    RETURNING last_no)`;

/** The unique index of `tickets.code`: a code drawn twice fails the insert on it. */
export const TICKET_CODE_KEY = 'tickets_code_key';

/**
 * `formatTicketNumber` in SQL (`B-017`: at least three digits), for what the walk-in's single
 * statement records before this process knows the number.
 */
export const ticketNoSql = (prefix: Sql, number: Sql): Sql =>
  sql`${prefix} || '-' || lpad(${number}::text, greatest(3, length(${number}::text)), '0')`;

/**
 * A walk-in in one statement (`UnitOfWork.writeReturningWithEvents`): `numbered` takes the line's
 * next number only if the line is still as the caller knows it (active, of that agency, by that
 * name) and has numbers left, and the statement inserts the ticket with it, answering `number`.
 * Nothing is written otherwise: the caller looks again at the line (`lineOf`) and the counter
 * (`lastNumber`) to say why. A code drawn twice fails the whole statement on `TICKET_CODE_KEY`,
 * the number with it.
 */
export function walkInStatement(
  ticket: NewTicket,
  line: ServiceLine,
  clientId: string,
  at: Date,
  maxNumber: number,
): { with: Sql; statement: Sql } {
  return {
    with: sql`
      numbered AS (
        INSERT INTO ticket_counters (line, day, last_no)
        SELECT l.prefix, ${ticket.day}::date, 1
          FROM line_services s JOIN service_lines l ON l.prefix = s.prefix
         WHERE s.service_code = ${ticket.serviceCode} AND l.active AND l.prefix = ${line.prefix}
           AND l.agency_code = ${line.agencyCode} AND l.name = ${line.name}
        ON CONFLICT (line, day) DO UPDATE SET last_no = ticket_counters.last_no + 1
         WHERE ticket_counters.last_no < ${maxNumber}
        RETURNING last_no)`,
    statement: sql`
      INSERT INTO tickets (id, code, kind, status, purpose, service_code, agency_code, day, line,
                           number, tracking_no, application_id, client_id, checked_in_at)
      SELECT ${ticket.id}, ${ticket.code}, 'WALK_IN', 'WAITING', ${ticket.purpose},
             ${ticket.serviceCode}, ${ticket.agencyCode}, ${ticket.day}::date, ${line.prefix},
             numbered.last_no, ${ticket.trackingNo}, ${ticket.applicationId}, ${clientId}, ${at}
        FROM numbered`,
  };
}

/** Tickets and bookings: every query on `tickets`, `ticket_counters` and `slot_bookings`. */
@Injectable()
export class TicketsRepository {
  private readonly db: Executor;

  constructor(dataSource: DataSource) {
    this.db = executorOf(dataSource);
  }

  lineOf(serviceCode: string): Promise<ServiceLine | undefined> {
    return TicketsRepository.lineOf(this.db, serviceCode);
  }

  /** The last number a line gave on a day (0: none yet). */
  async lastNumber(line: string, day: string): Promise<number> {
    const [row] = await this.db.query<{ lastNo: number }>(sql`
      SELECT last_no AS "lastNo" FROM ticket_counters WHERE line = ${line} AND day = ${day}::date`);
    return row?.lastNo ?? 0;
  }

  static async lineOf(db: Executor, serviceCode: string): Promise<ServiceLine | undefined> {
    const [row] = await db.query<ServiceLine>(sql`
      SELECT l.prefix, l.name, l.agency_code AS "agencyCode"
        FROM line_services s JOIN service_lines l ON l.prefix = s.prefix
       WHERE s.service_code = ${serviceCode} AND l.active`);
    return row;
  }

  /** One more booking of the slot, if it has room: false when it is full. */
  static async takeSlotPlace(
    tx: Executor,
    serviceCode: string,
    slotStart: Date,
    capacity: number,
  ): Promise<boolean> {
    const { count } = await tx.execute(sql`
      INSERT INTO slot_bookings (service_code, slot_start, booked)
      VALUES (${serviceCode}, ${slotStart}, 1)
      ON CONFLICT (service_code, slot_start) DO UPDATE SET booked = slot_bookings.booked + 1
       WHERE slot_bookings.booked < ${capacity}`);
    return count > 0;
  }

  static async releaseSlotPlace(tx: Executor, serviceCode: string, slotStart: Date): Promise<void> {
    await tx.execute(sql`
      UPDATE slot_bookings SET booked = booked - 1
       WHERE service_code = ${serviceCode} AND slot_start = ${slotStart} AND booked > 0`);
  }

  /** A booking, without a number until check-in. False when its code was taken. */
  static async book(
    tx: Executor,
    ticket: NewTicket,
    booking: { applicantId: string; slotStart: Date; slotEnd: Date; at: Date },
  ): Promise<boolean> {
    const { count } = await tx.execute(sql`
      INSERT INTO tickets (id, code, kind, status, purpose, service_code, agency_code, day,
                           tracking_no, application_id, applicant_id, slot_start, slot_end,
                           booked_at)
      VALUES (${ticket.id}, ${ticket.code}, 'BOOKED', 'BOOKED', ${ticket.purpose},
              ${ticket.serviceCode}, ${ticket.agencyCode}, ${ticket.day}::date,
              ${ticket.trackingNo}, ${ticket.applicationId}, ${booking.applicantId},
              ${booking.slotStart}, ${booking.slotEnd}, ${booking.at})
      ON CONFLICT (code) DO NOTHING`);
    return count > 0;
  }

  /** A booked visitor at the kiosk: numbered on its line now, in the same statement. */
  static async checkIn(
    tx: Executor,
    ticketId: string,
    numbering: { line: string; day: string },
    checkIn: { at: Date; priorityFrom: Date | undefined; clientId: string },
  ): Promise<number> {
    const [row] = await tx.query<{ number: number }>(sql`
      WITH ${nextNumber(numbering.line, numbering.day)}
      UPDATE tickets
         SET status = 'WAITING', line = ${numbering.line}, number = numbered.last_no,
             checked_in_at = ${checkIn.at}, priority_from = ${checkIn.priorityFrom ?? null},
             client_id = ${checkIn.clientId}
        FROM numbered
       WHERE tickets.id = ${ticketId}
      RETURNING number`);
    return row.number;
  }

  static async cancel(tx: Executor, ticketId: string, at: Date): Promise<void> {
    await tx.execute(sql`
      UPDATE tickets SET status = 'CANCELLED', cancelled_at = ${at} WHERE id = ${ticketId}`);
  }

  static async lock(tx: Executor, code: string): Promise<TicketRecord | undefined> {
    const [row] = await tx.query<TicketRecord>(
      sql`${SELECT_TICKET} WHERE t.code = ${code} FOR UPDATE OF t`,
    );
    return row;
  }

  static async byId(db: Executor, ticketId: string): Promise<TicketRecord> {
    const [row] = await db.query<TicketRecord>(sql`${SELECT_TICKET} WHERE t.id = ${ticketId}`);
    return row;
  }

  async find(code: string): Promise<TicketRecord | undefined> {
    const [row] = await this.db.query<TicketRecord>(sql`${SELECT_TICKET} WHERE t.code = ${code}`);
    return row;
  }

  /** An applicant's bookings, the latest booked first, strictly before the cursor's. */
  bookingsOf(
    applicantId: string,
    before: { bookedAt: string; id: string } | undefined,
    limit: number,
  ): Promise<TicketRecord[]> {
    return this.db.query<TicketRecord>(sql`
      ${SELECT_TICKET}
       WHERE t.applicant_id = ${applicantId}
         AND (${before?.bookedAt ?? null}::timestamptz IS NULL
              OR (t.booked_at, t.id) < (${before?.bookedAt ?? null}::timestamptz, ${before?.id ?? null}::uuid))
       ORDER BY t.booked_at DESC, t.id DESC
       LIMIT ${limit}`);
  }

  /** The tickets of a line waiting on a day, as the order of calling needs them. */
  async waitingOn(line: string, day: string): Promise<(WaitingTicket & { id: string })[]> {
    const rows = await this.db.query<{
      id: string;
      number: number;
      checkedInAt: Date;
      priorityFrom: Date | null;
    }>(sql`
      SELECT id, number, checked_in_at AS "checkedInAt", priority_from AS "priorityFrom"
        FROM tickets
       WHERE status = 'WAITING' AND day = ${day}::date
         AND service_code IN (SELECT service_code FROM line_services WHERE prefix = ${line})`);
    return rows.map(({ priorityFrom, ...row }) => ({
      ...row,
      ...(priorityFrom ? { priorityFrom } : {}),
    }));
  }

  /** Call to served, in seconds, of the line's latest served tickets. */
  async recentServiceSeconds(line: string, count: number): Promise<number[]> {
    const rows = await this.db.query<{ seconds: number }>(sql`
      SELECT extract(epoch FROM served_at - last_called_at)::float8 AS seconds
        FROM tickets
       WHERE line = ${line} AND status = 'SERVED'
       ORDER BY served_at DESC LIMIT ${count}`);
    return rows.map((row) => row.seconds);
  }

  /** Open counter sessions that serve at least one of the line's services. */
  async openCountersFor(line: string): Promise<number> {
    const [row] = await this.db.query<{ open: number }>(sql`
      SELECT count(*)::int AS open FROM counter_sessions
       WHERE closed_at IS NULL
         AND service_codes && ARRAY(SELECT service_code FROM line_services WHERE prefix = ${line})`);
    return row?.open ?? 0;
  }
}
