import type { BookingScheduleV1, CounterV1, ServiceLineV1 } from '@satupintu/contracts';
import { toZonedIso } from '@satupintu/domain';
import { decodeCursor, encodeCursor } from '@satupintu/persistence';
import { DomainError } from '@satupintu/common';
import type {
  CounterRecord,
  LineRecord,
  PageQuery,
  ScheduleRecord,
} from './floor-setup.repository';

export function lineView(line: LineRecord, timeZone: string): ServiceLineV1 {
  return {
    prefix: line.prefix,
    agencyCode: line.agencyCode,
    name: line.name,
    serviceCodes: line.serviceCodes,
    active: line.active,
    changedAt: toZonedIso(line.changedAt, timeZone),
  };
}

export function counterView(counter: CounterRecord, timeZone: string): CounterV1 {
  return {
    code: counter.code,
    agencyCode: counter.agencyCode,
    name: counter.name,
    active: counter.active,
    open: counter.open,
    changedAt: toZonedIso(counter.changedAt, timeZone),
  };
}

export function scheduleView(schedule: ScheduleRecord, timeZone: string): BookingScheduleV1 {
  return {
    serviceCode: schedule.serviceCode,
    agencyCode: schedule.agencyCode,
    slots: schedule.slots.map(({ start, minutes, capacity }) => ({ start, minutes, capacity })),
    changedAt: toZonedIso(schedule.changedAt, timeZone),
  };
}

/** A list's query by its key (a prefix, a counter code); a cursor it did not make is a 400. */
export function pageQueryOf(
  request: { agencyCode?: string; limit: number; cursor?: string },
  key: RegExp,
): PageQuery {
  let after: string | undefined;
  if (request.cursor) {
    after = decodeCursor<[string]>(request.cursor, ['string'])?.[0];
    if (after === undefined || !key.test(after)) throw new DomainError('invalid_cursor', 400);
  }
  return {
    ...(request.agencyCode ? { agencyCode: request.agencyCode } : {}),
    ...(after !== undefined ? { after } : {}),
    // One more than asked: whether there is a next page.
    limit: request.limit + 1,
  };
}

/** A page of the rows (one more than asked tells a next page), keyed by `keyOf`. */
export function pageOf<Row, Item>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => string,
  view: (row: Row) => Item,
): { items: Item[]; nextCursor?: string } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(view),
    ...(rows.length > limit && last ? { nextCursor: encodeCursor([keyOf(last)]) } : {}),
  };
}
