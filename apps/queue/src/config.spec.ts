import { ConfigError } from '@satupintu/common';
import { loadQueueConfig } from './config';

describe('loadQueueConfig', () => {
  it('starts with an empty environment on port 3006, in the mall time zone Asia/Jakarta', () => {
    const config = loadQueueConfig({});
    expect(config.HTTP_PORT).toBe(3006);
    expect(config.MALL_TIME_ZONE).toBe('Asia/Jakarta');
    expect(config.QUEUE_BOOKING_HORIZON_DAYS).toBe(30);
    expect(config.QUEUE_DEFAULT_SERVICE_MINUTES).toBe(10);
    expect(config.QUEUE_SESSION_SWEEP_MS).toBe(60_000);
  });

  it('names a malformed HTTP_PORT', () => {
    expect(() => loadQueueConfig({ HTTP_PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadQueueConfig({ HTTP_PORT: 'abc' })).toThrow(/HTTP_PORT/);
  });

  it('refuses a time zone the runtime does not know', () => {
    expect(() => loadQueueConfig({ MALL_TIME_ZONE: 'Asia/Bogor' })).toThrow(/MALL_TIME_ZONE/);
  });

  it('refuses a booking horizon that is not a whole number of days from 1 to 366', () => {
    for (const days of ['0', '1.5', '400'])
      expect(() => loadQueueConfig({ QUEUE_BOOKING_HORIZON_DAYS: days })).toThrow(
        /QUEUE_BOOKING_HORIZON_DAYS/,
      );
  });

  it('refuses a session sweep more often than every 100 ms or rarer than hourly', () => {
    for (const ms of ['10', '3600001'])
      expect(() => loadQueueConfig({ QUEUE_SESSION_SWEEP_MS: ms })).toThrow(
        /QUEUE_SESSION_SWEEP_MS/,
      );
  });

  it('refuses an assumed service time outside 1 to 240 minutes', () => {
    expect(() => loadQueueConfig({ QUEUE_DEFAULT_SERVICE_MINUTES: '0' })).toThrow(
      /QUEUE_DEFAULT_SERVICE_MINUTES/,
    );
  });
});
