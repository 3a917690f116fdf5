import { isTimeZone, toZonedIso } from './zoned-time';

describe('toZonedIso', () => {
  const instant = new Date('2026-11-23T03:45:12.123Z');

  it.each([
    ['Asia/Jakarta', '2026-11-23T10:45:12.123+07:00'],
    ['Asia/Makassar', '2026-11-23T11:45:12.123+08:00'],
    ['Asia/Jayapura', '2026-11-23T12:45:12.123+09:00'],
    ['UTC', '2026-11-23T03:45:12.123+00:00'],
    ['America/St_Johns', '2026-11-23T00:15:12.123-03:30'],
  ])('writes the instant as the wall clock of %s with its offset', (zone, expected) => {
    expect(toZonedIso(instant, zone)).toBe(expected);
  });

  it('crosses midnight into the next day where the zone is ahead', () => {
    expect(toZonedIso(new Date('2026-12-31T20:30:00.000Z'), 'Asia/Jayapura')).toBe(
      '2027-01-01T05:30:00.000+09:00',
    );
  });

  it('names the same instant whatever the zone', () => {
    for (const zone of ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura', 'UTC']) {
      expect(new Date(toZonedIso(instant, zone)).getTime()).toBe(instant.getTime());
    }
  });

  it('refuses a zone that does not exist', () => {
    expect(() => toZonedIso(instant, 'Asia/Atlantis')).toThrow(RangeError);
    expect(isTimeZone('Asia/Atlantis')).toBe(false);
    expect(isTimeZone('Asia/Makassar')).toBe(true);
  });
});
