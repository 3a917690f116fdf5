import { Injectable } from '@nestjs/common';
import type { BookingSlot } from '@satupintu/domain';
import { executorOf, sql, type Executor, type Sql } from '@satupintu/persistence';
import { DataSource } from 'typeorm';

export interface LineRecord {
  prefix: string;
  agencyCode: string;
  name: string;
  active: boolean;
  changedAt: Date;
  serviceCodes: string[];
}

export interface CounterRecord {
  code: string;
  agencyCode: string;
  name: string;
  active: boolean;
  changedAt: Date;
  /** Whether a session is open at it. */
  open: boolean;
}

export interface ScheduleRecord {
  serviceCode: string;
  agencyCode: string;
  slots: BookingSlot[];
  changedAt: Date;
}

export interface PageQuery {
  agencyCode?: string;
  /** Strictly after this key (a prefix, a counter code). */
  after?: string;
  limit: number;
}

const SELECT_LINE = sql`
  SELECT l.prefix, l.agency_code AS "agencyCode", l.name, l.active, l.changed_at AS "changedAt",
         coalesce((SELECT array_agg(s.service_code ORDER BY s.service_code) FROM line_services s
                    WHERE s.prefix = l.prefix), '{}') AS "serviceCodes"
    FROM service_lines l`;

const SELECT_COUNTER = sql`
  SELECT c.code, c.agency_code AS "agencyCode", c.name, c.active, c.changed_at AS "changedAt",
         EXISTS (SELECT 1 FROM counter_sessions s
                  WHERE s.counter_code = c.code AND s.closed_at IS NULL) AS open
    FROM counters c`;

/** Over a SELECT_LINE or SELECT_COUNTER, whose columns are named as the record's fields. */
const agencyAndAfter = (column: Sql, query: PageQuery): Sql => sql`
  WHERE (${query.agencyCode ?? null}::text IS NULL OR "agencyCode" = ${query.agencyCode ?? null})
    AND (${query.after ?? null}::text IS NULL OR ${column} > ${query.after ?? null})`;

/** Service lines, counters and booking schedules: what the floor is set up with. */
@Injectable()
export class FloorSetupRepository {
  private readonly db: Executor;

  constructor(dataSource: DataSource) {
    this.db = executorOf(dataSource);
  }

  static async line(db: Executor, prefix: string, lock = false): Promise<LineRecord | undefined> {
    const [row] = await db.query<LineRecord>(
      sql`${SELECT_LINE} WHERE l.prefix = ${prefix} ${lock ? sql`FOR UPDATE OF l` : sql``}`,
    );
    return row;
  }

  lines(query: PageQuery): Promise<LineRecord[]> {
    return this.db.query<LineRecord>(sql`
      SELECT * FROM (${SELECT_LINE}) l ${agencyAndAfter(sql`prefix`, query)}
       ORDER BY prefix LIMIT ${query.limit}`);
  }

  /** Which of these services another line than `prefix` numbers, and which line. */
  static inOtherLines(
    db: Executor,
    prefix: string,
    serviceCodes: string[],
  ): Promise<{ serviceCode: string; prefix: string }[]> {
    return db.query(sql`
      SELECT service_code AS "serviceCode", prefix FROM line_services
       WHERE service_code = ANY(${serviceCodes}::text[]) AND prefix <> ${prefix}
       ORDER BY service_code`);
  }

  /**
   * The line as stated: its row, and exactly these services on it. Answers the services it
   * could not take because another line holds them (one that another transaction has just
   * given them to included): the caller then rolls back.
   */
  static async putLine(
    db: Executor,
    line: Omit<LineRecord, 'serviceCodes'>,
    serviceCodes: string[],
  ): Promise<{ serviceCode: string; prefix: string }[]> {
    await db.execute(sql`
      INSERT INTO service_lines (prefix, agency_code, name, active, changed_at)
      VALUES (${line.prefix}, ${line.agencyCode}, ${line.name}, ${line.active}, ${line.changedAt})
      ON CONFLICT (prefix) DO UPDATE
         SET agency_code = EXCLUDED.agency_code, name = EXCLUDED.name,
             active = EXCLUDED.active, changed_at = EXCLUDED.changed_at`);
    await db.execute(sql`
      DELETE FROM line_services
       WHERE prefix = ${line.prefix} AND NOT (service_code = ANY(${serviceCodes}::text[]))`);
    await db.execute(sql`
      UPDATE line_services SET agency_code = ${line.agencyCode} WHERE prefix = ${line.prefix}`);
    await db.execute(sql`
      INSERT INTO line_services (service_code, prefix, agency_code)
      SELECT code, ${line.prefix}, ${line.agencyCode} FROM unnest(${serviceCodes}::text[]) code
      ON CONFLICT (service_code) DO NOTHING`);
    return FloorSetupRepository.inOtherLines(db, line.prefix, serviceCodes);
  }

  static async counter(
    db: Executor,
    code: string,
    lock = false,
  ): Promise<CounterRecord | undefined> {
    const [row] = await db.query<CounterRecord>(
      sql`${SELECT_COUNTER} WHERE c.code = ${code} ${lock ? sql`FOR UPDATE OF c` : sql``}`,
    );
    return row;
  }

  counters(query: PageQuery): Promise<CounterRecord[]> {
    return this.db.query<CounterRecord>(sql`
      SELECT * FROM (${SELECT_COUNTER}) c ${agencyAndAfter(sql`code`, query)}
       ORDER BY code LIMIT ${query.limit}`);
  }

  static async putCounter(db: Executor, counter: Omit<CounterRecord, 'open'>): Promise<void> {
    await db.execute(sql`
      INSERT INTO counters (code, agency_code, name, active, changed_at)
      VALUES (${counter.code}, ${counter.agencyCode}, ${counter.name}, ${counter.active},
              ${counter.changedAt})
      ON CONFLICT (code) DO UPDATE
         SET agency_code = EXCLUDED.agency_code, name = EXCLUDED.name,
             active = EXCLUDED.active, changed_at = EXCLUDED.changed_at`);
  }

  static async schedule(db: Executor, serviceCode: string): Promise<ScheduleRecord | undefined> {
    const [row] = await db.query<ScheduleRecord>(sql`
      SELECT service_code AS "serviceCode", agency_code AS "agencyCode", slots,
             changed_at AS "changedAt"
        FROM booking_schedules WHERE service_code = ${serviceCode}`);
    return row;
  }

  scheduleOf(serviceCode: string): Promise<ScheduleRecord | undefined> {
    return FloorSetupRepository.schedule(this.db, serviceCode);
  }

  static async putSchedule(db: Executor, schedule: ScheduleRecord): Promise<void> {
    await db.execute(sql`
      INSERT INTO booking_schedules (service_code, agency_code, slots, changed_at)
      VALUES (${schedule.serviceCode}, ${schedule.agencyCode}, ${JSON.stringify(schedule.slots)}::jsonb,
              ${schedule.changedAt})
      ON CONFLICT (service_code) DO UPDATE
         SET agency_code = EXCLUDED.agency_code, slots = EXCLUDED.slots,
             changed_at = EXCLUDED.changed_at`);
  }

  /** How many bookings each of these slots of a service holds (none: not in the map). */
  async bookedIn(serviceCode: string, starts: Date[]): Promise<Map<number, number>> {
    const rows = await this.db.query<{ slotStart: Date; booked: number }>(sql`
      SELECT slot_start AS "slotStart", booked FROM slot_bookings
       WHERE service_code = ${serviceCode} AND slot_start = ANY(${starts}::timestamptz[])`);
    return new Map(rows.map((row) => [row.slotStart.getTime(), row.booked]));
  }
}
