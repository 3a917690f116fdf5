import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { LOGGER, OutageLog, unavailableDependency, type AppLogger } from '@satupintu/common';
import type { DayOffKind } from '@satupintu/contracts';
import { workingDayCalendar, type WorkingDayCalendar } from '@satupintu/domain';
import { executorOf, type Executor, type Sql } from '@satupintu/persistence';
import { DataSource } from 'typeorm';

/** One year of the calendar as a service holds it: only what deadlines need. */
export interface CalendarYearDays {
  year: number;
  version: number;
  daysOff: { date: string; kind: DayOffKind }[];
}

/**
 * Where a service's copy of the calendar is read from: the table a follower fills from the
 * stream, or, in intake, which owns the calendar, its own tables.
 */
export abstract class WorkingDayCalendarSource {
  /** Each year held, with its version: cheap, asked often. */
  abstract versions(): Promise<Map<number, number>>;
  abstract load(): Promise<CalendarYearDays[]>;
}

/** A source that is two statements on the service's database: the follower's, and intake's. */
// Decorated so its subclasses inherit the DataSource it is constructed with.
@Injectable()
export abstract class SqlCalendarSource extends WorkingDayCalendarSource {
  private readonly db: Executor;

  constructor(dataSource: DataSource) {
    super();
    this.db = executorOf(dataSource);
  }

  /** Each year held and its version. */
  protected abstract versionsStatement(): Sql<{ year: number; version: number }>;
  /** Each year held, its version and its days off as `daysOff`. */
  protected abstract loadStatement(): Sql<CalendarYearDays>;

  async versions(): Promise<Map<number, number>> {
    const rows = await this.db.query(this.versionsStatement());
    return new Map(rows.map((row) => [row.year, row.version]));
  }

  load(): Promise<CalendarYearDays[]> {
    return this.db.query(this.loadStatement());
  }
}

/**
 * A replica that did not handle a change itself (its peer's consumer did, or an admin's request
 * reached another intake) sees it within this long: the calendar changes a few times a year, and
 * a deadline computed a few seconds before an amendment arrives would have been computed then.
 */
export const CALENDAR_REFRESH_MS = 5000;

/**
 * The mall's working-day calendar for deadline arithmetic (`workingDayDeadline`,
 * `workingDaysBetween` in @satupintu/domain), from an in-memory copy: read synchronously on the
 * hot path, loaded at start, refreshed right after this process applies a change and every few
 * seconds from the database for changes another replica applied.
 */
@Injectable()
export class WorkingDayCalendarProvider implements OnModuleInit, OnModuleDestroy {
  private current: WorkingDayCalendar = workingDayCalendar([]);
  private held = new Map<number, number>();
  private timer?: NodeJS.Timeout;
  private refreshing?: Promise<void>;

  constructor(
    private readonly source: WorkingDayCalendarSource,
    @Inject(LOGGER) private readonly logger: AppLogger,
    private readonly outages: OutageLog,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.reload();
    this.timer = setInterval(() => {
      this.refresh().then(
        () => this.outages.recovered('database'),
        (error: unknown) => {
          // The database away is an outage, logged once however many refreshes run into it.
          const dependency = unavailableDependency(error);
          if (dependency) this.outages.failed(dependency, error);
          else this.logger.warn({ err: error }, 'working-day calendar not refreshed');
        },
      );
    }, CALENDAR_REFRESH_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Every day off of every year held: weekends are not days off here, they are never working days. */
  calendar(): WorkingDayCalendar {
    return this.current;
  }

  /**
   * The years the calendar holds, with their versions. A deadline that runs into a year not held
   * would be counted as if that year had no holidays: a caller should know.
   */
  versions(): ReadonlyMap<number, number> {
    return this.held;
  }

  /** Reloads if any year's version differs from what is held; one refresh at a time. */
  refresh(): Promise<void> {
    this.refreshing ??= this.refreshIfChanged().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async refreshIfChanged(): Promise<void> {
    const versions = await this.source.versions();
    const same =
      versions.size === this.held.size &&
      [...versions].every(([year, version]) => this.held.get(year) === version);
    if (!same) await this.reload();
  }

  private async reload(): Promise<void> {
    const years = await this.source.load();
    this.current = workingDayCalendar(years.flatMap((year) => year.daysOff.map((d) => d.date)));
    this.held = new Map(years.map((year) => [year.year, year.version]));
    this.logger.info({ years: Object.fromEntries(this.held) }, 'working-day calendar loaded');
  }
}
