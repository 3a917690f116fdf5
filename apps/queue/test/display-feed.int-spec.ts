import {
  FLOOR_BOARD_EVENTS,
  TicketCalled,
  TicketClosed,
  type FloorEventV1,
} from '@satupintu/contracts';
import {
  EventStream,
  ServiceProcess,
  eventually,
  queryServiceDb,
  testEnvironment,
} from '@satupintu/testing';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { eventSubject } from '@satupintu/messaging';
import { randomUUID } from 'node:crypto';

const AGENCY = 'DUKCAPIL';
/** A counter code of this suite's own: other suites' calls may share the feed. */
const COUNTER = `D${randomUUID().replace(/\D/g, '').slice(0, 6)}`;

/**
 * The display feed (GET /v1/queue/display/events) across the real gateway and queue service: every
 * call, recall, served and no-show once and in order; resumed with Last-Event-ID without missing
 * or repeating one; a lost announcement filled from the replay; a replay longer than one answer.
 * The floor events are recorded here the way calling records them (a row numbered from
 * `floor_sequence` in its own transaction, then the `TicketCalled`/`TicketClosed` event on
 * JetStream as the outbox publishes it after commit); the calling itself is tested in its suites.
 */
describe('the display feed as server-sent events', () => {
  let services: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  let ticket = 0;
  let nats: NatsConnection;

  beforeAll(async () => {
    services = await Promise.all([
      ServiceProcess.start('queue'),
      ServiceProcess.start('gateway', { LIVE_HEARTBEAT_MS: '300' }),
    ]);
    gateway = services[1];
    nats = await connect({ servers: testEnvironment().NATS_URL.split(',') });
    await queryServiceDb(
      ['queue'],
      `INSERT INTO counters (code, agency_code, name, active, changed_at)
       VALUES ($1, $2, $3, true, now())`,
      [COUNTER, AGENCY, `Loket ${COUNTER}`],
    );
  });

  afterAll(async () => {
    await nats?.close();
    await Promise.all(services.map((service) => service.stop()));
  });

  const open = async (headers: Record<string, string> = {}): Promise<EventStream> => {
    const opened = await EventStream.open(`${gateway.url}/v1/queue/display/events`, headers);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('content-type')).toMatch(/^text\/event-stream/);
    return opened.stream!;
  };

  /** One floor event, committed, and announced unless `announce` is false: its sequence. */
  const record = async (kind: 'CALLED' | 'RECALLED' | 'SERVED' | 'NO_SHOW', announce = true) => {
    const ticketNo = `B-${String((ticket = (ticket % 9999) + 1)).padStart(3, '0')}`;
    const ticketId = randomUUID();
    const [row] = await queryServiceDb<{ sequence: string; at: Date }>(
      ['queue'],
      `WITH next AS (
         UPDATE floor_sequence SET last_sequence = last_sequence + 1 RETURNING last_sequence)
       INSERT INTO floor_events
         (sequence, kind, ticket_id, ticket_no, line, service_code, agency_code, counter_code, at)
       SELECT last_sequence, $1, $2, $3, 'B', 'DUKCAPIL-KTP', $4, $5, now() FROM next
       RETURNING sequence, at`,
      [kind, ticketId, ticketNo, AGENCY, COUNTER],
    );
    const sequence = Number(row.sequence);
    if (announce) await announceEvent(kind, sequence, ticketId, ticketNo, row.at);
    return { sequence, ticketNo };
  };

  const announceEvent = async (
    kind: string,
    sequence: number,
    ticketId: string,
    ticketNo: string,
    at: Date,
  ) => {
    const env = testEnvironment();
    const common = {
      sequence,
      ticketId,
      ticketNo,
      line: 'B',
      serviceCode: 'DUKCAPIL-KTP',
      agencyCode: AGENCY,
      counterCode: COUNTER,
    };
    const [event, payload] =
      kind === 'CALLED' || kind === 'RECALLED'
        ? [
            TicketCalled,
            { ...common, calls: kind === 'CALLED' ? 1 : 2, calledAt: at.toISOString() },
          ]
        : [TicketClosed, { ...common, outcome: kind, closedAt: at.toISOString() }];
    // On the subject and with the payload the outbox relay publishes (JetStream keeps what is
    // published there; the feed listens on core NATS).
    nats.publish(eventSubject(env.SP_NAMESPACE, event.subject, AGENCY), JSON.stringify(payload));
    await nats.flush();
  };

  /** Each sequence once, each the one after the one before. */
  const expectConsecutive = (sequences: number[]) => {
    expect(sequences.length).toBeGreaterThan(0);
    expect(sequences).toEqual(sequences.map((_, i) => sequences[0] + i));
  };

  it('carries every call, recall, served and no-show once, in order, without personal data', async () => {
    const stream = await open();
    const kinds = ['CALLED', 'RECALLED', 'SERVED', 'CALLED', 'NO_SHOW'] as const;
    const recorded: Array<{ sequence: number; ticketNo: string }> = [];
    // Three callers at once, as three officers would: the sequence orders them all.
    for (let round = 0; round < 8; round++)
      recorded.push(...(await Promise.all(kinds.slice(0, 3).map((kind) => record(kind)))));
    for (const kind of kinds) recorded.push(await record(kind));
    const last = Math.max(...recorded.map((r) => r.sequence));
    await stream.hasReached(last);
    stream.close();

    const sequences = stream.sequences();
    expectConsecutive(sequences);
    const mine = stream.entries<FloorEventV1>().filter((e) => e.counterCode === COUNTER);
    expect(mine.map((e) => e.sequence)).toEqual(
      recorded.map((r) => r.sequence).sort((a, b) => a - b),
    );
    for (const event of stream.events.filter((e) => e.data.includes(COUNTER)))
      expect(event.event).toBe((JSON.parse(event.data) as FloorEventV1).kind.toLowerCase());
    expect(Object.keys(mine[0]).sort()).toEqual([
      'agencyCode',
      'at',
      'counterCode',
      'counterName',
      'kind',
      'line',
      'sequence',
      'ticketNo',
    ]);
    expect(mine[0]).toMatchObject({
      counterName: `Loket ${COUNTER}`,
      line: 'B',
      agencyCode: AGENCY,
    });
    expect(mine[0].at).toMatch(/\+07:00$/);
    expect(stream.events.map((e) => e.id)).toEqual(sequences.map(String));
    expect(stream.retry).toBe(3000);
  });

  it('resumes with Last-Event-ID: exactly what was missed, then live ones', async () => {
    const first = await open();
    let last = 0;
    for (let i = 0; i < 5; i++) last = (await record('CALLED')).sequence;
    await first.hasReached(last);
    first.close();
    const seen = first.sequences();
    const lastSeen = seen[seen.length - 1];

    // While the display is away.
    const missed: number[] = [];
    for (let i = 0; i < 5; i++) missed.push((await record('SERVED')).sequence);

    const second = await open({ 'last-event-id': String(lastSeen) });
    for (let i = 0; i < 5; i++) last = (await record('CALLED')).sequence;
    await second.hasReached(last);
    second.close();

    const resumed = second.sequences();
    expect(resumed[0]).toBe(lastSeen + 1);
    expectConsecutive(resumed);
    expect(resumed).toEqual(expect.arrayContaining(missed));
    expectConsecutive([...seen, ...resumed]);

    // The query parameter does the same for a client that cannot send the header.
    const third = await EventStream.open(
      `${gateway.url}/v1/queue/display/events?lastEventId=${lastSeen}`,
      {},
    );
    await third.stream!.hasReached(last);
    third.stream!.close();
    expect(third.stream!.sequences()).toEqual(resumed.filter((s) => s <= last));
  });

  it('fills a lost announcement from the replay, in order', async () => {
    const stream = await open();
    const lost = await record('CALLED', false);
    const next = await record('CALLED');
    await stream.hasReached(next.sequence);
    stream.close();
    expectConsecutive(stream.sequences());
    expect(stream.sequences()).toEqual(expect.arrayContaining([lost.sequence, next.sequence]));
  });

  it('replays more than one answer holds, and starts a new display with the latest of the day', async () => {
    const before = await record('CALLED');
    const stream = await open({ 'last-event-id': String(before.sequence) });
    // 600 events in one transaction (more than the 500 of one replay answer), one announcement.
    const [row] = await queryServiceDb<{ last: string }>(
      ['queue'],
      `WITH next AS (
         UPDATE floor_sequence SET last_sequence = last_sequence + 600
         RETURNING last_sequence - 600 AS first),
       made AS (
         INSERT INTO floor_events
           (sequence, kind, ticket_id, ticket_no, line, service_code, agency_code, counter_code, at)
         SELECT first + n, 'CALLED', gen_random_uuid(), 'B-' || lpad(n::text, 3, '0'), 'B',
                'DUKCAPIL-KTP', $1, $2, now()
           FROM next, generate_series(1, 600) n
         RETURNING sequence)
       SELECT max(sequence)::text AS last FROM made`,
      [AGENCY, COUNTER],
    );
    const last = Number(row.last);
    await announceEvent('CALLED', last, randomUUID(), 'B-600', new Date());
    await stream.hasReached(last);
    stream.close();
    expect(stream.sequences()[0]).toBe(before.sequence + 1);
    expectConsecutive(stream.sequences());

    const board = await open();
    // The board of the day comes first, in one piece: the latest 50, up to at least ours.
    await eventually(() => expect(board.events.length).toBeGreaterThanOrEqual(FLOOR_BOARD_EVENTS));
    const day = board.sequences().slice(0, FLOOR_BOARD_EVENTS);
    expectConsecutive(day);
    expect(day[day.length - 1]).toBeGreaterThanOrEqual(last);
    const latest = await record('NO_SHOW');
    await board.hasReached(latest.sequence);
    board.close();
    expectConsecutive(board.sequences());
    expect(board.sequences().slice(0, FLOOR_BOARD_EVENTS)).toEqual(day);
  });

  it('keeps an idle display open with heartbeats', async () => {
    const stream = await open();
    await eventually(() => expect(stream.comments).toContain('heartbeat'));
    stream.close();
  });

  it('answers a malformed Last-Event-ID with a problem document', async () => {
    const answer = await EventStream.open(`${gateway.url}/v1/queue/display/events`, {
      'last-event-id': 'B-017',
    });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(answer.body).toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ field: 'Last-Event-ID' })],
    });
  });
});
