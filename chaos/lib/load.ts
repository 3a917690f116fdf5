import { randomUUID } from 'node:crypto';
import { type PlannedApplication } from './applicants';
import { type Acknowledged } from './audit';

/** What became of one request: an HTTP status, or why there was none. */
export type Answer = number | 'timeout' | 'refused' | 'reset' | 'network error';

export interface Receipt {
  applicationId: string;
  trackingNo: string;
}

/** What a load sends: a body, and where when not the load's own URL. */
export interface PlannedRequest {
  body: unknown;
  /** Where it is sent, when not the load's URL (a path on the same server). */
  path?: string;
}

/** One request the load sent and what became of it; by default an application and its receipt. */
export interface Sent<P extends PlannedRequest = PlannedApplication, R = Receipt> {
  sentAt: number;
  planned: P;
  /** Sent with every attempt: a retry after a lost answer must not apply twice. */
  idempotencyKey: string;
  /** The first attempt's answer: what the system answered at `sentAt`. */
  firstAnswer?: Answer;
  /** Attempts after the first (the same request, same key), for answers worth retrying. */
  retries: number;
  /** The last attempt's answer. Unset while the request is in flight. */
  answer?: Answer;
  answeredAt?: number;
  /** Set for a 201 whose body is a receipt: the application (or what else was sent) is acknowledged. */
  receipt?: R;
  /** The start of any other answer's body, or the error: what the client was told. */
  detail?: string;
}

export interface LoadOptions<P extends PlannedRequest = PlannedApplication, R = Receipt> {
  /** `http://127.0.0.1:<port>/v1/applications` */
  url: string;
  perSecond: number;
  timeoutMs: number;
  /** The next application (or request) to send; each call must give a new one. */
  next: () => P;
  /** The caller's headers for one request (its access token): each application its own caller. */
  authorize?: Authorize;
  /** What a 201's body acknowledges: `receiptOf` for applications. */
  receiptOf: (text: string) => R | undefined;
}

export type Authorize = () => Promise<Record<string, string>>;

/** Attempts per request: the first and two retries, 1 s then 2 s after a failed one. */
export const ATTEMPTS = 3;
const RETRY_AFTER_MS = 1000;

/**
 * What a client on a flaky network retries, with the same `Idempotency-Key`: no answer (the
 * application may or may not have been stored), the gateway or a service unavailable, and the
 * key's first request still in flight.
 */
export function worthRetrying(answer: Answer): boolean {
  return (
    typeof answer !== 'number' ||
    answer === 409 ||
    answer === 502 ||
    answer === 503 ||
    answer === 504
  );
}

/**
 * POSTs applications at a steady rate, whatever the answers: a client that does not slow down
 * when the system is in trouble, as the public's do not. A request without a useful answer is
 * retried with its `Idempotency-Key`, as a careful client does, so an answer lost after the
 * application was stored is where a second application would appear. Every request and its
 * answers are kept.
 */
export class SteadyLoad<P extends PlannedRequest = PlannedApplication, R = Receipt> {
  readonly sent: Sent<P, R>[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private startedAt = 0;

  constructor(private readonly options: LoadOptions<P, R>) {}

  start(): void {
    this.startedAt = Date.now();
    // Paced by the clock, not by the timer, which drifts when the machine is busy.
    this.timer = setInterval(() => {
      const due = Math.floor(((Date.now() - this.startedAt) / 1000) * this.options.perSecond);
      while (this.sent.length < due) this.send();
    }, 10);
  }

  /** Stops sending and waits for the answers still due (each at most the client timeout). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await Promise.all([...this.inFlight]);
  }

  private send(): void {
    const record = newRecord<P, R>(this.options.next());
    this.sent.push(record);
    const done = post(
      this.options.url,
      record,
      this.options.timeoutMs,
      this.options.authorize,
      this.options.receiptOf,
    ).finally(() => this.inFlight.delete(done));
    this.inFlight.add(done);
  }
}

/** POSTs one application and waits for its answer (or the client timeout). */
export async function submit(
  url: string,
  planned: PlannedApplication,
  timeoutMs: number,
  authorize?: Authorize,
): Promise<Sent> {
  const record = newRecord<PlannedApplication, Receipt>(planned);
  await post(url, record, timeoutMs, authorize, receiptOf);
  return record;
}

function newRecord<P extends PlannedRequest, R>(planned: P): Sent<P, R> {
  return { sentAt: Date.now(), planned, idempotencyKey: randomUUID(), retries: 0 };
}

/** Fills in the answers of `record`, retrying what is worth it; never rejects. */
async function post<P extends PlannedRequest, R>(
  url: string,
  record: Sent<P, R>,
  timeoutMs: number,
  authorize: Authorize | undefined,
  receipt: (text: string) => R | undefined,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await attemptOnce(url, record, timeoutMs, authorize, receipt);
    record.firstAnswer ??= record.answer;
    if (attempt === ATTEMPTS || !worthRetrying(record.answer!)) return;
    await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_MS * attempt));
    record.retries += 1;
  }
}

async function attemptOnce<P extends PlannedRequest, R>(
  url: string,
  record: Sent<P, R>,
  timeoutMs: number,
  authorize: Authorize | undefined,
  receipt: (text: string) => R | undefined,
): Promise<void> {
  record.detail = undefined;
  try {
    const caller = authorize ? await authorize() : {};
    const target = record.planned.path ? new URL(record.planned.path, url).toString() : url;
    const response = await fetch(target, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': record.idempotencyKey,
        ...caller,
      },
      body: JSON.stringify(record.planned.body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    if (response.status === 201) record.receipt = receipt(text);
    if (!record.receipt) record.detail = text.slice(0, 300);
    record.answer = response.status;
  } catch (error) {
    record.answer = failureOf(error);
    const cause = (error as { cause?: unknown }).cause;
    record.detail = String(cause instanceof Error ? cause.message : error).slice(0, 300);
  }
  record.answeredAt = Date.now();
}

/** Any load's record, for what reads only the answers. */
type AnySent = Sent<PlannedRequest, unknown>;

/** The acknowledged applications among `sent`, with what the audit needs to find them. */
export function acknowledgedOf(sent: readonly Sent[]): Acknowledged[] {
  return sent.flatMap(({ receipt, planned }) =>
    receipt
      ? [{ ...receipt, nik: planned.body.applicant.nik, agencyCode: planned.agencyCode }]
      : [],
  );
}

/**
 * The application a 201 acknowledges: an application's receipt, or a bundle case's first opened
 * step (what must reach its agency and the timeline exactly once).
 */
export function receiptOf(text: string): Receipt | undefined {
  try {
    const body = JSON.parse(text) as Partial<Receipt> & {
      steps?: { application?: Partial<Receipt> }[];
    };
    const receipt = body.steps ? body.steps.find((step) => step.application)?.application : body;
    if (typeof receipt?.applicationId === 'string' && typeof receipt.trackingNo === 'string') {
      return { applicationId: receipt.applicationId, trackingNo: receipt.trackingNo };
    }
  } catch {
    // Not a receipt: counted by its status only.
  }
  return undefined;
}

/** Why fetch got no answer: its error wraps the socket's in `cause`. */
export function failureOf(error: unknown): Answer {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return 'timeout';
  const code = ((error as { cause?: { code?: unknown } } | null)?.cause?.code ?? '') as string;
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return 'reset';
  return 'network error';
}

/**
 * Whether the load is served right now: the requests sent between `from` and `to` (at least
 * `minimum` of them) have all been answered 201. One still in flight, or none sent, is not yet.
 */
export function servedBetween(
  sent: readonly AnySent[],
  from: number,
  to: number,
  minimum = 5,
): boolean {
  let count = 0;
  for (let i = sent.length - 1; i >= 0; i--) {
    const record = sent[i];
    if (record.sentAt > to) continue;
    if (record.sentAt < from) break;
    // The first answer: a request that succeeded only on a retry was not served when it was sent.
    if (record.firstAnswer !== 201) return false;
    count += 1;
  }
  return count >= minimum;
}

/** `503×120, 504×3, refused×40`: every answer but a 201 receipt, most frequent first; `0` if none. */
export function describeFailures(sent: readonly AnySent[]): string {
  const counts = new Map<string, number>();
  for (const { answer, receipt } of sent) {
    if (answer === undefined || (answer === 201 && receipt)) continue;
    const key = answer === 201 ? '201 without a receipt' : String(answer);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  if (counts.size === 0) return '0';
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([answer, n]) => `${answer}×${n}`)
    .join(', ');
}

/**
 * `0–5 s: 201×200 · 5–10 s: timeout×120, 201×80`: the first answers of the requests sent in each
 * span of `spanMs` from `from` on, so a row shows when the system answered again, not only that
 * it did (a slow recovery and a late relapse look the same in the totals).
 */
export function firstAnswersOverTime(sent: readonly Sent[], from: number, spanMs = 5000): string {
  const spans = new Map<number, Map<string, number>>();
  for (const { sentAt, firstAnswer } of sent) {
    if (sentAt < from || firstAnswer === undefined) continue;
    const span = Math.floor((sentAt - from) / spanMs);
    const counts = spans.get(span) ?? new Map<string, number>();
    spans.set(span, counts);
    counts.set(String(firstAnswer), (counts.get(String(firstAnswer)) ?? 0) + 1);
  }
  if (spans.size === 0) return 'none sent';
  return [...spans]
    .sort(([a], [b]) => a - b)
    .map(([span, counts]) => {
      const answers = [...counts]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([answer, n]) => `${answer}×${n}`)
        .join(', ');
      return `${(span * spanMs) / 1000}–${((span + 1) * spanMs) / 1000} s: ${answers}`;
    })
    .join(' · ');
}

/** `41 retried, 38 acknowledged on a retry`: the retries the load made; `0` if none. */
export function describeRetries(sent: readonly AnySent[]): string {
  const retried = sent.filter((record) => record.retries > 0);
  if (retried.length === 0) return '0';
  const saved = retried.filter((record) => record.receipt).length;
  const attempts = retried.reduce((sum, record) => sum + record.retries, 0);
  return `${retried.length} retried (${attempts} retries), ${saved} acknowledged on a retry`;
}

/** The first answer of each kind that was not a receipt, as the client saw it. */
export function sampleFailures(sent: readonly AnySent[]): string[] {
  const seen = new Map<string, string>();
  for (const { answer, receipt, detail } of sent) {
    if (answer === undefined || receipt) continue;
    const key = String(answer);
    if (!seen.has(key)) seen.set(key, `${key}: ${detail ?? ''}`);
  }
  return [...seen.values()];
}
