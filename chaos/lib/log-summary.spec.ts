import { logKey } from './log-summary';

describe('logKey', () => {
  it('keeps level, message and error message of a JSON log line, not its time or ids', () => {
    const line = (requestId: string) =>
      JSON.stringify({
        level: 'warn',
        time: new Date().toISOString(),
        requestId,
        msg: 'outbox relay cannot publish; will retry',
        err: { type: 'Error', message: 'CONNECTION_REFUSED', stack: '…' },
      });
    expect(logKey('intake', line('a'))).toBe(
      'intake: warn outbox relay cannot publish; will retry (CONNECTION_REFUSED)',
    );
    expect(logKey('intake', line('b'))).toBe(logKey('intake', line('a')));
  });

  it('keeps the other fields of a JSON log line without a message', () => {
    const line = JSON.stringify({
      level: 'warn',
      time: new Date().toISOString(),
      service: 'tracking',
      typeorm: 'Postgres pool raised an error.',
    });
    expect(logKey('tracking', line)).toBe(
      'tracking: warn {"typeorm":"Postgres pool raised an error."}',
    );
  });

  it('keeps any other line as it is, cut short', () => {
    expect(logKey('nats', '[1] [ERR] boom')).toBe('nats: [1] [ERR] boom');
    expect(logKey('x', 'y'.repeat(500))).toHaveLength('x: '.length + 200);
    expect(logKey('x', '{"no":"message"}')).toBe('x: {"no":"message"}');
  });
});
