import {
  type CallRecord,
  FLOOR_LINES,
  FLOOR_SERVICES,
  type FloorFound,
  type TicketSent,
  describeFloor,
  judgeFloor,
  plannedTicket,
  ticketReceiptOf,
} from './floor-flow';
import { newStreamRecord } from './live';

const ticket = (n: number, code?: string, ticketNo?: string): TicketSent => ({
  sentAt: 0,
  planned: plannedTicket(n),
  idempotencyKey: `key-${n}`,
  retries: 0,
  answer: code ? 201 : 503,
  ...(code ? { receipt: { code, ticketNo: ticketNo ?? `A-00${n + 1}`, line: 'A', day: 'D' } } : {}),
});
const call = (counterCode: string, ticketCode?: string, served = true): CallRecord => ({
  counterCode,
  answer: ticketCode ? 201 : 503,
  attempts: 1,
  ...(ticketCode ? { ticketCode, ticketNo: 'A-001' } : {}),
  served: ticketCode ? served : false,
});

describe('the floor a chaos row works beside the load', () => {
  it('takes walk-in tickets for the floor’s services in turn, every one on a line', () => {
    const codes = [0, 1, 2, 3].map(
      (n) => (plannedTicket(n).body as { serviceCode: string }).serviceCode,
    );
    expect(codes).toEqual([...FLOOR_SERVICES, FLOOR_SERVICES[0]]);
    expect(new Set(FLOOR_LINES.flatMap((line) => line.serviceCodes)).size).toBe(
      FLOOR_SERVICES.length,
    );
  });

  it('reads a 201 for its ticket code, number, line and day, and nothing else for a receipt', () => {
    expect(
      ticketReceiptOf(
        JSON.stringify({
          code: 'ANTK7M39QX2C',
          ticketNo: 'A-017',
          line: { prefix: 'A', name: 'Dukcapil' },
          day: '2026-12-04',
          status: 'WAITING',
        }),
      ),
    ).toEqual({ code: 'ANTK7M39QX2C', ticketNo: 'A-017', line: 'A', day: '2026-12-04' });
    expect(ticketReceiptOf(JSON.stringify({ code: 'ANTK7M39QX2C' }))).toBeUndefined();
    expect(ticketReceiptOf('<html>')).toBeUndefined();
  });

  it('describes what the flow sent, called and followed', () => {
    const display = { ...newStreamRecord(), ids: [5, 6], resumes: 1, endings: { '503': 1 } };
    const line = describeFloor({
      sent: [ticket(0, 'C0'), ticket(1)],
      calls: [call('F1', 'C0'), call('F2')],
      answers: { '201': 1, '503': 1, '409 queue_nothing_waiting': 4 },
      display,
      sessionFailures: [],
    });
    expect(line).toContain('kiosk tickets 2 sent, 1 acknowledged, non-2xx 503×1');
    expect(line).toContain(
      'calls 1 acknowledged, 1 served, failed 503×1 (attempts answered 409 queue_nothing_waiting×4, 201×1, 503×1)',
    );
    expect(line).toContain(
      'display 2 events, 1 resumes with Last-Event-ID (connections ended: 503×1)',
    );
  });
});

describe('the floor audit', () => {
  const sent = [ticket(0, 'C0', 'A-001'), ticket(1, 'C1', 'A-002'), ticket(2)];
  const calls = [call('F1', 'C0'), call('F2', 'C1', false)];
  const events: FloorFound['events'] = [
    { sequence: 11, kind: 'CALLED', ticketCode: 'C0', counterCode: 'F1' },
    { sequence: 12, kind: 'CALLED', ticketCode: 'C1', counterCode: 'F2' },
    { sequence: 13, kind: 'SERVED', ticketCode: 'C0', counterCode: 'F1' },
  ];
  const found: FloorFound = {
    tickets: { before: 4, now: 6 },
    stored: ['C0', 'C1'],
    keys: [
      { key: 'key-0', code: 'C0' },
      { key: 'key-1', code: 'C1' },
    ],
    numbering: [{ line: 'A', day: 'D', tickets: 6, distinct: 6, min: 1, max: 6, lastNo: 6 }],
    events,
    called: [
      { code: 'C0', status: 'SERVED' },
      { code: 'C1', status: 'CALLED' },
    ],
  };
  const display = (ids: number[]) => ({ ...newStreamRecord(), ids });
  const flow = (ids = [11, 12, 13]) => ({ sent, calls, display: display(ids), displayAfter: 10 });

  it('finds every ticket stored once, numbered without gaps, called once, and seen once in order', () => {
    expect(judgeFloor(flow(), found)).toEqual({ lost: 0, twice: 0, reasons: [] });
  });

  it('counts an acknowledged ticket missing as lost, and one stored beyond its keys as twice', () => {
    expect(judgeFloor(flow(), { ...found, stored: ['C0'] })).toMatchObject({ lost: 1, twice: 0 });
    const extra = judgeFloor(flow(), { ...found, tickets: { before: 4, now: 7 } });
    expect(extra).toMatchObject({ lost: 0, twice: 1 });
    expect(extra.reasons).toEqual(["floor: tickets stored beyond the row's completed keys: 1"]);
    const sameCode = { ...flow(), sent: [ticket(0, 'C0'), ticket(1, 'C0')] };
    expect(judgeFloor(sameCode, { ...found, stored: ['C0'] })).toMatchObject({ twice: 1 });
  });

  it('counts a line whose numbers have a gap, or do not reach its counter, as lost', () => {
    const gap = { line: 'B', day: 'D', tickets: 2, distinct: 2, min: 1, max: 3, lastNo: 3 };
    const behind = { line: 'C', day: 'D', tickets: 3, distinct: 3, min: 1, max: 3, lastNo: 4 };
    const fromTwo = { line: 'E', day: 'D', tickets: 2, distinct: 2, min: 2, max: 3, lastNo: 3 };
    const result = judgeFloor(flow(), {
      ...found,
      numbering: [...found.numbering, gap, behind, fromTwo],
    });
    expect(result).toMatchObject({ lost: 3, twice: 0 });
    expect(result.reasons[0]).toContain('line B on D');
  });

  it('counts a ticket called by two sessions, or twice, as processed twice', () => {
    const atF2 = { sequence: 14, kind: 'CALLED', ticketCode: 'C0', counterCode: 'F2' };
    const both = judgeFloor(
      { ...flow([11, 12, 13, 14]), calls: [...calls, call('F2', 'C0')] },
      { ...found, events: [...events, atF2] },
    );
    expect(both).toMatchObject({ lost: 0, twice: 2 });
    expect(both.reasons).toEqual([
      'floor: tickets called by two sessions: 1',
      'floor: tickets called more than once: 1',
    ]);
    const again = judgeFloor(flow([11, 12, 13, 14]), {
      ...found,
      events: [...events, { sequence: 14, kind: 'CALLED', ticketCode: 'C0', counterCode: 'F1' }],
    });
    expect(again).toMatchObject({ lost: 0, twice: 1 });
  });

  it('counts a call or a served acknowledged without its record as lost', () => {
    const withoutC1 = [events[0], { ...events[2], sequence: 12 }];
    const noCall = judgeFloor(flow([11, 12]), { ...found, events: withoutC1 });
    expect(noCall).toMatchObject({ lost: 1, twice: 0 });
    expect(noCall.reasons).toEqual([
      'floor: calls acknowledged without a CALLED event at their counter: 1',
    ]);
    expect(
      judgeFloor(flow(), { ...found, called: [{ code: 'C0', status: 'CALLED' }, found.called[1]] }),
    ).toMatchObject({ lost: 1, twice: 0 });
  });

  it('counts display events missed or out of order as lost, and repeated as twice', () => {
    expect(judgeFloor(flow([11, 13]), found)).toMatchObject({ lost: 1, twice: 0 });
    expect(judgeFloor(flow([11, 13, 12]), found)).toMatchObject({ lost: 1, twice: 0 });
    expect(judgeFloor(flow([11, 12, 12, 13]), found)).toMatchObject({ lost: 0, twice: 1 });
    const gapInDb = { ...found, events: [events[0], events[2]] };
    expect(judgeFloor(flow([11, 13]), gapInDb).reasons).toContain(
      'floor: floor events not numbered without gaps in the database: 1',
    );
  });
});
