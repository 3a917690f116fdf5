import { Injectable } from '@nestjs/common';
import { executorOf, sql, type Executor } from '@satupintu/persistence';
import { DataSource } from 'typeorm';
import { SELECT_TICKET, type TicketRecord } from '../tickets/tickets.repository';

export interface SessionRecord {
  id: string;
  counterCode: string;
  agencyCode: string;
  officerId: string;
  serviceCodes: string[];
  openedAt: Date;
  closedAt: Date | null;
}

const SELECT_SESSION = sql`
  SELECT id, counter_code AS "counterCode", agency_code AS "agencyCode",
         officer_id AS "officerId", service_codes AS "serviceCodes", opened_at AS "openedAt",
         closed_at AS "closedAt"
    FROM counter_sessions`;

/** Officers' sessions at counters, and the ticket each has called. */
@Injectable()
export class CounterSessionsRepository {
  private readonly db: Executor;

  constructor(dataSource: DataSource) {
    this.db = executorOf(dataSource);
  }

  /** The session; locked when `lock`: a session's calls and acts happen one at a time. */
  static async session(
    db: Executor,
    sessionId: string,
    lock = false,
  ): Promise<SessionRecord | undefined> {
    const [row] = await db.query<SessionRecord>(
      sql`${SELECT_SESSION} WHERE id = ${sessionId} ${lock ? sql`FOR UPDATE` : sql``}`,
    );
    return row;
  }

  find(sessionId: string): Promise<SessionRecord | undefined> {
    return CounterSessionsRepository.session(this.db, sessionId);
  }

  async openOf(officerId: string): Promise<SessionRecord | undefined> {
    const [row] = await this.db.query<SessionRecord>(
      sql`${SELECT_SESSION} WHERE officer_id = ${officerId} AND closed_at IS NULL`,
    );
    return row;
  }

  async openAt(counterCode: string): Promise<SessionRecord | undefined> {
    const [row] = await this.db.query<SessionRecord>(
      sql`${SELECT_SESSION} WHERE counter_code = ${counterCode} AND closed_at IS NULL`,
    );
    return row;
  }

  /**
   * Sessions still open that were opened before `dayStart` (the mall's day now), the oldest
   * first, locked; one an officer is acting on is skipped (`SKIP LOCKED`) and taken next time.
   */
  static openBefore(db: Executor, dayStart: Date, limit: number): Promise<SessionRecord[]> {
    return db.query<SessionRecord>(sql`
      ${SELECT_SESSION} WHERE closed_at IS NULL AND opened_at < ${dayStart}
       ORDER BY opened_at LIMIT ${limit} FOR UPDATE SKIP LOCKED`);
  }

  /** The agency of each of these services' lines; a service on no line is not in the map. */
  static async lineAgencies(db: Executor, serviceCodes: string[]): Promise<Map<string, string>> {
    const rows = await db.query<{ serviceCode: string; agencyCode: string }>(sql`
      SELECT service_code AS "serviceCode", agency_code AS "agencyCode" FROM line_services
       WHERE service_code = ANY(${serviceCodes}::text[])`);
    return new Map(rows.map((row) => [row.serviceCode, row.agencyCode]));
  }

  /** Fails on `counter_sessions_counter_idx` or `counter_sessions_officer_idx` when one is open. */
  static async open(db: Executor, session: SessionRecord): Promise<void> {
    await db.execute(sql`
      INSERT INTO counter_sessions (id, counter_code, agency_code, officer_id, service_codes,
                                    opened_at)
      VALUES (${session.id}, ${session.counterCode}, ${session.agencyCode}, ${session.officerId},
              ${session.serviceCodes}::text[], ${session.openedAt})`);
  }

  static async close(db: Executor, sessionId: string, at: Date, by: string): Promise<void> {
    await db.execute(sql`
      UPDATE counter_sessions SET closed_at = ${at}, closed_by = ${by} WHERE id = ${sessionId}`);
  }

  /** The ticket called to the session's counter and not yet served or missed. */
  static async current(
    db: Executor,
    sessionId: string,
    lock = false,
  ): Promise<TicketRecord | undefined> {
    const [row] = await db.query<TicketRecord>(sql`
      ${SELECT_TICKET} WHERE t.session_id = ${sessionId} AND t.status = 'CALLED'
      ${lock ? sql`FOR UPDATE OF t` : sql``}`);
    return row;
  }

  currentOf(sessionId: string): Promise<TicketRecord | undefined> {
    return CounterSessionsRepository.current(this.db, sessionId);
  }
}
