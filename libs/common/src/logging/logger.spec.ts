import { ANONYMOUS } from '@satupintu/contracts';
import pino from 'pino';
import { runInContext } from '../context/request-context';
import { createLogger, type AppLogger } from './logger';

const NIK = '3201014506900001';
const MASKED = '3201********0001';

/**
 * createLogger writes to fd 1 through sonic-boom, which a spy on process.stdout.write does not
 * see. pino.symbols (pino's documented integration point) lets the test swap the destination.
 */
function capture(level = 'trace'): {
  logger: AppLogger;
  lines: () => Record<string, unknown>[];
  raw: () => string;
} {
  const logger = createLogger('intake', level);
  const chunks: string[] = [];
  (logger as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] = {
    write: (chunk: string) => chunks.push(chunk),
  };
  return {
    logger,
    raw: () => chunks.join(''),
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('createLogger', () => {
  it('writes one JSON line with the level label, the service, a time and msg', () => {
    const { logger, lines } = capture();
    logger.info('intake ready');
    const [line] = lines();
    expect(line).toMatchObject({ level: 'info', service: 'intake', msg: 'intake ready' });
    expect(typeof line.time).toBe('string');
    expect(Number.isNaN(Date.parse(line.time as string))).toBe(false);
  });

  it('writes nothing below its level', () => {
    const { logger, lines } = capture('warn');
    logger.info('hidden');
    logger.debug('hidden');
    logger.warn('shown');
    expect(lines().map((line) => line.msg)).toEqual(['shown']);
  });

  it('writes nothing at all when silent', () => {
    const { logger, raw } = capture('silent');
    logger.fatal(`boom ${NIK}`);
    expect(raw()).toBe('');
  });

  it('masks a NIK in the message', () => {
    const { logger, raw, lines } = capture();
    logger.info(`looking up ${NIK}`);
    expect(raw()).not.toContain(NIK);
    expect(lines()[0].msg).toBe(`looking up ${MASKED}`);
  });

  it('masks a NIK in the message after a fields object', () => {
    const { logger, raw, lines } = capture();
    logger.warn({ attempt: 1 }, `refused ${NIK}`);
    expect(raw()).not.toContain(NIK);
    expect(lines()[0]).toMatchObject({ attempt: 1, msg: `refused ${MASKED}` });
  });

  it('masks a NIK passed as a %s argument', () => {
    const { logger, raw, lines } = capture();
    logger.info('applicant %s', NIK);
    expect(raw()).not.toContain(NIK);
    expect(lines()[0].msg).toBe(`applicant ${MASKED}`);
  });

  it('masks a NIK in a field', () => {
    const { logger, raw, lines } = capture();
    logger.info({ nik: NIK }, 'submitted');
    expect(raw()).not.toContain(NIK);
    expect(lines()[0].nik).toBe(MASKED);
  });

  it('masks a NIK nested in objects and arrays', () => {
    const { logger, raw, lines } = capture();
    logger.info({ payload: { applicant: { nik: NIK }, history: [{ nik: NIK }] } }, 'event');
    expect(raw()).not.toContain(NIK);
    expect(lines()[0].payload).toEqual({
      applicant: { nik: MASKED },
      history: [{ nik: MASKED }],
    });
  });

  it('masks a NIK in a logged error message and stack', () => {
    const { logger, raw, lines } = capture();
    logger.error({ err: new Error(`bad NIK ${NIK}`) }, 'unhandled error');
    expect(raw()).not.toContain(NIK);
    expect(lines()[0].err).toMatchObject({ message: `bad NIK ${MASKED}` });
  });

  it('adds the request id and trace id of the current context', () => {
    const { logger, lines } = capture();
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    runInContext(
      {
        requestId: 'req-7',
        traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
        principal: ANONYMOUS,
      },
      () => logger.info('inside'),
    );
    expect(lines()[0]).toMatchObject({ requestId: 'req-7', traceId });
  });

  it('adds neither outside a request', () => {
    const { logger, lines } = capture();
    logger.info('outside');
    expect(lines()[0]).not.toHaveProperty('requestId');
    expect(lines()[0]).not.toHaveProperty('traceId');
  });

  it('masks a NIK that arrives as a request id', () => {
    const { logger, raw } = capture();
    runInContext({ requestId: NIK, traceparent: '', principal: ANONYMOUS }, () =>
      logger.info('inside'),
    );
    expect(raw()).not.toContain(NIK);
    expect(raw()).toContain(MASKED);
  });
});

describe('createLogger against the less obvious ways a NIK reaches a log', () => {
  it('masks a NIK in the message pino takes from a logged Error', () => {
    const { logger, raw } = capture();
    logger.error(new Error(`bad NIK ${NIK}`));
    logger.warn({ err: new Error(`bad NIK ${NIK}`) });
    expect(raw()).not.toContain(NIK);
    expect(raw()).toContain('bad NIK 3201********0001');
  });

  it('masks a NIK in an object interpolated with %j or %o', () => {
    const { logger, raw } = capture();
    logger.info('payload %j', { nik: NIK });
    logger.info('payload %o', { nik: NIK });
    expect(raw()).not.toContain(NIK);
  });

  it('masks a NIK in child logger bindings', () => {
    const { logger, raw } = capture();
    logger.child({ nik: NIK }).info('child');
    expect(raw()).not.toContain(NIK);
  });

  it('keeps an error’s code for whoever reads the log', () => {
    const { logger, raw } = capture();
    logger.error(
      { err: Object.assign(new Error('duplicate key'), { code: '23505' }) },
      'insert failed',
    );
    expect(raw()).toContain('"code":"23505"');
  });
});
