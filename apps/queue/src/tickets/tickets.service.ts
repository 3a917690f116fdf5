import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type RequestContext } from '@satupintu/common';
import {
  BookVisit,
  CheckInBooking,
  IssueTicket,
  TicketIssued,
  type BookVisitV1,
  type IssueTicketV1,
  type ListMyBookingsV1,
  type TicketIssuedV1,
  type TicketV1,
  type TicketsPageV1,
} from '@satupintu/contracts';
import {
  MAX_TICKET_NUMBER,
  RECENT_SERVICES,
  TICKET_CODES,
  checkBooking,
  estimatedWaitSeconds,
  formatTicketNumber,
  localDateOf,
  priorityFrom,
  purposeProblems,
  ticketsAhead,
  toZonedIso,
} from '@satupintu/domain';
import {
  IdempotencyKeys,
  UnitOfWork,
  outgoingComputed,
  type IdempotencyClaim,
  type Transaction,
} from '@satupintu/messaging';
import { decodeCursor, encodeCursor, sql, uniqueViolation } from '@satupintu/persistence';
import { randomBytes, randomUUID } from 'node:crypto';
import { requireApplicant, requireKiosk } from '../floor-access';
import { BookingRulesSource } from '../floor-setup/booking-rules';
import { FloorSetupRepository } from '../floor-setup/floor-setup.repository';
import { QUEUE_SETTINGS, type QueueSettings } from '../queue.settings';
import { TicketApplications } from './applications';
import { ticketStatusOn, ticketView, type TicketAudience } from './ticket-view';
import {
  TICKET_CODE_KEY,
  TicketsRepository,
  ticketNoSql,
  walkInStatement,
  type NewTicket,
  type ServiceLine,
  type TicketRecord,
} from './tickets.repository';

/** A ticket code drawn twice (40 random bits: practically never): drawn again. */
class CodeTaken extends Error {}
const CODE_ATTEMPTS = 3;

function requirePurpose(input: IssueTicketV1): void {
  const problems = purposeProblems(input.purpose, input.trackingNo);
  if (problems.length > 0) throw DomainError.validation(problems, 422);
}

const sameLine = (a: ServiceLine, b: ServiceLine) =>
  a.prefix === b.prefix && a.agencyCode === b.agencyCode && a.name === b.name;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const notFound = (code: string) => new DomainError('queue_ticket_not_found', 404, [], { code });

/** Walk-in numbers, bookings and check-ins, and a ticket's status (ADR 0036). */
@Injectable()
export class TicketsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly idempotency: IdempotencyKeys,
    private readonly repository: TicketsRepository,
    private readonly floor: FloorSetupRepository,
    private readonly rules: BookingRulesSource,
    private readonly applications: TicketApplications,
    @Inject(QUEUE_SETTINGS) private readonly settings: QueueSettings,
  ) {}

  /**
   * The line of each service as this process last saw it: the walk-in's statement checks it
   * (and nothing is written if it changed), so it saves a read per ticket without going stale.
   */
  private readonly knownLines = new Map<string, ServiceLine>();

  /**
   * A kiosk's walk-in number: one statement takes the line's next number, inserts the ticket
   * with it, records its event and the answer under the Idempotency-Key (the kiosks' hot path:
   * one round trip, no open transaction). The line is the one this process last saw, checked
   * by that statement; nothing else is asked on the way, unless the ticket names an application.
   */
  issue(input: IssueTicketV1, caller: RequestContext): Promise<TicketV1> {
    const clientId = requireKiosk(caller.principal, 'queue tickets');
    return this.idempotency.run(caller, IssueTicket.subject, input, async (claim) => {
      let line = this.knownLines.get(input.serviceCode);
      if (line) requirePurpose(input);
      else line = await this.lineFor(input);
      let applicationId = await this.applicationOf(input, line.agencyCode);
      for (let attempt = 1; ; attempt++) {
        const at = new Date();
        const ticket = this.newTicket(input, line, applicationId, at);
        let number: number | undefined;
        try {
          number = await this.writeWalkIn(ticket, line, clientId, at, claim);
        } catch (error) {
          if (uniqueViolation(error) !== TICKET_CODE_KEY || attempt >= CODE_ATTEMPTS) throw error;
          continue;
        }
        if (number !== undefined) {
          this.knownLines.set(input.serviceCode, line);
          return this.view(this.walkIn(ticket, line, clientId, at, number), 'holder', at);
        }
        // Nothing written: the line changed since this process saw it, or its numbers ran out.
        this.knownLines.delete(input.serviceCode);
        const current = await this.lineFor(input);
        if (sameLine(current, line)) {
          if ((await this.repository.lastNumber(line.prefix, ticket.day)) >= MAX_TICKET_NUMBER)
            throw numbersExhausted(line);
        } else if (current.agencyCode !== line.agencyCode) {
          applicationId = await this.applicationOf(input, current.agencyCode);
        }
        if (attempt >= CODE_ATTEMPTS)
          throw new Error(`the line of ${input.serviceCode} kept changing while numbering`);
        line = current;
      }
    });
  }

  /** The walk-in's one statement; its number, or undefined if nothing was written. */
  private async writeWalkIn(
    ticket: NewTicket,
    line: ServiceLine,
    clientId: string,
    at: Date,
    claim: IdempotencyClaim | undefined,
  ): Promise<number | undefined> {
    const { with: numbering, statement } = walkInStatement(
      ticket,
      line,
      clientId,
      at,
      MAX_TICKET_NUMBER,
    );
    const waiting = this.walkIn(ticket, line, clientId, at, null);
    const ticketNo = ticketNoSql(sql`${line.prefix}`, sql`(SELECT number FROM state)`);
    const [row] = await this.unitOfWork.writeReturningWithEvents<{ number: number }>(
      statement,
      sql`number`,
      [
        outgoingComputed(TicketIssued, this.floorFacts(waiting), {
          number: sql`(SELECT number FROM state)`,
          ticketNo,
        }),
      ],
      {
        with: numbering,
        ...(claim
          ? {
              completes: {
                claim,
                response: this.view(waiting, 'holder', at),
                computed: { ticketNo },
              },
            }
          : {}),
      },
    );
    return row?.number;
  }

  private walkIn(
    ticket: NewTicket,
    line: ServiceLine,
    clientId: string,
    at: Date,
    number: number | null,
  ): TicketRecord {
    return onLine(
      { ...blankTicket(ticket), kind: 'WALK_IN', status: 'WAITING' },
      { line, number, clientId, at },
    );
  }

  /**
   * The signed-in applicant's visit: a working day, a slot not started, a place left in it (the
   * slot's count is raised in the statement that checks it). The number comes at check-in.
   */
  book(input: BookVisitV1, caller: RequestContext): Promise<TicketV1> {
    const applicantId = requireApplicant(caller.principal, 'bookings');
    return this.idempotency.run(caller, BookVisit.subject, input, async (claim) => {
      const [line, schedule] = await Promise.all([
        this.lineFor(input),
        this.floor.scheduleOf(input.serviceCode),
      ]);
      if (!schedule || schedule.slots.length === 0)
        throw DomainError.validation(
          [{ field: 'serviceCode', code: 'service_takes_no_bookings' }],
          422,
        );
      const now = new Date();
      const slot = checkBooking(input.day, input.slotStart, schedule.slots, this.rules.at(now));
      if ('problems' in slot) throw DomainError.validation(slot.problems, 422);
      const applicationId = await this.applicationOf(input, line.agencyCode, applicantId);
      return this.withFreshCode(() =>
        this.idempotency.completeInTransaction(claim, async (tx) => {
          const ticket = { ...this.newTicket(input, line, applicationId, now), day: input.day };
          if (
            !(await TicketsRepository.takeSlotPlace(
              tx,
              input.serviceCode,
              slot.start,
              slot.slot.capacity,
            ))
          )
            throw new DomainError('queue_slot_full', 409, [], {
              slotStart: input.slotStart,
              day: input.day,
            });
          const booking = { applicantId, slotStart: slot.start, slotEnd: slot.end, at: now };
          if (!(await this.insertBooking(tx, ticket, booking))) throw new CodeTaken();
          return this.view(
            {
              ...blankTicket(ticket),
              kind: 'BOOKED',
              status: 'BOOKED',
              applicantId,
              slotStart: slot.start,
              slotEnd: slot.end,
              bookedAt: now,
            },
            'holder',
            now,
          );
        }),
      );
    });
  }

  /** Its applicant cancels a booking not yet checked in; its place in the slot is freed. */
  cancel(code: string, caller: RequestContext): Promise<TicketV1> {
    const applicantId = requireApplicant(caller.principal, 'bookings');
    return this.unitOfWork.run(async (tx) => {
      const ticket = await TicketsRepository.lock(tx, code);
      if (!ticket || ticket.kind !== 'BOOKED' || ticket.applicantId !== applicantId)
        throw notFound(code);
      const at = new Date();
      this.requireOpenBooking(ticket, at);
      await TicketsRepository.cancel(tx, ticket.id, at);
      await TicketsRepository.releaseSlotPlace(tx, ticket.serviceCode, ticket.slotStart!);
      return this.view({ ...ticket, status: 'CANCELLED', cancelledAt: at }, 'holder', at);
    });
  }

  /**
   * A booked visitor at a kiosk, on the day of the visit: numbered now on the service's line,
   * ahead of walk-ins from the slot's start if they came by its end (`priorityFrom`).
   */
  checkIn(code: string, caller: RequestContext): Promise<TicketV1> {
    const clientId = requireKiosk(caller.principal, 'check-ins');
    return this.idempotency.runInTransaction(
      caller,
      CheckInBooking.subject,
      { code },
      async (tx) => {
        const ticket = await TicketsRepository.lock(tx, code);
        if (!ticket || ticket.kind !== 'BOOKED') throw notFound(code);
        const at = new Date();
        const today = this.requireOpenBooking(ticket, at);
        if (ticket.day !== today)
          throw new DomainError('queue_check_in_not_today', 409, [], { day: ticket.day });
        const line = await TicketsRepository.lineOf(tx, ticket.serviceCode);
        if (!line)
          throw DomainError.validation([{ field: 'code', code: 'service_not_in_line' }], 422);
        const priority = priorityFrom({ start: ticket.slotStart!, end: ticket.slotEnd! }, at);
        const number = await TicketsRepository.checkIn(
          tx,
          ticket.id,
          { line: line.prefix, day: today },
          { at, priorityFrom: priority, clientId },
        );
        const checkedIn = numbered(
          { ...ticket, priorityFrom: priority ?? null },
          { line, number, clientId, at },
        );
        tx.publish(TicketIssued, this.issuedEvent(checkedIn));
        return this.view(checkedIn, 'holder', at);
      },
    );
  }

  /** The public status by code: a waiting ticket with the tickets ahead and the estimated wait. */
  async status(code: string): Promise<TicketV1> {
    const ticket = await this.repository.find(code);
    if (!ticket) throw notFound(code);
    const now = new Date();
    if (ticket.status !== 'WAITING' || !ticket.line) return this.view(ticket, 'public', now);
    const [waiting, recent, openCounters] = await Promise.all([
      this.repository.waitingOn(ticket.line, ticket.day),
      this.repository.recentServiceSeconds(ticket.line, RECENT_SERVICES),
      this.repository.openCountersFor(ticket.line),
    ]);
    const mine = waiting.find((other) => other.id === ticket.id);
    const ahead = mine ? ticketsAhead(mine, waiting, now) : 0;
    return this.view(ticket, 'public', now, {
      ahead,
      estimatedWaitSeconds: estimatedWaitSeconds({
        ahead,
        recentServiceSeconds: recent,
        openCounters,
        defaultServiceSeconds: this.settings.defaultServiceSeconds,
      }),
    });
  }

  /** The signed-in applicant's bookings, the latest first. */
  async mine(request: ListMyBookingsV1, caller: RequestContext): Promise<TicketsPageV1> {
    const applicantId = requireApplicant(caller.principal, 'bookings');
    let before: { bookedAt: string; id: string } | undefined;
    if (request.cursor) {
      const key = decodeCursor<[string, string]>(request.cursor, ['string', 'string']);
      if (!key || Number.isNaN(Date.parse(key[0])) || !UUID.test(key[1]))
        throw new DomainError('invalid_cursor', 400);
      before = { bookedAt: key[0], id: key[1] };
    }
    const rows = await this.repository.bookingsOf(applicantId, before, request.limit + 1);
    const page = rows.slice(0, request.limit);
    const last = page[page.length - 1];
    const now = new Date();
    return {
      items: page.map((ticket) => this.view(ticket, 'holder', now)),
      ...(rows.length > request.limit && last
        ? { nextCursor: encodeCursor([last.bookedAt!.toISOString(), last.id]) }
        : {}),
    };
  }

  private async lineFor(input: IssueTicketV1): Promise<ServiceLine> {
    requirePurpose(input);
    const line = await this.repository.lineOf(input.serviceCode);
    if (!line)
      throw DomainError.validation([{ field: 'serviceCode', code: 'service_not_in_line' }], 422);
    return line;
  }

  /** A booking's applicant names only their own application; a kiosk any of the agency's. */
  private applicationOf(
    input: IssueTicketV1,
    agencyCode: string,
    applicantId?: string,
  ): Promise<string | null> {
    return input.trackingNo
      ? this.applications.resolve(input.trackingNo, agencyCode, applicantId)
      : Promise.resolve(null);
  }

  private newTicket(
    input: IssueTicketV1,
    line: ServiceLine,
    applicationId: string | null,
    at: Date,
  ): NewTicket {
    return {
      id: randomUUID(),
      code: TICKET_CODES.generate(randomBytes),
      purpose: input.purpose,
      serviceCode: input.serviceCode,
      agencyCode: line.agencyCode,
      day: localDateOf(at, this.settings.timeZone),
      trackingNo: input.trackingNo ?? null,
      applicationId,
    };
  }

  private async insertBooking(
    tx: Transaction,
    ticket: NewTicket,
    booking: { applicantId: string; slotStart: Date; slotEnd: Date; at: Date },
  ): Promise<boolean> {
    try {
      return await TicketsRepository.book(tx, ticket, booking);
    } catch (error) {
      if (uniqueViolation(error) === 'tickets_one_booking_idx')
        throw new DomainError('queue_booking_exists', 409, [], {
          serviceCode: ticket.serviceCode,
          day: ticket.day,
        });
      throw error;
    }
  }

  /** A booking still to be used (not cancelled, checked in or past its day); answers today. */
  private requireOpenBooking(ticket: TicketRecord, at: Date): string {
    const today = localDateOf(at, this.settings.timeZone);
    const status = ticketStatusOn(ticket, today);
    if (status !== 'BOOKED')
      throw new DomainError('queue_booking_refused', 409, [], { code: ticket.code, status });
    return today;
  }

  private async withFreshCode<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (!(error instanceof CodeTaken) || attempt >= CODE_ATTEMPTS) throw error;
      }
    }
  }

  private issuedEvent(ticket: TicketRecord): TicketIssuedV1 {
    return {
      ...this.floorFacts(ticket),
      ticketNo: formatTicketNumber(ticket.line!, ticket.number!),
      number: ticket.number!,
    };
  }

  /** `TicketIssued` but for the number, which the walk-in's statement draws. */
  private floorFacts(ticket: TicketRecord): Omit<TicketIssuedV1, 'number' | 'ticketNo'> {
    const zone = this.settings.timeZone;
    return {
      ticketId: ticket.id,
      line: ticket.line!,
      serviceCode: ticket.serviceCode,
      agencyCode: ticket.agencyCode,
      day: ticket.day,
      kind: ticket.kind,
      purpose: ticket.purpose,
      ...(ticket.applicationId ? { applicationId: ticket.applicationId } : {}),
      ...(ticket.slotStart ? { slotStart: toZonedIso(ticket.slotStart, zone) } : {}),
      checkedInAt: toZonedIso(ticket.checkedInAt!, zone),
    };
  }

  private view(
    ticket: TicketRecord,
    audience: TicketAudience,
    now: Date,
    wait?: { ahead: number; estimatedWaitSeconds: number | undefined },
  ): TicketV1 {
    const timeZone = this.settings.timeZone;
    return ticketView(ticket, { timeZone, today: localDateOf(now, timeZone), audience }, wait);
  }
}

/**
 * The ticket once numbered, waiting. A line gives at most MAX_TICKET_NUMBER a day: past it, the
 * transaction is undone.
 */
function numbered(
  ticket: TicketRecord,
  numbering: { line: ServiceLine; number: number; clientId: string; at: Date },
): TicketRecord {
  if (numbering.number > MAX_TICKET_NUMBER) throw numbersExhausted(numbering.line);
  return onLine(ticket, numbering);
}

/** The ticket waiting on its line; `number` null while the walk-in's statement draws it. */
function onLine(
  ticket: TicketRecord,
  numbering: { line: ServiceLine; number: number | null; clientId: string; at: Date },
): TicketRecord {
  const { line } = numbering;
  return {
    ...ticket,
    status: 'WAITING',
    line: line.prefix,
    lineName: line.name,
    number: numbering.number,
    clientId: numbering.clientId,
    checkedInAt: numbering.at,
  };
}

const numbersExhausted = (line: ServiceLine) =>
  new DomainError('queue_numbers_exhausted', 409, [], {
    prefix: line.prefix,
    max: MAX_TICKET_NUMBER,
  });

/** A new ticket's record before anything happened to it. */
function blankTicket(ticket: NewTicket): Omit<TicketRecord, 'kind' | 'status'> {
  return {
    ...ticket,
    line: null,
    lineName: null,
    number: null,
    applicantId: null,
    clientId: null,
    slotStart: null,
    slotEnd: null,
    priorityFrom: null,
    bookedAt: null,
    cancelledAt: null,
    checkedInAt: null,
    calledAt: null,
    lastCalledAt: null,
    calls: 0,
    counterCode: null,
    sessionId: null,
    servedAt: null,
    noShowAt: null,
  };
}
