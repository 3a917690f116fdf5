import { randomUUID } from 'node:crypto';
import type { AuditResult } from './audit';
import { ResumableStream, type StreamRecord, newStreamRecord } from './live';
import type { Answer, Authorize, PlannedRequest, Sent } from './load';
import {
  ATTEMPTS,
  SteadyLoad,
  describeFailures,
  describeRetries,
  failureOf,
  worthRetrying as retriedByTheLoad,
} from './load';

/** The floor the harness sets up once, as the mall's admin: lines over DUKCAPIL's services. */
export const FLOOR_AGENCY = 'DUKCAPIL';
export const FLOOR_LINES: readonly { prefix: string; serviceCodes: readonly string[] }[] = [
  { prefix: 'A', serviceCodes: ['DUKCAPIL-KK', 'DUKCAPIL-KTP-EL'] },
  { prefix: 'B', serviceCodes: ['DUKCAPIL-AKTA-LAHIR'] },
];
export const FLOOR_SERVICES = FLOOR_LINES.flatMap((line) => line.serviceCodes);
/** Two counters, each staffed by a DUKCAPIL officer of its own calling from every line. */
export const FLOOR_COUNTERS = ['F1', 'F2'] as const;

/** The `n`th kiosk ticket of the run: the floor's services in turn, a walk-in to apply. Pure. */
export function plannedTicket(n: number): PlannedRequest {
  return { body: { serviceCode: FLOOR_SERVICES[n % FLOOR_SERVICES.length] } };
}

/** What a 201 acknowledges: the ticket's own code and its number on its line and day. */
export interface TicketReceipt {
  code: string;
  ticketNo: string;
  line: string;
  day: string;
}

export function ticketReceiptOf(text: string): TicketReceipt | undefined {
  try {
    const body = JSON.parse(text) as {
      code?: unknown;
      ticketNo?: unknown;
      line?: { prefix?: unknown };
      day?: unknown;
    };
    const { code, ticketNo, day } = body;
    const line = body.line?.prefix;
    return typeof code === 'string' &&
      typeof ticketNo === 'string' &&
      typeof line === 'string' &&
      typeof day === 'string'
      ? { code, ticketNo, line, day }
      : undefined;
  } catch {
    return undefined;
  }
}

export type TicketSent = Sent<PlannedRequest, TicketReceipt>;

/** One call at a counter: what the officer was answered, and whether the ticket was served. */
export interface CallRecord {
  counterCode: string;
  /** The last attempt's answer to the call. */
  answer: Answer;
  attempts: number;
  /** The ticket called, from the 201 (the same on a retry with the call's key). */
  ticketCode?: string;
  ticketNo?: string;
  /** Served acknowledged: a 200, or a 409 `queue_no_ticket_called` on a retry (done before). */
  served: boolean;
  servedAnswer?: Answer;
}

export interface FloorOptions {
  gatewayUrl: string;
  /** Kiosk tickets per second. */
  perSecond: number;
  timeoutMs: number;
  kiosk: Authorize;
  /** Each officer's counter and headers; one session each, for every service of the floor. */
  officers: readonly { counterCode: string; headers: Authorize }[];
  /** The last floor event before the row: the display asks for those after it. */
  displayAfter: number;
}

/** What a client retries at a counter: no answer, a service unavailable, its key still in flight. */
function worthRetrying(answer: Answer, code: string | undefined): boolean {
  // A 409 at a counter is mostly the floor's own refusal (nothing waiting, a ticket in service).
  return answer === 409 ? code === 'idempotency_key_in_flight' : retriedByTheLoad(answer);
}

/** While nobody waits an officer asks again this much later: idle counters stay a light load. */
const NOTHING_WAITING_PAUSE_MS = 1000;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The problem's `code` of a refusal (RFC 9457 with the project's `code` member), if any. */
function problemCode(text: string): string | undefined {
  try {
    const code = (JSON.parse(text) as { code?: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

interface Attempted {
  answer: Answer;
  text: string;
  code?: string;
}

/**
 * The mall floor beside the applications (ADR 0036, 0037): kiosk tickets at a steady rate, each
 * with an `Idempotency-Key` and retried as the load retries; officers at counters of one agency
 * calling the next ticket and marking it served, each call with a key of its own kept over its
 * retries; and a display screen following the floor's events over server-sent events, resumed
 * with `Last-Event-ID` after any drop.
 */
export class FloorFlow {
  readonly calls: CallRecord[] = [];
  readonly display: StreamRecord = newStreamRecord();
  /** Sessions that could not be opened (or found): `F2: 503`. */
  readonly sessionFailures: string[] = [];
  /**
   * Every attempt at a counter by answer (`201`, `409 queue_nothing_waiting`, `timeout`;
   * `served 200`, …): how often.
   */
  readonly answers: Record<string, number> = {};
  private readonly tickets: SteadyLoad<PlannedRequest, TicketReceipt>;
  private readonly stream: ResumableStream;
  private readonly officers: Promise<void>[] = [];
  private stopping = false;

  constructor(private readonly options: FloorOptions) {
    let n = 0;
    this.tickets = new SteadyLoad({
      url: `${options.gatewayUrl}/v1/queue/tickets`,
      perSecond: options.perSecond,
      timeoutMs: options.timeoutMs,
      next: () => plannedTicket(n++),
      authorize: options.kiosk,
      receiptOf: ticketReceiptOf,
    });
    this.stream = new ResumableStream(
      `${options.gatewayUrl}/v1/queue/display/events`,
      () => Promise.resolve({}),
      this.display,
      options.displayAfter,
    );
  }

  start(): void {
    this.stream.start();
    this.tickets.start();
    for (const officer of this.options.officers)
      this.officers.push(this.work(officer.counterCode, officer.headers));
  }

  /** Stops issuing and calling; each officer finishes the ticket at its counter first. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all([this.tickets.stop(), ...this.officers]);
  }

  /** After the drain: the display resumes once more and reads what it had not been sent. */
  settle(): Promise<void> {
    return this.stream.settle();
  }

  get sent(): readonly TicketSent[] {
    return this.tickets.sent;
  }

  private count(kind: string, attempted: Attempted): void {
    const key =
      attempted.code && typeof attempted.answer === 'number' && attempted.answer >= 400
        ? `${kind} ${attempted.code}`
        : kind;
    this.answers[key] = (this.answers[key] ?? 0) + 1;
  }

  private async post(
    path: string,
    headers: Authorize,
    options: { body?: unknown; key?: string } = {},
  ): Promise<Attempted> {
    try {
      const response = await fetch(`${this.options.gatewayUrl}${path}`, {
        method: 'POST',
        headers: {
          ...(await headers()),
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(options.key ? { 'idempotency-key': options.key } : {}),
        },
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      const text = await response.text();
      return { answer: response.status, text, code: problemCode(text) };
    } catch (error) {
      return { answer: failureOf(error), text: String(error) };
    }
  }

  /** The officer's open session, or one opened now for every service of the floor. */
  private async session(counterCode: string, headers: Authorize): Promise<string | undefined> {
    const key = randomUUID();
    let last = '';
    for (let attempt = 1; attempt <= ATTEMPTS && !this.stopping; attempt++) {
      try {
        const current = await fetch(`${this.options.gatewayUrl}/v1/queue/sessions/current`, {
          headers: await headers(),
          signal: AbortSignal.timeout(this.options.timeoutMs),
        });
        const text = await current.text();
        if (current.status === 200) return (JSON.parse(text) as { sessionId: string }).sessionId;
      } catch {
        // Not known whether one is open: opening with the key finds out.
      }
      const opened = await this.post('/v1/queue/sessions', headers, {
        body: { counterCode, serviceCodes: FLOOR_SERVICES },
        key,
      });
      if (opened.answer === 201)
        return (JSON.parse(opened.text) as { sessionId: string }).sessionId;
      last = `open ${String(opened.answer)} ${opened.code ?? ''}`.trim();
      await sleep(1000 * attempt);
    }
    this.sessionFailures.push(`${counterCode}: ${last}`);
    return undefined;
  }

  /** One officer: call the next ticket, mark it served, again, until the row ends. */
  private async work(counterCode: string, headers: Authorize): Promise<void> {
    let sessionId: string | undefined;
    while (!this.stopping && !sessionId) sessionId = await this.session(counterCode, headers);
    if (!sessionId) return;
    const base = `/v1/queue/sessions/${sessionId}`;
    while (!this.stopping) {
      const key = randomUUID();
      const record: CallRecord = {
        counterCode,
        answer: 'network error',
        attempts: 0,
        served: false,
      };
      let attempted: Attempted;
      for (;;) {
        record.attempts += 1;
        attempted = await this.post(`${base}/calls`, headers, { key });
        record.answer = attempted.answer;
        this.count(String(attempted.answer), attempted);
        if (record.attempts >= ATTEMPTS || !worthRetrying(attempted.answer, attempted.code)) break;
        await sleep(1000 * record.attempts);
      }
      if (attempted.answer === 201) {
        const ticket = JSON.parse(attempted.text) as { code: string; ticketNo: string };
        record.ticketCode = ticket.code;
        record.ticketNo = ticket.ticketNo;
        this.calls.push(record);
        await this.serve(base, headers, record);
      } else if (attempted.code === 'queue_nothing_waiting') {
        await sleep(NOTHING_WAITING_PAUSE_MS);
      } else if (attempted.code === 'queue_ticket_in_service') {
        // A ticket called by an attempt whose answers were all lost: finish it first.
        this.calls.push(record);
        await this.serve(base, headers, record);
      } else {
        this.calls.push(record);
        await sleep(1000);
      }
    }
  }

  private async serve(base: string, headers: Authorize, record: CallRecord): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const attempted = await this.post(`${base}/served`, headers);
      record.servedAnswer = attempted.answer;
      this.count(`served ${String(attempted.answer)}`, attempted);
      if (attempted.answer === 200) {
        record.served = true;
        return;
      }
      // Nothing at the counter on a retry: the attempt whose answer was lost served it.
      if (attempted.code === 'queue_no_ticket_called' && attempt > 1) {
        record.served = true;
        return;
      }
      if (attempt >= ATTEMPTS || !worthRetrying(attempted.answer, attempted.code)) return;
      await sleep(1000 * attempt);
    }
  }
}

/** `tickets 30 sent, 29 acknowledged (…); calls 25, 24 served; display 2 resumes (…)`. */
export function describeFloor(flow: {
  sent: readonly TicketSent[];
  calls: readonly CallRecord[];
  answers: Readonly<Record<string, number>>;
  display: StreamRecord;
  sessionFailures: readonly string[];
}): string {
  const failures = describeFailures(flow.sent);
  const retries = describeRetries(flow.sent);
  const called = flow.calls.filter((call) => call.ticketCode);
  const unanswered = new Map<string, number>();
  for (const call of flow.calls)
    if (!call.ticketCode)
      unanswered.set(String(call.answer), (unanswered.get(String(call.answer)) ?? 0) + 1);
  const endings = Object.entries(flow.display.endings)
    .map(([ending, n]) => `${ending}×${n}`)
    .join(', ');
  return (
    `kiosk tickets ${flow.sent.length} sent, ${flow.sent.filter((r) => r.receipt).length} acknowledged` +
    `${failures === '0' ? '' : `, non-2xx ${failures}`}${retries === '0' ? '' : `, ${retries}`}; ` +
    `calls ${called.length} acknowledged, ${called.filter((call) => call.served).length} served` +
    `${unanswered.size > 0 ? `, failed ${[...unanswered].map(([a, n]) => `${a}×${n}`).join(', ')}` : ''}` +
    `${flow.calls.filter((call) => call.attempts > 1).length > 0 ? `, ${flow.calls.filter((call) => call.attempts > 1).length} retried` : ''}` +
    ` (attempts answered ${
      Object.entries(flow.answers)
        .sort((a, b) => b[1] - a[1])
        .map(([answer, n]) => `${answer}×${n}`)
        .join(', ') || 'none'
    }); ` +
    `display ${flow.display.ids.length} events, ${flow.display.resumes} resumes with Last-Event-ID` +
    `${endings ? ` (connections ended: ${endings})` : ''}, ${flow.display.lateIds.length} only on the resume after the row` +
    `${flow.sessionFailures.length > 0 ? `; sessions not opened: ${flow.sessionFailures.join(', ')}` : ''}`
  );
}

/** What the audit read of the queue's database for a row. */
export interface FloorFound {
  /** Tickets in the database now, and before the row began. */
  tickets: { before: number; now: number };
  /** The stored tickets among the acknowledged codes. */
  stored: readonly string[];
  /** The row's issue keys the queue completed, with the code each answered. */
  keys: readonly { key: string; code: string }[];
  /** Per line and day (the whole database): how its numbers run. */
  numbering: readonly {
    line: string;
    day: string;
    tickets: number;
    distinct: number;
    min: number;
    max: number;
    lastNo: number | null;
  }[];
  /** The floor events after the display's start, by sequence: kind, ticket code, counter. */
  events: readonly { sequence: number; kind: string; ticketCode: string; counterCode: string }[];
  /** The status of the tickets the officers were answered with. */
  called: readonly { code: string; status: string }[];
}

/**
 * Lost: an acknowledged ticket not stored; a line's numbers of a day not running 1, 2, 3… to
 * its counter's last (a gap); a call acknowledged whose ticket has no CALLED event at that
 * counter, a ticket acknowledged served that is not SERVED; a floor event after the display's
 * start the display never received, or received out of order. Processed twice: tickets stored
 * beyond the row's completed keys (one request stored twice), two requests answered the same
 * ticket, a number given twice, a ticket called more than once or by two sessions, a floor
 * event received twice. Pure.
 */
export function judgeFloor(
  flow: {
    sent: readonly TicketSent[];
    calls: readonly CallRecord[];
    display: StreamRecord;
    displayAfter: number;
  },
  found: FloorFound,
): AuditResult {
  const reasons: string[] = [];
  let lost = 0;
  let twice = 0;
  const count = (n: number, why: string, into: 'lost' | 'twice') => {
    if (n <= 0) return;
    reasons.push(`floor: ${why}: ${n}`);
    if (into === 'lost') lost += n;
    else twice += n;
  };

  const acknowledged = flow.sent.flatMap((r) => (r.receipt ? [r.receipt] : []));
  const stored = new Set(found.stored);
  count(
    acknowledged.filter((r) => !stored.has(r.code)).length,
    'tickets acknowledged and not stored',
    'lost',
  );
  const codes = new Map<string, number>();
  for (const r of acknowledged) codes.set(r.code, (codes.get(r.code) ?? 0) + 1);
  count(
    [...codes.values()].filter((n) => n > 1).length,
    'tickets answered to two requests',
    'twice',
  );
  count(
    found.tickets.now - found.tickets.before - found.keys.length,
    "tickets stored beyond the row's completed keys",
    'twice',
  );

  for (const group of found.numbering) {
    const where = `line ${group.line} on ${group.day}`;
    if (group.distinct < group.tickets)
      count(group.tickets - group.distinct, `numbers given twice on ${where}`, 'twice');
    if (group.min !== 1 || group.max !== group.distinct || (group.lastNo ?? 0) !== group.max)
      count(
        1,
        `numbers of ${where} not 1…${group.lastNo ?? '?'} without gaps (${group.distinct} numbers, ${group.min}–${group.max})`,
        'lost',
      );
  }

  const calledAt = new Map<string, Set<string>>();
  const calledTimes = new Map<string, number>();
  for (const event of found.events) {
    if (event.kind !== 'CALLED') continue;
    calledAt.set(
      event.ticketCode,
      (calledAt.get(event.ticketCode) ?? new Set()).add(event.counterCode),
    );
    calledTimes.set(event.ticketCode, (calledTimes.get(event.ticketCode) ?? 0) + 1);
  }
  const status = new Map(found.called.map((t) => [t.code, t.status]));
  const answered = flow.calls.filter((call) => call.ticketCode);
  count(
    answered.filter((call) => !calledAt.get(call.ticketCode!)?.has(call.counterCode)).length,
    'calls acknowledged without a CALLED event at their counter',
    'lost',
  );
  count(
    answered.filter((call) => call.served && status.get(call.ticketCode!) !== 'SERVED').length,
    'tickets acknowledged served and not SERVED',
    'lost',
  );
  const sessionsOf = new Map<string, Set<string>>();
  for (const call of answered)
    sessionsOf.set(
      call.ticketCode!,
      (sessionsOf.get(call.ticketCode!) ?? new Set()).add(call.counterCode),
    );
  count(
    new Set([
      ...[...sessionsOf].filter(([, counters]) => counters.size > 1).map(([code]) => code),
      ...[...calledAt].filter(([, counters]) => counters.size > 1).map(([code]) => code),
    ]).size,
    'tickets called by two sessions',
    'twice',
  );
  count(
    [...calledTimes.values()].filter((n) => n > 1).length,
    'tickets called more than once',
    'twice',
  );

  // The display: every event after its start, once, in sequence order.
  const ids = flow.display.ids;
  const seen = new Set(ids);
  count(ids.length - seen.size, 'floor events the display received twice', 'twice');
  count(
    ids.filter((id, i) => i > 0 && id < ids[i - 1] && ids.indexOf(id) === i).length,
    'floor events the display received out of order',
    'lost',
  );
  const expected = found.events.map((event) => event.sequence);
  const gapless = expected.every((sequence, i) => sequence === flow.displayAfter + i + 1);
  if (!gapless) count(1, 'floor events not numbered without gaps in the database', 'lost');
  count(
    expected.filter((sequence) => !seen.has(sequence)).length,
    'floor events the display never received',
    'lost',
  );
  return { lost, twice, reasons };
}
