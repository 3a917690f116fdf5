import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type FieldError, type RequestContext } from '@satupintu/common';
import {
  CallNextTicket,
  OpenCounterSession,
  TicketCalled,
  TicketClosed,
  type CalledTicketAction,
  type CounterSessionIdV1,
  type CounterSessionV1,
  type OpenCounterSessionV1,
  type TicketV1,
} from '@satupintu/contracts';
import { formatTicketNumber, localDateOf, toZonedIso } from '@satupintu/domain';
import { IdempotencyKeys, UnitOfWork, type Transaction } from '@satupintu/messaging';
import { uniqueViolation } from '@satupintu/persistence';
import { randomUUID } from 'node:crypto';
import { requireCounterOfficer, requireSessionUser } from '../floor-access';
import { FloorSetupRepository } from '../floor-setup/floor-setup.repository';
import { QUEUE_SETTINGS, type QueueSettings } from '../queue.settings';
import { ticketView } from '../tickets/ticket-view';
import { TicketsRepository, type TicketRecord } from '../tickets/tickets.repository';
import { CallsRepository, type FloorEventKind } from './calls.repository';
import { CounterSessionsRepository, type SessionRecord } from './counter-sessions.repository';

/** The officer already has a session open elsewhere: which one is read after the rollback. */
class OfficerBusy extends Error {}

/** Who closed a session the end of the mall's day closed (`counter_sessions.closed_by`). */
export const END_OF_DAY = 'system:end-of-day';

const sessionNotFound = (sessionId: string) =>
  new DomainError('queue_session_not_found', 404, [], { sessionId });

/** Officers' counter sessions, and calling tickets to their counters (ADR 0036). */
@Injectable()
export class CounterSessionsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly idempotency: IdempotencyKeys,
    private readonly sessions: CounterSessionsRepository,
    @Inject(QUEUE_SETTINGS) private readonly settings: QueueSettings,
  ) {}

  async open(input: OpenCounterSessionV1, caller: RequestContext): Promise<CounterSessionV1> {
    try {
      return await this.idempotency.runInTransaction(
        caller,
        OpenCounterSession.subject,
        input,
        async (tx) => {
          const counter = await FloorSetupRepository.counter(tx, input.counterCode);
          if (!counter)
            throw new DomainError('queue_counter_not_found', 404, [], {
              counterCode: input.counterCode,
            });
          const officerId = requireCounterOfficer(caller.principal, counter.agencyCode);
          if (!counter.active)
            throw new DomainError('queue_counter_inactive', 409, [], { counterCode: counter.code });
          const agencies = await CounterSessionsRepository.lineAgencies(tx, input.serviceCodes);
          const problems: FieldError[] = [];
          input.serviceCodes.forEach((code, i) => {
            const agency = agencies.get(code);
            if (agency === undefined)
              problems.push({ field: `serviceCodes.${i}`, code: 'service_not_in_line' });
            else if (agency !== counter.agencyCode)
              problems.push({
                field: `serviceCodes.${i}`,
                code: 'service_of_other_agency',
                params: { agencyCode: counter.agencyCode },
              });
          });
          if (problems.length > 0) throw DomainError.validation(problems, 422);
          const session: SessionRecord = {
            id: randomUUID(),
            counterCode: counter.code,
            agencyCode: counter.agencyCode,
            officerId,
            serviceCodes: [...input.serviceCodes].sort(),
            openedAt: new Date(),
            closedAt: null,
          };
          await this.insertSession(tx, session);
          return this.sessionView(session, undefined);
        },
      );
    } catch (error) {
      if (!(error instanceof OfficerBusy)) throw error;
      const open = await this.sessions.openOf(caller.principal.subject!);
      throw new DomainError('queue_officer_busy', 409, [], {
        counterCode: open?.counterCode ?? input.counterCode,
      });
    }
  }

  /**
   * A session by id, the one open at a counter, or (with neither) the calling officer's open
   * session; with its called ticket.
   */
  async get(request: CounterSessionIdV1, caller: RequestContext): Promise<CounterSessionV1> {
    const { principal } = caller;
    const { sessionId, counterCode } = request;
    const session = sessionId
      ? await this.sessions.find(sessionId)
      : counterCode
        ? await this.sessions.openAt(counterCode)
        : principal.kind === 'officer' && principal.subject
          ? await this.sessions.openOf(principal.subject)
          : undefined;
    if (!session)
      throw sessionId ? sessionNotFound(sessionId) : new DomainError('queue_no_open_session', 404);
    requireSessionUser(principal, session, 'act');
    return this.sessionView(session, await this.sessions.currentOf(session.id));
  }

  close(sessionId: string, caller: RequestContext): Promise<CounterSessionV1> {
    return this.unitOfWork.run(async (tx) => {
      const session = await this.usable(tx, sessionId, caller, 'act');
      const current = await CounterSessionsRepository.current(tx, session.id);
      if (current) throw inService(current);
      const at = new Date();
      await CounterSessionsRepository.close(tx, session.id, at, caller.principal.subject ?? '-');
      return this.sessionView({ ...session, closedAt: at }, undefined);
    });
  }

  /**
   * Closes a session its officer left open past the end of the mall's day (ADR 0038), in the
   * closing job's transaction, the session locked. The ticket still called to it is a no-show
   * with its floor event, as an officer's no-show: its day is over, so it cannot wait for another
   * counter, and the display clears the counter. Answers whether a ticket was closed.
   */
  async closeAtEndOfDay(tx: Transaction, session: SessionRecord, at: Date): Promise<boolean> {
    const ticket = await CounterSessionsRepository.current(tx, session.id, true);
    if (ticket) {
      await CallsRepository.finish(tx, ticket.id, 'NO_SHOW', at);
      await this.record(
        tx,
        'NO_SHOW',
        { ...ticket, status: 'NO_SHOW', noShowAt: at },
        session.counterCode,
        at,
      );
    }
    await CounterSessionsRepository.close(tx, session.id, at, END_OF_DAY);
    return ticket !== undefined;
  }

  /** The next ticket for the session's services, called to its counter. */
  callNext(sessionId: string, caller: RequestContext): Promise<TicketV1> {
    return this.idempotency.runInTransaction(
      caller,
      CallNextTicket.subject,
      { sessionId },
      async (tx) => {
        const session = await this.usable(tx, sessionId, caller, 'call');
        const current = await CounterSessionsRepository.current(tx, session.id);
        if (current) throw inService(current);
        const now = new Date();
        const today = localDateOf(now, this.settings.timeZone);
        const ticketId = await CallsRepository.callNext(tx, session, today, now);
        if (!ticketId) throw new DomainError('queue_nothing_waiting', 409);
        const called = await TicketsRepository.byId(tx, ticketId);
        await this.record(tx, 'CALLED', called, session.counterCode, now);
        return this.ticketView(called, now);
      },
    );
  }

  /** Calls the session's ticket again, or marks it served or no-show. */
  act(sessionId: string, action: CalledTicketAction, caller: RequestContext): Promise<TicketV1> {
    return this.unitOfWork.run(async (tx) => {
      const session = await this.usable(tx, sessionId, caller, 'act');
      const ticket = await CounterSessionsRepository.current(tx, session.id, true);
      if (!ticket) throw new DomainError('queue_no_ticket_called', 409);
      const now = new Date();
      let changed: TicketRecord;
      if (action === 'RECALL') {
        await CallsRepository.recall(tx, ticket.id, now);
        changed = { ...ticket, calls: ticket.calls + 1, lastCalledAt: now };
        await this.record(tx, 'RECALLED', changed, session.counterCode, now);
      } else {
        await CallsRepository.finish(tx, ticket.id, action, now);
        changed =
          action === 'SERVED'
            ? { ...ticket, status: 'SERVED', servedAt: now }
            : { ...ticket, status: 'NO_SHOW', noShowAt: now };
        await this.record(tx, action, changed, session.counterCode, now);
      }
      return this.ticketView(changed, now);
    });
  }

  /** The session, locked, if the caller may use it so and it is open. */
  private async usable(
    tx: Transaction,
    sessionId: string,
    caller: RequestContext,
    use: 'call' | 'act',
  ): Promise<SessionRecord> {
    const session = await CounterSessionsRepository.session(tx, sessionId, true);
    if (!session) throw sessionNotFound(sessionId);
    requireSessionUser(caller.principal, session, use);
    if (session.closedAt) throw new DomainError('queue_session_closed', 409, [], { sessionId });
    return session;
  }

  private async insertSession(tx: Transaction, session: SessionRecord): Promise<void> {
    try {
      await CounterSessionsRepository.open(tx, session);
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint === 'counter_sessions_counter_idx')
        throw new DomainError('queue_counter_busy', 409, [], { counterCode: session.counterCode });
      if (constraint === 'counter_sessions_officer_idx') throw new OfficerBusy();
      throw error;
    }
  }

  /** The floor's record of the change (its sequence) and its event, in the transaction. */
  private async record(
    tx: Transaction,
    kind: FloorEventKind,
    ticket: TicketRecord,
    counterCode: string,
    at: Date,
  ): Promise<void> {
    const floorTicket = {
      ...ticket,
      ticketNo: formatTicketNumber(ticket.line!, ticket.number!),
    };
    const sequence = await CallsRepository.recordOnFloor(tx, kind, floorTicket, counterCode, at);
    const about = {
      sequence,
      ticketId: ticket.id,
      ticketNo: floorTicket.ticketNo,
      line: ticket.line!,
      serviceCode: ticket.serviceCode,
      agencyCode: ticket.agencyCode,
      counterCode,
    };
    const zoned = toZonedIso(at, this.settings.timeZone);
    if (kind === 'CALLED' || kind === 'RECALLED')
      tx.publish(TicketCalled, { ...about, calls: ticket.calls, calledAt: zoned });
    else tx.publish(TicketClosed, { ...about, outcome: kind, closedAt: zoned });
  }

  private ticketView(ticket: TicketRecord, now: Date): TicketV1 {
    const timeZone = this.settings.timeZone;
    return ticketView(ticket, {
      timeZone,
      today: localDateOf(now, timeZone),
      audience: 'holder',
    });
  }

  private sessionView(session: SessionRecord, current: TicketRecord | undefined): CounterSessionV1 {
    const zone = this.settings.timeZone;
    return {
      sessionId: session.id,
      counterCode: session.counterCode,
      agencyCode: session.agencyCode,
      serviceCodes: session.serviceCodes,
      openedAt: toZonedIso(session.openedAt, zone),
      ...(session.closedAt ? { closedAt: toZonedIso(session.closedAt, zone) } : {}),
      ...(current ? { current: this.ticketView(current, new Date()) } : {}),
    };
  }
}

function inService(ticket: TicketRecord): DomainError {
  return new DomainError('queue_ticket_in_service', 409, [], {
    ticketNo: formatTicketNumber(ticket.line!, ticket.number!),
  });
}
