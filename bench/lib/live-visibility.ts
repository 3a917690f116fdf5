import { performance } from 'node:perf_hooks';

/** How often a stream is asked again while it answers 404 (tracking has not heard of the case). */
const REOPEN_MS = 10;

export interface LiveVisibilityOptions {
  gatewayUrl: string;
  /** The caller's Authorization header (one who may read every timeline: the front desk). */
  headers: Record<string, string>;
  /** A valid `POST /v1/applications` body. */
  body: string;
  ratePerSecond: number;
  durationS: number;
  timeoutMs: number;
}

export interface LiveVisibilityResult {
  /** Applications that reached VERIFYING on their stream. */
  n: number;
  attempted: number;
  /** POST sent → its 201 received, ms: what of the rest is the submission itself. */
  accepted: Percentiles;
  /** POST sent → SUBMITTED (sequence 0) received on the case's stream, ms. */
  submitted: Percentiles;
  /** POST sent → VERIFYING (sequence 1, the agency's) received on the same stream, ms. */
  verifying: Percentiles;
  /** Times the stream answered 404 before tracking knew the case, over all applications. */
  reopened: number;
  failures: string[];
}

export interface Percentiles {
  p50: number;
  p99: number;
  max: number;
}

/**
 * Submit → visible in tracking, as a client following its case sees it: `POST
 * /v1/applications` through the gateway at a steady rate, then the case's live stream
 * (`GET …/events`), opened as soon as the 201 is in and opened again every REOPEN_MS while it
 * answers 404 (tracking has not consumed the submission yet), until SUBMITTED arrives on it;
 * then, on the same stream, the agency's VERIFYING, pushed when tracking commits it.
 */
export async function measureLiveVisibility(
  options: LiveVisibilityOptions,
): Promise<LiveVisibilityResult> {
  const total = Math.round(options.ratePerSecond * options.durationS);
  const intervalMs = 1000 / options.ratePerSecond;
  const accepted: number[] = [];
  const submitted: number[] = [];
  const verifying: number[] = [];
  const failures: string[] = [];
  let reopened = 0;
  const runs: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = start + i * intervalMs - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    runs.push(
      followOne(options).then(
        (one) => {
          accepted.push(one.accepted);
          submitted.push(one.submitted);
          verifying.push(one.verifying);
          reopened += one.reopened;
        },
        (error: unknown) =>
          void failures.push(error instanceof Error ? error.message : String(error)),
      ),
    );
  }
  await Promise.all(runs);
  return {
    n: verifying.length,
    attempted: total,
    accepted: percentiles(accepted),
    submitted: percentiles(submitted),
    verifying: percentiles(verifying),
    reopened,
    failures,
  };
}

async function followOne(
  options: LiveVisibilityOptions,
): Promise<{ accepted: number; submitted: number; verifying: number; reopened: number }> {
  const sent = performance.now();
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), options.timeoutMs);
  try {
    const post = await fetch(`${options.gatewayUrl}/v1/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body: options.body,
      signal: abort.signal,
    });
    const text = await post.text();
    const accepted = performance.now() - sent;
    if (post.status !== 201) throw new Error(`POST answered ${post.status}: ${text.slice(0, 200)}`);
    const { trackingNo } = JSON.parse(text) as { trackingNo: string };
    let reopened = 0;
    for (;;) {
      const stream = await fetch(`${options.gatewayUrl}/v1/applications/${trackingNo}/events`, {
        headers: { accept: 'text/event-stream', ...options.headers },
        signal: abort.signal,
      });
      if (stream.status === 404) {
        await stream.body?.cancel();
        reopened++;
        await new Promise((resolve) => setTimeout(resolve, REOPEN_MS));
        continue;
      }
      if (stream.status !== 200 || !stream.body)
        throw new Error(
          `GET …/events answered ${stream.status}: ${(await stream.text()).slice(0, 200)}`,
        );
      const seen = await untilVerifying(stream.body, sent);
      return { accepted, ...seen, reopened };
    }
  } catch (error) {
    if (abort.signal.aborted)
      throw new Error(`not VERIFYING on its stream within ${options.timeoutMs} ms`, {
        cause: error,
      });
    throw error;
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}

/** Reads events until sequence 1; when each of 0 and 1 arrived, in ms after `sent`. */
async function untilVerifying(
  body: ReadableStream<Uint8Array>,
  sent: number,
): Promise<{ submitted: number; verifying: number }> {
  const decoder = new TextDecoder();
  let buffer = '';
  let submitted: number | undefined;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const id = /^id: (\d+)$/m.exec(buffer.slice(0, end))?.[1];
      buffer = buffer.slice(end + 2);
      if (id === '0') submitted ??= performance.now() - sent;
      if (id === '1' && submitted !== undefined)
        return { submitted, verifying: performance.now() - sent };
    }
  }
  throw new Error('the stream ended before VERIFYING');
}

function percentiles(values: number[]): Percentiles {
  if (values.length === 0) return { p50: NaN, p99: NaN, max: NaN };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] };
}
