import { ANONYMOUS } from '@satupintu/contracts';
import {
  REQUEST_ID_HEADER,
  TRACEPARENT_HEADER,
  contextFromHeaders,
  currentContext,
  runInContext,
  traceIdOf,
  type RequestContext,
} from './request-context';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN_ID = '00f067aa0ba902b7';
const TRACEPARENT = `00-${TRACE_ID}-${SPAN_ID}-01`;
const SHAPE = /^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function headers(values: Record<string, string | undefined>) {
  return (name: string) => values[name];
}

function parts(traceparent: string) {
  const [version, traceId, spanId, flags] = traceparent.split('-');
  return { version, traceId, spanId, flags };
}

describe('traceIdOf', () => {
  it('returns the trace id of a well-formed traceparent', () => {
    expect(traceIdOf(TRACEPARENT)).toBe(TRACE_ID);
  });

  it.each([
    ['empty', ''],
    ['upper-case hex', TRACEPARENT.toUpperCase()],
    ['another version', `01-${TRACE_ID}-${SPAN_ID}-01`],
    ['a short trace id', `00-${TRACE_ID.slice(1)}-${SPAN_ID}-01`],
    ['a long span id', `00-${TRACE_ID}-${SPAN_ID}0-01`],
    ['one-digit flags', `00-${TRACE_ID}-${SPAN_ID}-1`],
    ['trailing text', `${TRACEPARENT}-extra`],
    ['surrounding spaces', ` ${TRACEPARENT} `],
    ['non-hex characters', `00-${'g'.repeat(32)}-${SPAN_ID}-01`],
  ])('returns undefined for a traceparent with %s', (_label, value) => {
    expect(traceIdOf(value)).toBeUndefined();
  });
});

describe('contextFromHeaders', () => {
  it('reads the x-request-id and traceparent headers', () => {
    const asked: string[] = [];
    contextFromHeaders((name) => {
      asked.push(name);
      return undefined;
    });
    expect(asked.sort()).toEqual([REQUEST_ID_HEADER, TRACEPARENT_HEADER].sort());
    expect(REQUEST_ID_HEADER).toBe('x-request-id');
    expect(TRACEPARENT_HEADER).toBe('traceparent');
  });

  it('keeps a valid request id', () => {
    const context = contextFromHeaders(headers({ 'x-request-id': 'req-1.a:b_C' }));
    expect(context.requestId).toBe('req-1.a:b_C');
  });

  it('keeps a request id of exactly 128 characters', () => {
    const id = 'a'.repeat(128);
    expect(contextFromHeaders(headers({ 'x-request-id': id })).requestId).toBe(id);
  });

  it.each([
    ['empty', ''],
    ['129 characters long', 'a'.repeat(129)],
    ['with a space', 'req 1'],
    ['with a newline', 'req\n1'],
    ['with a slash', 'a/b'],
    ['with markup', '<script>'],
  ])('replaces a request id that is %s with a new UUID', (_label, id) => {
    const context = contextFromHeaders(headers({ 'x-request-id': id }));
    expect(context.requestId).toMatch(UUID);
  });

  it('makes a new request id when none arrived', () => {
    expect(contextFromHeaders(headers({})).requestId).toMatch(UUID);
  });

  it('makes a different request id each time', () => {
    const a = contextFromHeaders(headers({})).requestId;
    const b = contextFromHeaders(headers({})).requestId;
    expect(a).not.toBe(b);
  });

  it('keeps the trace id and flags of a valid traceparent and starts a new span', () => {
    const context = contextFromHeaders(headers({ traceparent: `00-${TRACE_ID}-${SPAN_ID}-00` }));
    expect(context.traceparent).toMatch(SHAPE);
    const { version, traceId, spanId, flags } = parts(context.traceparent);
    expect(version).toBe('00');
    expect(traceId).toBe(TRACE_ID);
    expect(flags).toBe('00');
    expect(spanId).not.toBe(SPAN_ID);
  });

  it('starts a different span for every piece of work under the same trace', () => {
    const get = headers({ traceparent: TRACEPARENT });
    const spans = new Set(
      Array.from({ length: 20 }, () => parts(contextFromHeaders(get).traceparent).spanId),
    );
    expect(spans.size).toBe(20);
  });

  it('starts a new sampled trace when no traceparent arrived', () => {
    const context = contextFromHeaders(headers({}));
    expect(context.traceparent).toMatch(SHAPE);
    expect(parts(context.traceparent).flags).toBe('01');
  });

  it.each([
    ['garbage', 'not-a-traceparent'],
    ['upper-case hex', TRACEPARENT.toUpperCase()],
    ['another version', `01-${TRACE_ID}-${SPAN_ID}-01`],
    ['an empty value', ''],
  ])('replaces a traceparent that is %s with a new trace', (_label, value) => {
    const context = contextFromHeaders(headers({ traceparent: value }));
    expect(context.traceparent).toMatch(SHAPE);
    const { traceId, flags } = parts(context.traceparent);
    expect(traceId).not.toBe(TRACE_ID);
    expect(flags).toBe('01');
  });

  it('makes a different trace id each time it starts a trace', () => {
    const a = traceIdOf(contextFromHeaders(headers({})).traceparent);
    const b = traceIdOf(contextFromHeaders(headers({})).traceparent);
    expect(a).toBeDefined();
    expect(a).not.toBe(b);
  });

  it('keeps a valid request id even when the traceparent is malformed, and the reverse', () => {
    const first = contextFromHeaders(headers({ 'x-request-id': 'keep-me', traceparent: 'bad' }));
    expect(first.requestId).toBe('keep-me');
    const second = contextFromHeaders(
      headers({ 'x-request-id': 'bad id', traceparent: TRACEPARENT }),
    );
    expect(second.requestId).toMatch(UUID);
    expect(traceIdOf(second.traceparent)).toBe(TRACE_ID);
  });
});

describe('runInContext and currentContext', () => {
  const a: RequestContext = { requestId: 'a', traceparent: TRACEPARENT, principal: ANONYMOUS };
  const b: RequestContext = { requestId: 'b', traceparent: TRACEPARENT, principal: ANONYMOUS };
  const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

  it('has no context outside a run', () => {
    expect(currentContext()).toBeUndefined();
  });

  it('returns what the function returns', () => {
    expect(runInContext(a, () => 42)).toBe(42);
  });

  it('gives the context to synchronous code', () => {
    expect(runInContext(a, () => currentContext())).toBe(a);
  });

  it('keeps the context across awaits and timers', async () => {
    const seen = await runInContext(a, async () => {
      const before = currentContext();
      await tick();
      await Promise.resolve();
      const after = currentContext();
      const inTimer = await new Promise((resolve) =>
        setTimeout(() => resolve(currentContext()), 1),
      );
      return [before, after, inTimer];
    });
    expect(seen).toEqual([a, a, a]);
  });

  it('keeps concurrent runs apart', async () => {
    const run = (context: RequestContext) =>
      runInContext(context, async () => {
        await tick();
        return currentContext()?.requestId;
      });
    expect(await Promise.all([run(a), run(b), run(a)])).toEqual(['a', 'b', 'a']);
  });

  it('lets an inner run shadow the outer one, and restores it afterwards', () => {
    const seen = runInContext(a, () => {
      const inner = runInContext(b, () => currentContext()?.requestId);
      return [inner, currentContext()?.requestId];
    });
    expect(seen).toEqual(['b', 'a']);
  });

  it('leaves no context behind once a run is over', async () => {
    await runInContext(a, async () => tick());
    expect(currentContext()).toBeUndefined();
  });
});

describe('traceIdOf with an invalid all-zero id', () => {
  it('refuses an all-zero trace id', () => {
    expect(traceIdOf(`00-${'0'.repeat(32)}-00f067aa0ba902b7-01`)).toBeUndefined();
  });

  it('refuses an all-zero parent id', () => {
    expect(traceIdOf(`00-4bf92f3577b34da6a3ce929d0e0e4736-${'0'.repeat(16)}-01`)).toBeUndefined();
  });
});
