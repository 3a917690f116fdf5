import { condenseTail, formatServiceLine, servicePrefix, useColor } from './log-format';

const P = '[intake]';
const line = (record: Record<string, unknown>) => JSON.stringify(record);

describe('formatServiceLine', () => {
  it('shows level and message of a pino line, without time, pid, hostname and service', () => {
    const raw = line({
      level: 'info',
      time: '2025-11-23T03:00:00.000Z',
      pid: 7,
      hostname: 'h',
      service: 'intake',
      msg: 'intake ready',
    });
    expect(formatServiceLine(raw, P, false)).toEqual(['[intake] info  intake ready']);
  });

  it('keeps the other fields, compactly', () => {
    const raw = line({
      level: 'info',
      msg: 'request',
      method: 'POST',
      status: 201,
      ms: 12,
      url: '/v1/a b',
      tags: ['x'],
    });
    expect(formatServiceLine(raw, P, false)).toEqual([
      '[intake] info  request method=POST status=201 ms=12 url="/v1/a b" tags=["x"]',
    ]);
  });

  it('reads numeric pino levels', () => {
    expect(formatServiceLine(line({ level: 40, msg: 'slow' }), P, false)).toEqual([
      '[intake] warn  slow',
    ]);
    expect(formatServiceLine(line({ level: 50, msg: 'boom' }), P, false)).toEqual([
      '[intake] error boom',
    ]);
  });

  it('shows a warning with its error message but no stack', () => {
    const raw = line({
      level: 'warn',
      msg: 'outbox relay cannot publish; will retry',
      err: {
        type: 'Error',
        message: 'no responders',
        stack: 'Error: no responders\n    at a (x.ts:1:1)',
      },
    });
    expect(formatServiceLine(raw, P, false)).toEqual([
      '[intake] warn  outbox relay cannot publish; will retry err=Error: no responders',
    ]);
  });

  it('shows an error with its stack below, frame by frame', () => {
    const raw = line({
      level: 'error',
      msg: 'unhandled error',
      errorId: 'e1',
      err: {
        type: 'TypeError',
        message: 'x is undefined',
        stack: 'TypeError: x is undefined\n    at f (a.ts:1:2)\n    at g (b.ts:3:4)',
      },
    });
    expect(formatServiceLine(raw, P, false)).toEqual([
      '[intake] error unhandled error err=TypeError: x is undefined errorId=e1',
      '[intake]       at f (a.ts:1:2)',
      '[intake]       at g (b.ts:3:4)',
    ]);
  });

  it('uses the bare stack Nest logs with its own errors', () => {
    const raw = line({
      level: 'error',
      msg: 'cannot connect',
      context: 'TypeOrmModule',
      stack: 'Error: x\n    at h (c.ts:5:6)',
    });
    expect(formatServiceLine(raw, P, false)).toEqual([
      '[intake] error cannot connect context=TypeOrmModule',
      '[intake]       at h (c.ts:5:6)',
    ]);
  });

  it('prints anything that is not a log record unchanged', () => {
    for (const raw of [
      'Invalid configuration:',
      '  LOG_LEVEL: bad',
      '{not json',
      '{"no":"level"}',
      '[1,2]',
      '',
    ]) {
      expect(formatServiceLine(raw, P, false)).toEqual([`[intake] ${raw}`]);
    }
  });

  it('colours errors red and warnings yellow when asked', () => {
    const [error] = formatServiceLine(line({ level: 'error', msg: 'boom' }), P, true);
    expect(error).toContain('\u001b[31mboom\u001b[0m');
    const [warn] = formatServiceLine(line({ level: 'warn', msg: 'hm' }), P, true);
    expect(warn).toContain('\u001b[33mwarn ');
  });
});

describe('servicePrefix', () => {
  it('pads names to one width so messages line up', () => {
    expect(servicePrefix('intake', 0, 15, false)).toBe('[intake]         ');
    expect(servicePrefix('agency-dukcapil', 1, 15, false)).toBe('[agency-dukcapil]');
  });

  it('gives neighbours different colours, and never red', () => {
    const first = servicePrefix('a', 0, 1, true);
    const second = servicePrefix('b', 1, 1, true);
    expect(first.slice(0, 5)).not.toBe(second.slice(0, 5));
    for (let index = 0; index < 10; index++)
      expect(servicePrefix('x', index, 1, true)).not.toContain('\u001b[31m');
  });
});

describe('useColor', () => {
  it('follows the terminal, NO_COLOR and FORCE_COLOR', () => {
    expect(useColor({}, true)).toBe(true);
    expect(useColor({}, false)).toBe(false);
    expect(useColor({ NO_COLOR: '1' }, true)).toBe(false);
    expect(useColor({ TERM: 'dumb' }, true)).toBe(false);
    expect(useColor({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(useColor({ FORCE_COLOR: '0' }, true)).toBe(true);
  });
});

describe('condenseTail', () => {
  const frames = (count: number) =>
    Array.from({ length: count }, (_, i) => `[x]     at frame${i} (m.js:${i}:1)`);

  it('keeps the first frames of a stack and counts the rest', () => {
    const lines = ['[x] Error: Cannot find module', ...frames(10), '[x] Node.js v20'];
    expect(condenseTail(lines)).toEqual([
      '[x] Error: Cannot find module',
      '[x]     at frame0 (m.js:0:1)',
      '[x]     at frame1 (m.js:1:1)',
      '[x]     … 8 more stack frames',
      '[x] Node.js v20',
    ]);
  });

  it('recognises frames behind coloured prefixes', () => {
    const coloured = [
      '\u001b[36m[x]\u001b[0m     at a (b.js:1:1)',
      '\u001b[36m[x]\u001b[0m     at c (d.js:1:1)',
      '\u001b[36m[x]\u001b[0m     at e (f.js:1:1)',
    ];
    expect(condenseTail(coloured)).toHaveLength(3);
    expect(condenseTail(coloured)[2]).toContain('… 1 more stack frame');
  });

  it('returns the last lines only', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `[x] line ${i}`);
    expect(condenseTail(lines, 20)).toEqual(lines.slice(10));
  });
});
