import { OutageLog, type AppLogger } from '@satupintu/common';
import { isWorkingDay } from '@satupintu/domain';
import {
  WorkingDayCalendarProvider,
  WorkingDayCalendarSource,
  type CalendarYearDays,
} from './working-day-calendar.provider';

/** A source over an array the test changes, counting how often the whole calendar is read. */
class ArraySource extends WorkingDayCalendarSource {
  loads = 0;
  constructor(public years: CalendarYearDays[]) {
    super();
  }
  versions(): Promise<Map<number, number>> {
    return Promise.resolve(new Map(this.years.map((year) => [year.year, year.version])));
  }
  load(): Promise<CalendarYearDays[]> {
    this.loads += 1;
    return Promise.resolve(structuredClone(this.years));
  }
}

const quiet = { info: () => undefined, warn: () => undefined } as unknown as AppLogger;

describe('WorkingDayCalendarProvider', () => {
  let source: ArraySource;
  let provider: WorkingDayCalendarProvider;

  beforeEach(async () => {
    source = new ArraySource([
      { year: 2025, version: 1, daysOff: [{ date: '2025-08-18', kind: 'CUTI_BERSAMA' }] },
    ]);
    provider = new WorkingDayCalendarProvider(source, quiet, new OutageLog(quiet));
    await provider.onModuleInit();
  });

  afterEach(() => provider.onModuleDestroy());

  it('serves the days off it loaded at start, and their versions', () => {
    expect(isWorkingDay('2025-08-18', provider.calendar())).toBe(false);
    expect(isWorkingDay('2025-08-19', provider.calendar())).toBe(true);
    expect([...provider.versions()]).toEqual([[2025, 1]]);
  });

  it('reloads only when a version differs', async () => {
    await provider.refresh();
    expect(source.loads).toBe(1);
    source.years = [
      { year: 2025, version: 2, daysOff: [] },
      { year: 2026, version: 1, daysOff: [{ date: '2026-01-01', kind: 'HOLIDAY' }] },
    ];
    await provider.refresh();
    expect(source.loads).toBe(2);
    expect(isWorkingDay('2025-08-18', provider.calendar())).toBe(true);
    expect(isWorkingDay('2026-01-01', provider.calendar())).toBe(false);
    expect([...provider.versions()]).toEqual([
      [2025, 2],
      [2026, 1],
    ]);
  });

  it('runs one refresh at a time: callers meanwhile share it', async () => {
    source.years = [{ year: 2025, version: 3, daysOff: [] }];
    await Promise.all([provider.refresh(), provider.refresh(), provider.refresh()]);
    expect(source.loads).toBe(2);
  });
});
