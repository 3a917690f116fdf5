import type { SessionRecord } from './counter-sessions.repository';
import { sql, type Executor } from '@satupintu/persistence';
import type { TicketRecord } from '../tickets/tickets.repository';

export type FloorEventKind = 'CALLED' | 'RECALLED' | 'SERVED' | 'NO_SHOW';

/** Calling and finishing tickets at counters, and the floor's ordered record of it. */
export const CallsRepository = {
  /**
   * Calls the next waiting ticket of the session's services to its counter, in one statement:
   * the ticket is chosen and locked together (`FOR UPDATE SKIP LOCKED`), so an officer calling at
   * the same moment at another counter skips it and takes the next. The order is
   * `callingOrder`'s: booked visitors whose slot has started (`priority_from`) first, then
   * check-in order, then the number. Answers the ticket's id; none when nobody waits.
   */
  async callNext(
    tx: Executor,
    session: SessionRecord,
    today: string,
    now: Date,
  ): Promise<string | undefined> {
    const [row] = await tx.query<{ id: string }>(sql`
      WITH next AS (
        SELECT id FROM tickets
         WHERE status = 'WAITING' AND day = ${today}::date
           AND service_code = ANY(${session.serviceCodes}::text[])
         ORDER BY (priority_from IS NOT NULL AND priority_from <= ${now}) DESC,
                  checked_in_at, number
         LIMIT 1
         FOR UPDATE SKIP LOCKED)
      UPDATE tickets t
         SET status = 'CALLED', called_at = ${now}, last_called_at = ${now}, calls = 1,
             counter_code = ${session.counterCode}, session_id = ${session.id},
             called_by = ${session.officerId}
        FROM next
       WHERE t.id = next.id
      RETURNING t.id`);
    return row?.id;
  },

  async recall(tx: Executor, ticketId: string, now: Date): Promise<void> {
    await tx.execute(sql`
      UPDATE tickets SET last_called_at = ${now}, calls = calls + 1 WHERE id = ${ticketId}`);
  },

  async finish(tx: Executor, ticketId: string, outcome: 'SERVED' | 'NO_SHOW', now: Date) {
    await tx.execute(
      outcome === 'SERVED'
        ? sql`UPDATE tickets SET status = 'SERVED', served_at = ${now} WHERE id = ${ticketId}`
        : sql`UPDATE tickets SET status = 'NO_SHOW', no_show_at = ${now} WHERE id = ${ticketId}`,
    );
  },

  /**
   * Records what happened on the floor and answers its sequence. The one counter row is raised
   * in the statement and stays locked until the transaction ends, so sequences are given in
   * commit order without a gap: a display that has seen N has seen everything up to N.
   */
  async recordOnFloor(
    tx: Executor,
    kind: FloorEventKind,
    ticket: TicketRecord & { ticketNo: string },
    counterCode: string,
    at: Date,
  ): Promise<number> {
    const [row] = await tx.query<{ sequence: string }>(sql`
      WITH next AS (
        UPDATE floor_sequence SET last_sequence = last_sequence + 1 RETURNING last_sequence)
      INSERT INTO floor_events (sequence, kind, ticket_id, ticket_no, line, service_code,
                                agency_code, counter_code, at)
      SELECT last_sequence, ${kind}, ${ticket.id}, ${ticket.ticketNo}, ${ticket.line},
             ${ticket.serviceCode}, ${ticket.agencyCode}, ${counterCode}, ${at}
        FROM next
      RETURNING sequence`);
    return Number(row.sequence);
  },
};
