import { DomainError } from '@satupintu/common';
import {
  ANONYMOUS,
  SYSTEM,
  type CalendarYearV1,
  type Principal,
  type PutDayOffV1,
} from '@satupintu/contracts';
import { readHolidaysSeed } from '@satupintu/domain';
import {
  calendarChangedEvent,
  checkDayOfYear,
  deleteDayOff,
  isRealDate,
  putDayOff,
  requireCalendarAdmin,
  seedYears,
} from './days-off';

function refusal(work: () => unknown): DomainError {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, got none');
}

const officer = (roles: Principal['roles']): Principal => ({
  kind: 'officer',
  subject: 'o-1',
  roles,
  agency: 'DUKCAPIL',
  scopes: [],
});

const august18: PutDayOffV1 = {
  year: 2025,
  date: '2025-08-18',
  kind: 'CUTI_BERSAMA',
  nameId: 'Cuti Bersama HUT RI',
  nameEn: 'Collective leave: Independence Day',
};

const year2025: CalendarYearV1 = {
  year: 2025,
  version: 4,
  decree: 'SKB 1017/2/2 Tahun 2024',
  daysOff: [
    { date: '2025-01-01', kind: 'HOLIDAY', nameId: 'Tahun Baru', nameEn: "New Year's Day" },
    { date: '2025-08-17', kind: 'HOLIDAY', nameId: 'HUT RI', nameEn: 'Independence Day' },
    { date: '2025-12-25', kind: 'HOLIDAY', nameId: 'Natal', nameEn: 'Christmas' },
  ],
};

describe('requireCalendarAdmin', () => {
  it('lets a mall admin change the calendar', () => {
    expect(() => requireCalendarAdmin(officer(['MALL_ADMIN']))).not.toThrow();
    expect(() => requireCalendarAdmin(officer(['FRONT_DESK', 'MALL_ADMIN']))).not.toThrow();
  });

  it.each([
    ['an agency admin', 403, officer(['AGENCY_ADMIN'])],
    ['a front-desk officer', 403, officer(['FRONT_DESK'])],
    ['an applicant', 403, { kind: 'applicant', subject: 'a', roles: [], scopes: [] }],
    ['an API client', 403, { kind: 'client', subject: 'c', roles: [], scopes: ['*'] }],
    ['the system', 403, SYSTEM],
    ['an anonymous caller', 401, ANONYMOUS],
  ] as [string, number, Principal][])('refuses %s with %s', (_label, status, principal) => {
    expect(refusal(() => requireCalendarAdmin(principal))).toMatchObject({
      status,
      params: { resource: 'calendar' },
    });
  });
});

describe('checkDayOfYear', () => {
  it('takes a real day of the year, a weekend one too', () => {
    expect(() => checkDayOfYear(2025, '2025-08-18')).not.toThrow();
    expect(() => checkDayOfYear(2025, '2025-08-17')).not.toThrow(); // a Sunday
    expect(() => checkDayOfYear(2024, '2024-02-29')).not.toThrow();
    expect(() => checkDayOfYear(2000, '2000-01-01')).not.toThrow();
    expect(() => checkDayOfYear(2100, '2100-12-31')).not.toThrow();
  });

  it.each([1999, 2101, 0, 2025.5, Number.NaN])('refuses the year %s', (year) => {
    expect(refusal(() => checkDayOfYear(year, '2025-01-01'))).toMatchObject({
      status: 400,
      errors: [{ field: 'year', code: 'calendar_year_range', params: { min: 2000, max: 2100 } }],
    });
  });

  it.each(['2025-02-29', '2100-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '2025-8-18', 'x'])(
    'refuses %s, which is not a date',
    (date) => {
      expect(refusal(() => checkDayOfYear(2025, date))).toMatchObject({
        status: 400,
        errors: [{ field: 'date', code: 'must_be_date' }],
      });
    },
  );

  it('refuses a date of another year than the one named', () => {
    expect(refusal(() => checkDayOfYear(2025, '2026-01-01'))).toMatchObject({
      status: 400,
      errors: [{ field: 'date', code: 'date_outside_year', params: { year: 2025 } }],
    });
  });

  it('knows every day of a leap and a common year, and nothing else', () => {
    for (const [year, days] of [
      [2024, 366],
      [2025, 365],
      [2100, 365],
    ]) {
      let real = 0;
      for (let month = 1; month <= 12; month += 1)
        for (let day = 1; day <= 31; day += 1)
          if (
            isRealDate(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`)
          )
            real += 1;
      expect(real).toBe(days);
    }
  });
});

describe('putDayOff', () => {
  it('starts a year the calendar does not hold at version 1', () => {
    expect(putDayOff(undefined, { ...august18, note: ' SKB 933/1/3 Tahun 2025 ' })).toEqual({
      next: {
        year: 2025,
        version: 1,
        daysOff: [
          {
            date: '2025-08-18',
            kind: 'CUTI_BERSAMA',
            nameId: 'Cuti Bersama HUT RI',
            nameEn: 'Collective leave: Independence Day',
            note: 'SKB 933/1/3 Tahun 2025',
          },
        ],
      },
      changed: true,
    });
  });

  it('adds a day in date order, as a new version, keeping the decree', () => {
    const { next, changed } = putDayOff(year2025, august18);
    expect(changed).toBe(true);
    expect(next.version).toBe(5);
    expect(next.decree).toBe(year2025.decree);
    expect(next.daysOff.map((day) => day.date)).toEqual([
      '2025-01-01',
      '2025-08-17',
      '2025-08-18',
      '2025-12-25',
    ]);
  });

  it('replaces the day off on that date', () => {
    const { next } = putDayOff(year2025, {
      ...august18,
      date: '2025-12-25',
      nameId: ' Hari Raya Natal ',
    });
    expect(next.daysOff).toHaveLength(3);
    expect(next.daysOff[2]).toEqual({
      date: '2025-12-25',
      kind: 'CUTI_BERSAMA',
      nameId: 'Hari Raya Natal',
      nameEn: 'Collective leave: Independence Day',
    });
  });

  it('makes no version for the same day off again (names compared as trimmed)', () => {
    const once = putDayOff(year2025, august18).next;
    const again = putDayOff(once, { ...august18, nameId: `  ${august18.nameId}`, note: '  ' });
    expect(again).toEqual({ next: once, changed: false });
  });

  it('refuses blank names, each by its field, and a date outside the year', () => {
    expect(
      refusal(() => putDayOff(year2025, { ...august18, nameId: ' ', nameEn: '' })),
    ).toMatchObject({
      status: 400,
      errors: [
        { field: 'nameId', code: 'required' },
        { field: 'nameEn', code: 'required' },
      ],
    });
    expect(refusal(() => putDayOff(year2025, { ...august18, date: '2024-08-18' }))).toMatchObject({
      errors: [{ field: 'date', code: 'date_outside_year' }],
    });
  });
});

describe('deleteDayOff', () => {
  it('removes the day as a new version', () => {
    const next = deleteDayOff(year2025, 2025, '2025-08-17');
    expect(next.version).toBe(5);
    expect(next.daysOff.map((day) => day.date)).toEqual(['2025-01-01', '2025-12-25']);
  });

  it('answers 404 for a date without a day off, or a year not held', () => {
    expect(refusal(() => deleteDayOff(year2025, 2025, '2025-08-19'))).toMatchObject({
      code: 'day_off_not_found',
      status: 404,
      params: { date: '2025-08-19' },
    });
    expect(refusal(() => deleteDayOff(undefined, 2031, '2031-01-01'))).toMatchObject({
      status: 404,
    });
  });

  it('checks the date before looking', () => {
    expect(refusal(() => deleteDayOff(year2025, 2025, '2025-02-30'))).toMatchObject({
      status: 400,
    });
  });
});

describe('calendarChangedEvent', () => {
  it('carries the whole year, dates and kinds only', () => {
    expect(calendarChangedEvent(year2025, new Date('2025-08-07T03:00:00Z'))).toEqual({
      year: 2025,
      version: 4,
      daysOff: [
        { date: '2025-01-01', kind: 'HOLIDAY' },
        { date: '2025-08-17', kind: 'HOLIDAY' },
        { date: '2025-12-25', kind: 'HOLIDAY' },
      ],
      changedAt: '2025-08-07T03:00:00.000Z',
    });
  });
});

describe('seedYears, over the project copy of the SKB days off', () => {
  const seeded = seedYears(readHolidaysSeed());

  it('loads each year at version 1 with its decree, its holidays and cuti bersama', () => {
    expect(
      seeded.map((year) => ({
        year: year.year,
        version: year.version,
        decree: typeof year.decree,
        holidays: year.daysOff.filter((day) => day.kind === 'HOLIDAY').length,
        cutiBersama: year.daysOff.filter((day) => day.kind === 'CUTI_BERSAMA').length,
      })),
    ).toEqual([
      { year: 2025, version: 1, decree: 'string', holidays: 17, cutiBersama: 11 },
      { year: 2026, version: 1, decree: 'string', holidays: 17, cutiBersama: 8 },
      { year: 2027, version: 1, decree: 'string', holidays: 18, cutiBersama: 8 },
    ]);
  });

  it('keeps what an admin could have entered: dates in their year and order, bounded notes', () => {
    for (const year of seeded) {
      const dates = year.daysOff.map((day) => day.date);
      expect(dates).toEqual([...dates].sort());
      for (const day of year.daysOff) {
        expect(() => checkDayOfYear(year.year, day.date)).not.toThrow();
        expect((day.note ?? '').length).toBeLessThanOrEqual(1000);
        expect(day.note).toBeTruthy();
      }
      expect((year.decree ?? '').length).toBeLessThanOrEqual(2000);
    }
    expect(seeded[0].daysOff.find((day) => day.date === '2025-08-18')?.kind).toBe('CUTI_BERSAMA');
  });
});
