import type { AuditResult } from './audit';

/** What one resumable client of a live stream received, over all its connections. */
export interface StreamRecord {
  /** Event ids (entry sequences) in the order they arrived, over every connection. */
  ids: number[];
  /** Connections after the first: a cut stream resumed with `Last-Event-ID`. */
  resumes: number;
  /** Events that arrived only on the resume after the row: never announced while connected. */
  lateIds: number[];
  /** How each connection ended: `ended` (by the server), an answer other than 200, `error`. */
  endings: Record<string, number>;
}

/** What one follower of a case's live timeline received. */
export interface Followed extends StreamRecord {
  applicationId: string;
  trackingNo: string;
}

export const newStreamRecord = (): StreamRecord => ({
  ids: [],
  resumes: 0,
  lateIds: [],
  endings: {},
});

export interface LiveOptions {
  gatewayUrl: string;
  /** Headers that let the follower read the case (an officer of its agency). */
  headers: () => Promise<Record<string, string>>;
  /** Cases followed a row: each holds a stream open at the gateway. */
  max: number;
}

const RESUME_AFTER_MS = 500;
/** The resume after the row reads what the replay sends, until the stream is quiet this long. */
const QUIET_MS = 1500;

/**
 * One client of a live stream (ADR 0024) while the fault happens, as a careful client does: a
 * stream that ends or breaks is opened again with `Last-Event-ID`, the last id received (or
 * `after` before any). `settle` ends it and resumes once more, to collect what was committed
 * but never announced (the documented way such an event reaches a client).
 */
export class ResumableStream {
  private readonly abort = new AbortController();
  private running: Promise<void> | undefined;

  constructor(
    private readonly url: string,
    private readonly headers: () => Promise<Record<string, string>>,
    readonly record: StreamRecord,
    /** The last event the client had before its first connection; none: it starts afresh. */
    private readonly after?: number,
  ) {}

  start(): void {
    this.running ??= this.keepFollowing();
  }

  /**
   * Ends the live stream, then resumes once and reads its replay until it is quiet. A resume
   * refused (the gateway may still count the stream just ended against the caller: 429) is
   * tried again, up to ten times.
   */
  async settle(): Promise<void> {
    this.abort.abort();
    await this.running;
    for (let attempt = 0; attempt < 10; attempt++) {
      const quiet = new AbortController();
      let timer = setTimeout(() => quiet.abort(), QUIET_MS);
      const ending = await this.readStream(quiet.signal, (id) => {
        this.record.lateIds.push(id);
        clearTimeout(timer);
        timer = setTimeout(() => quiet.abort(), QUIET_MS);
      }).catch(() => (quiet.signal.aborted ? 'quiet' : 'error'));
      clearTimeout(timer);
      if (ending === 'quiet' || ending === 'ended') return;
      const key = `last resume ${ending}`;
      this.record.endings[key] = (this.record.endings[key] ?? 0) + 1;
      await new Promise((resolve) => setTimeout(resolve, RESUME_AFTER_MS));
    }
  }

  private async keepFollowing(): Promise<void> {
    let first = true;
    while (!this.abort.signal.aborted) {
      if (!first) this.record.resumes += 1;
      first = false;
      const ending = await this.readStream(this.abort.signal, () => undefined).catch(() => 'error');
      if (this.abort.signal.aborted) return;
      this.record.endings[ending] = (this.record.endings[ending] ?? 0) + 1;
      await new Promise((resolve) => setTimeout(resolve, RESUME_AFTER_MS));
    }
  }

  /** One connection: every event's id goes into `ids` (and to `onId`) until it ends. */
  private async readStream(signal: AbortSignal, onId: (id: number) => void): Promise<string> {
    const { ids } = this.record;
    const last = ids.length > 0 ? ids[ids.length - 1] : this.after;
    const response = await fetch(this.url, {
      headers: {
        accept: 'text/event-stream',
        ...(await this.headers()),
        ...(last === undefined ? {} : { 'last-event-id': String(last) }),
      },
      signal,
    });
    if (response.status !== 200 || !response.body) {
      await response.body?.cancel().catch(() => undefined);
      return String(response.status);
    }
    const decoder = new TextDecoder();
    let buffered = '';
    for await (const chunk of response.body) {
      buffered += decoder.decode(chunk as Uint8Array, { stream: true });
      let end: number;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const id = eventId(buffered.slice(0, end));
        buffered = buffered.slice(end + 2);
        if (id === undefined) continue;
        ids.push(id);
        onId(id);
      }
    }
    return 'ended';
  }
}

/**
 * Clients following walked cases over `GET /v1/applications/{trackingNo}/events` while the
 * fault happens, each a `ResumableStream`.
 */
export class LiveFollowers {
  readonly followed: Followed[] = [];
  private readonly streams: ResumableStream[] = [];
  private settled = false;

  constructor(private readonly options: LiveOptions) {}

  follow(applicationId: string, trackingNo: string): void {
    if (this.followed.length >= this.options.max || this.settled) return;
    const followed: Followed = { applicationId, trackingNo, ...newStreamRecord() };
    this.followed.push(followed);
    const stream = new ResumableStream(
      `${this.options.gatewayUrl}/v1/applications/${trackingNo}/events`,
      this.options.headers,
      followed,
    );
    this.streams.push(stream);
    stream.start();
  }

  /** Ends the live streams, then resumes each once and reads its replay until it is quiet. */
  async settle(): Promise<void> {
    this.settled = true;
    await Promise.all(this.streams.map((stream) => stream.settle()));
  }
}

/** `ended×3, 503×2`: how the followers' connections ended, most frequent first. */
export function describeEndings(followed: readonly StreamRecord[]): string {
  const total = new Map<string, number>();
  for (const follower of followed)
    for (const [ending, n] of Object.entries(follower.endings))
      total.set(ending, (total.get(ending) ?? 0) + n);
  return (
    [...total]
      .sort((a, b) => b[1] - a[1])
      .map(([ending, n]) => `${ending}×${n}`)
      .join(', ') || 'none'
  );
}

/** The `id:` of one server-sent event block, if it is an event with a numeric id. */
export function eventId(block: string): number | undefined {
  const line = block.split('\n').find((text) => text.startsWith('id:'));
  if (!line) return undefined;
  const id = Number(line.slice(3).trim());
  return Number.isInteger(id) ? id : undefined;
}

/**
 * Lost: a followed case whose stream skipped an entry, or ended (after the last resume) short of
 * the last entry tracking recorded. Twice: an entry received more than once. Entries that came
 * only on the last resume are no fault (the design hands a missed announcement over then) but
 * the notes count them.
 */
export function judgeLive(
  followed: readonly Followed[],
  recorded: ReadonlyMap<string, number>,
): AuditResult & { late: number } {
  const lost = new Map<string, Set<string>>();
  const twice = new Map<string, Set<string>>();
  const note = (into: Map<string, Set<string>>, why: string, id: string) =>
    into.set(why, (into.get(why) ?? new Set()).add(id));
  let late = 0;
  for (const follower of followed) {
    const { ids, applicationId: id } = follower;
    if (ids.length !== new Set(ids).size) note(twice, 'an entry received twice', id);
    const skipped = ids.some((seen, i) => i > 0 && seen > ids[i - 1] + 1) || (ids[0] ?? 0) !== 0;
    if (skipped) note(lost, 'an entry skipped', id);
    const last = recorded.get(id);
    if (last !== undefined && (ids.length === 0 || Math.max(...ids) < last))
      note(lost, 'the stream ended short of the last entry', id);
    if (follower.lateIds.length > 0) late += 1;
  }
  const cases = (map: Map<string, Set<string>>) =>
    new Set([...map.values()].flatMap((set) => [...set])).size;
  return {
    lost: cases(lost),
    twice: cases(twice),
    reasons: [...lost, ...twice].map(([why, set]) => `live: ${why}: ${set.size} cases`),
    late,
  };
}
