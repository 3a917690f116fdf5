import { Inject, Injectable } from '@nestjs/common';
import {
  FLOOR_BOARD_EVENTS,
  FLOOR_EVENTS_PAGE,
  type FloorEventV1,
  type FloorEventsV1,
} from '@satupintu/contracts';
import { localDateOf, startOfLocalDay, toZonedIso } from '@satupintu/domain';
import { executorOf, sql, type Executor } from '@satupintu/persistence';
import { DataSource } from 'typeorm';
import { QUEUE_SETTINGS, type QueueSettings } from '../queue.settings';

/** A row as read: the sequence a `bigint`'s text, the time a Date. */
type FloorEventRow = Omit<FloorEventV1, 'sequence' | 'at'> & { sequence: string; at: Date };

interface BoardRow extends Partial<FloorEventRow> {
  last: string;
}

const COLUMNS = sql`e.sequence::text AS sequence, e.kind, e.ticket_no AS "ticketNo", e.line,
  e.agency_code AS "agencyCode", e.counter_code AS "counterCode", c.name AS "counterName", e.at`;

/** What the display feed replays from `floor_events` (ADR 0037): read only, by sequence. */
@Injectable()
export class FloorEventsRepository {
  private readonly db: Executor;

  constructor(
    dataSource: DataSource,
    @Inject(QUEUE_SETTINGS) private readonly settings: QueueSettings,
  ) {
    this.db = executorOf(dataSource);
  }

  /** The events after `after`, a page at a time. */
  async after(after: number): Promise<FloorEventsV1> {
    const rows = await this.db.query<FloorEventRow>(sql`
      SELECT ${COLUMNS}
        FROM floor_events e JOIN counters c ON c.code = e.counter_code
       WHERE e.sequence > ${after}
       ORDER BY e.sequence
       LIMIT ${FLOOR_EVENTS_PAGE + 1}`);
    return {
      before: after,
      entries: rows.slice(0, FLOOR_EVENTS_PAGE).map((row) => this.toEvent(row)),
      more: rows.length > FLOOR_EVENTS_PAGE,
    };
  }

  /**
   * What a display shows when it has nothing yet: the latest events of the mall's day. One
   * statement, so the last sequence and the board come from the same snapshot and the live
   * events after it join without a gap.
   */
  async board(now: Date): Promise<FloorEventsV1> {
    const dayStart = startOfLocalDay(
      localDateOf(now, this.settings.timeZone),
      this.settings.timeZone,
    );
    const rows = await this.db.query<BoardRow>(sql`
      WITH board AS (
        SELECT ${COLUMNS}
          FROM floor_events e JOIN counters c ON c.code = e.counter_code
         WHERE e.at >= ${dayStart}
         ORDER BY e.sequence DESC
         LIMIT ${FLOOR_BOARD_EVENTS})
      SELECT (SELECT coalesce(max(sequence), 0) FROM floor_events)::text AS last, board.*
        FROM (SELECT 1) one LEFT JOIN board ON true
       ORDER BY board.sequence::bigint`);
    const entries = rows
      .filter(
        (row): row is BoardRow & FloorEventRow =>
          row.sequence !== null && row.sequence !== undefined,
      )
      .map((row) => this.toEvent(row));
    return {
      before: entries.length > 0 ? entries[0].sequence - 1 : Number(rows[0].last),
      entries,
      more: false,
    };
  }

  private toEvent(row: FloorEventRow): FloorEventV1 {
    return {
      sequence: Number(row.sequence),
      kind: row.kind,
      ticketNo: row.ticketNo,
      line: row.line,
      agencyCode: row.agencyCode,
      counterCode: row.counterCode,
      counterName: row.counterName,
      at: toZonedIso(row.at, this.settings.timeZone),
    };
  }
}
