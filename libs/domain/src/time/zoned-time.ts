/**
 * Times in the public API are ISO 8601 with the offset of the agency's own time zone (WIB
 * Asia/Jakarta +07:00, WITA Asia/Makassar +08:00, WIT Asia/Jayapura +09:00), so a citizen reads
 * the hour the agency's clock showed. Indonesia has no daylight saving, but the offset is still
 * computed from the zone database rather than assumed.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True for an IANA zone name this runtime knows (e.g. 'Asia/Jakarta'). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset at an instant, asked of the zone database (`Intl`): some microseconds. */
function offsetFromZoneDatabase(instant: Date, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((wall - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * Offsets already asked, per zone, per quarter hour: every deadline and every time in an answer
 * needs one, and `formatToParts` was the agency's costliest step in receiving an application.
 * Since 1970 every offset change in the tz database happens on a quarter hour (UTC), so an
 * offset holds for its whole quarter hour; earlier instants (local mean times with odd seconds)
 * are asked each time.
 */
const OFFSET_SPAN_MS = 15 * 60_000;
const MAX_CACHED_SPANS = 1 << 17;
const offsets = new Map<string, Map<number, number>>();

function offsetMinutesAt(instant: Date, timeZone: string): number {
  const time = instant.getTime();
  if (!(time >= 0)) return offsetFromZoneDatabase(instant, timeZone);
  let zone = offsets.get(timeZone);
  if (!zone) {
    formatterFor(timeZone); // an unknown zone throws here, before it is remembered
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  const span = Math.floor(time / OFFSET_SPAN_MS);
  let offset = zone.get(span);
  if (offset === undefined) {
    offset = offsetFromZoneDatabase(new Date(span * OFFSET_SPAN_MS), timeZone);
    if (zone.size >= MAX_CACHED_SPANS) zone.clear();
    zone.set(span, offset);
  }
  return offset;
}

/** What the zone's clocks show at the instant (to the second), and the zone's offset then. */
function wallClock(
  instant: Date,
  timeZone: string,
): {
  parts: Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>;
  offsetMinutes: number;
} {
  const offsetMinutes = offsetMinutesAt(instant, timeZone);
  const wall = new Date(Math.floor(instant.getTime() / 1000) * 1000 + offsetMinutes * 60_000);
  const year = wall.getUTCFullYear();
  return {
    parts: {
      year: year < 1000 ? String(year).padStart(4, '0') : String(year),
      month: pad(wall.getUTCMonth() + 1),
      day: pad(wall.getUTCDate()),
      hour: pad(wall.getUTCHours()),
      minute: pad(wall.getUTCMinutes()),
      second: pad(wall.getUTCSeconds()),
    },
    offsetMinutes,
  };
}

/** The calendar date (`YYYY-MM-DD`) the zone's clocks show at that instant. */
export function localDateOf(instant: Date, timeZone: string): string {
  const { parts } = wallClock(instant, timeZone);
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The instant a calendar date (`YYYY-MM-DD`) begins in the zone: its local midnight. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const midnightUtc = Date.UTC(year, month - 1, day);
  // The offset at the guess, then at the corrected instant (the same in zones without DST).
  const first = midnightUtc - wallClock(new Date(midnightUtc), timeZone).offsetMinutes * 60_000;
  return new Date(midnightUtc - wallClock(new Date(first), timeZone).offsetMinutes * 60_000);
}

/** `2026-11-23T10:45:12.123+07:00` for that instant in that zone. Throws on an unknown zone. */
export function toZonedIso(instant: Date, timeZone: string): string {
  const { parts, offsetMinutes } = wallClock(instant, timeZone);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  const ms = String(instant.getUTCMilliseconds()).padStart(3, '0');
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}.${ms}${offset}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` when it is a real date (2026-02-30 reads back in March: not one), else undefined. */
export function parseLocalDate(
  date: string,
): { year: number; month: number; day: number } | undefined {
  const match = DATE.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const real = new Date(Date.UTC(year, month - 1, day));
  return real.getUTCFullYear() === year &&
    real.getUTCMonth() === month - 1 &&
    real.getUTCDate() === day
    ? { year, month, day }
    : undefined;
}
