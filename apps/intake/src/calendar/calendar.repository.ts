import { Injectable } from '@nestjs/common';
import { WorkingDayCalendarChanged, type CalendarYearV1 } from '@satupintu/contracts';
import { UnitOfWork, type Transaction } from '@satupintu/messaging';
import { executorOf, joinSql, sql, type Executor } from '@satupintu/persistence';
import {
  SqlCalendarSource,
  WorkingDayCalendarProvider,
  type CalendarYearDays,
} from '@satupintu/platform';
import { DataSource } from 'typeorm';
import { calendarChangedEvent } from './days-off';

/** Serializes the changes of one year (a year not held yet has no row to lock). */
const CALENDAR_LOCK = 0x5ca1e7da;
/** The seed's own lock key, beside the years' (which are 2000–2100). */
const SEED_LOCK = 0;

/**
 * Every query on `calendar_years` and `calendar_days_off`. Each change writes the whole year
 * and its `WorkingDayCalendarChanged` (the year's days off, new version) in one transaction.
 */
@Injectable()
export class CalendarRepository {
  private readonly db: Executor;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly calendar: WorkingDayCalendarProvider,
    dataSource: DataSource,
  ) {
    this.db = executorOf(dataSource);
  }

  async year(year: number, db: Executor = this.db): Promise<CalendarYearV1 | undefined> {
    const [row] = await db.query<{ year: number; version: number; decree: string | null }>(
      sql`SELECT year, version, decree FROM calendar_years WHERE year = ${year}`,
    );
    if (!row) return undefined;
    const days = await db.query<{
      date: string;
      kind: CalendarYearV1['daysOff'][number]['kind'];
      nameId: string;
      nameEn: string;
      note: string | null;
    }>(sql`
      SELECT date::text AS date, kind, name_id AS "nameId", name_en AS "nameEn", note
        FROM calendar_days_off WHERE year = ${year} ORDER BY date`);
    return {
      year: row.year,
      version: row.version,
      ...(row.decree ? { decree: row.decree } : {}),
      daysOff: days.map(({ note, ...day }) => ({ ...day, ...(note ? { note } : {}) })),
    };
  }

  /**
   * Changes one year under its lock: `decide` sees the year as it is (undefined if the calendar
   * does not hold it) and answers the next one.
   */
  change(
    year: number,
    decide: (current: CalendarYearV1 | undefined) => { next: CalendarYearV1; changed: boolean },
  ): Promise<CalendarYearV1> {
    return this.unitOfWork.run(async (tx) => {
      await tx.query(sql`SELECT pg_advisory_xact_lock(${CALENDAR_LOCK}, ${year})`);
      const { next, changed } = decide(await this.year(year, tx));
      if (changed) await this.write(tx, next);
      return next;
    });
  }

  /**
   * Loads the seed's years the calendar does not hold yet, each published for the followers: all
   * of them into an empty calendar, and a year a later release adds (the next decree) into one in
   * use. A year held is never overwritten: an admin may have changed it. Answers the years loaded.
   * Safe when several instances start at once.
   */
  seedMissing(years: CalendarYearV1[]): Promise<number[]> {
    return this.unitOfWork.run(async (tx) => {
      await tx.query(sql`SELECT pg_advisory_xact_lock(${CALENDAR_LOCK}, ${SEED_LOCK})`);
      const held = new Set(
        (await tx.query<{ year: number }>(sql`SELECT year FROM calendar_years`)).map(
          (row) => row.year,
        ),
      );
      const missing = years.filter((year) => !held.has(year.year));
      for (const year of missing) await this.write(tx, year);
      return missing.map((year) => year.year);
    });
  }

  private async write(tx: Transaction, year: CalendarYearV1): Promise<void> {
    await tx.execute(sql`
      INSERT INTO calendar_years (year, version, decree)
      VALUES (${year.year}, ${year.version}, ${year.decree ?? null})
      ON CONFLICT (year) DO UPDATE
         SET version = EXCLUDED.version, decree = EXCLUDED.decree, updated_at = now()`);
    await tx.execute(sql`DELETE FROM calendar_days_off WHERE year = ${year.year}`);
    if (year.daysOff.length > 0) {
      const rows = year.daysOff.map(
        (day) =>
          sql`(${day.date}::date, ${year.year}, ${day.kind}, ${day.nameId}, ${day.nameEn}, ${day.note ?? null})`,
      );
      await tx.execute(sql`
        INSERT INTO calendar_days_off (date, year, kind, name_id, name_en, note)
        VALUES ${joinSql(rows)}`);
    }
    tx.publish(WorkingDayCalendarChanged, calendarChangedEvent(year, new Date()));
    tx.afterCommit(() => void this.calendar.refresh().catch(() => undefined));
  }
}

/** Intake's own calendar for its own deadlines: read from the tables it owns, not a copy. */
@Injectable()
export class OwnCalendarSource extends SqlCalendarSource {
  protected versionsStatement() {
    return sql<{ year: number; version: number }>`SELECT year, version FROM calendar_years`;
  }

  protected loadStatement() {
    return sql<CalendarYearDays>`
      SELECT y.year, y.version,
             coalesce(jsonb_agg(jsonb_build_object('date', d.date::text, 'kind', d.kind)
                                ORDER BY d.date) FILTER (WHERE d.date IS NOT NULL),
                      '[]'::jsonb) AS "daysOff"
        FROM calendar_years y LEFT JOIN calendar_days_off d ON d.year = y.year
       GROUP BY y.year, y.version
       ORDER BY y.year`;
  }
}
