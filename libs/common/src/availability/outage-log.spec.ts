import { createLogger } from '../logging/logger';
import { OutageLog } from './outage-log';

describe('OutageLog', () => {
  function setup() {
    let now = 0;
    const logger = createLogger('t', 'silent');
    const warn = jest.spyOn(logger, 'warn');
    const info = jest.spyOn(logger, 'info');
    const log = new OutageLog(logger, () => now);
    return { log, warn, info, advance: (ms: number) => (now += ms) };
  }

  it('logs an outage once when it starts and once when it ends, with the count', () => {
    const { log, warn, info, advance } = setup();
    for (let i = 0; i < 100; i++) {
      log.failed('database', new Error('down'));
      advance(100);
    }
    expect(warn).toHaveBeenCalledTimes(1);
    expect(log.isDown('database')).toBe(true);
    log.recovered('database');
    log.recovered('database');
    expect(info).toHaveBeenCalledTimes(1);
    expect(info.mock.calls[0][0]).toMatchObject({
      dependency: 'database',
      failures: 100,
      seconds: 10,
    });
    expect(log.isDown('database')).toBe(false);
  });

  it('counts failures after a long quiet spell as a new outage', () => {
    const { log, warn, advance } = setup();
    log.failed('messaging', new Error('a'));
    advance(16_000);
    log.failed('messaging', new Error('b'));
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('keeps dependencies apart', () => {
    const { log, warn } = setup();
    log.failed('messaging', new Error('a'));
    log.failed('database', new Error('b'));
    expect(warn).toHaveBeenCalledTimes(2);
    log.recovered('messaging');
    expect(log.isDown('database')).toBe(true);
  });
});
