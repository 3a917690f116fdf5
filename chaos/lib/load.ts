import { type PlannedApplication } from './applicants';
import { type Acknowledged } from './audit';

/** What became of one request: an HTTP status, or why there was none. */
export type Answer = number | 'timeout' | 'refused' | 'reset' | 'network error';

export interface Receipt {
  applicationId: string;
  trackingNo: string;
}

export interface Sent {
  sentAt: number;
  planned: PlannedApplication;
  /** Unset while the request is in flight. */
  answer?: Answer;
  answeredAt?: number;
  /** Set for a 201 whose body is a receipt: the application is acknowledged. */
  receipt?: Receipt;
  /** The start of any other answer's body, or the error: what the client was told. */
  detail?: string;
}

export interface LoadOptions {
  /** `http://127.0.0.1:<port>/v1/applications` */
  url: string;
  perSecond: number;
  timeoutMs: number;
  /** The next application to send; each call must give a new one. */
  next: () => PlannedApplication;
  /** The caller's headers for one request (its access token): each application its own caller. */
  authorize?: Authorize;
}

export type Authorize = () => Promise<Record<string, string>>;

/**
 * POSTs applications at a steady rate, whatever the answers: a client that does not slow down
 * when the system is in trouble, as the public's do not. Every request and its answer is kept.
 */
export class SteadyLoad {
  readonly sent: Sent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private startedAt = 0;

  constructor(private readonly options: LoadOptions) {}

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
    const record: Sent = { sentAt: Date.now(), planned: this.options.next() };
    this.sent.push(record);
    const done = post(
      this.options.url,
      record,
      this.options.timeoutMs,
      this.options.authorize,
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
  const record: Sent = { sentAt: Date.now(), planned };
  await post(url, record, timeoutMs, authorize);
  return record;
}

/** Fills in the answer of `record`; never rejects. */
async function post(
  url: string,
  record: Sent,
  timeoutMs: number,
  authorize?: Authorize,
): Promise<void> {
  try {
    const caller = authorize ? await authorize() : {};
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...caller },
      body: JSON.stringify(record.planned.body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    if (response.status === 201) record.receipt = receiptOf(text);
    if (!record.receipt) record.detail = text.slice(0, 300);
    record.answer = response.status;
  } catch (error) {
    record.answer = failureOf(error);
    const cause = (error as { cause?: unknown }).cause;
    record.detail = String(cause instanceof Error ? cause.message : error).slice(0, 300);
  }
  record.answeredAt = Date.now();
}

/** The acknowledged applications among `sent`, with what the audit needs to find them. */
export function acknowledgedOf(sent: readonly Sent[]): Acknowledged[] {
  return sent.flatMap(({ receipt, planned }) =>
    receipt
      ? [{ ...receipt, nik: planned.body.applicant.nik, agencyCode: planned.agencyCode }]
      : [],
  );
}

function receiptOf(text: string): Receipt | undefined {
  try {
    const body = JSON.parse(text) as Partial<Receipt>;
    if (typeof body.applicationId === 'string' && typeof body.trackingNo === 'string') {
      return { applicationId: body.applicationId, trackingNo: body.trackingNo };
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
  sent: readonly Sent[],
  from: number,
  to: number,
  minimum = 5,
): boolean {
  let count = 0;
  for (let i = sent.length - 1; i >= 0; i--) {
    const record = sent[i];
    if (record.sentAt > to) continue;
    if (record.sentAt < from) break;
    if (record.answer !== 201) return false;
    count += 1;
  }
  return count >= minimum;
}

/** `503×120, 504×3, refused×40`: every answer but a 201 receipt, most frequent first; `0` if none. */
export function describeFailures(sent: readonly Sent[]): string {
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

/** The first answer of each kind that was not a receipt, as the client saw it. */
export function sampleFailures(sent: readonly Sent[]): string[] {
  const seen = new Map<string, string>();
  for (const { answer, receipt, detail } of sent) {
    if (answer === undefined || receipt) continue;
    const key = String(answer);
    if (!seen.has(key)) seen.set(key, `${key}: ${detail ?? ''}`);
  }
  return [...seen.values()];
}
