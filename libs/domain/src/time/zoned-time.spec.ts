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

describe('toZonedIso against the zone database, instant by instant', () => {
  /** The wall clock `Intl` gives for the instant, written as toZonedIso writes it. */
  function fromZoneDatabase(instant: Date, timeZone: string): string {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        timeZoneName: 'longOffset',
      })
        .formatToParts(instant)
        .map((part) => [part.type, part.value]),
    );
    const offset = parts.timeZoneName === 'GMT' ? '+00:00' : parts.timeZoneName.slice(3);
    const ms = String(instant.getUTCMilliseconds()).padStart(3, '0');
    return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}.${ms}${offset}`;
  }

  // Offsets are remembered per quarter hour: the minutes either side of offset changes (daylight
  // saving here, a 45-minute offset, a zone that changed its standard offset) must still agree.
  it.each([
    ['America/New_York', '2026-03-08T06:00:00Z'],
    ['America/New_York', '2026-11-01T05:00:00Z'],
    ['Australia/Lord_Howe', '2026-04-04T14:30:00Z'],
    ['Asia/Kathmandu', '2026-06-01T00:00:00Z'],
    ['Asia/Pyongyang', '2018-05-04T14:30:00Z'],
    ['Asia/Jakarta', '1970-01-01T00:00:00Z'],
  ])('agrees in %s for every 37 seconds of the two hours around %s', (zone, around) => {
    const centre = Date.parse(around);
    for (let t = centre - 3_600_000; t <= centre + 3_600_000; t += 37_000) {
      const instant = new Date(t + 123);
      expect(toZonedIso(instant, zone)).toBe(fromZoneDatabase(instant, zone));
    }
  });

  it('agrees before 1970, when offsets changed at odd seconds', () => {
    for (const iso of ['1923-12-31T16:40:00Z', '1932-11-01T00:00:00Z', '1964-01-01T00:00:00Z']) {
      const instant = new Date(iso);
      expect(toZonedIso(instant, 'Asia/Jakarta')).toBe(fromZoneDatabase(instant, 'Asia/Jakarta'));
    }
  });
});
