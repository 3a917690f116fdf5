import { ConfigError } from '@satupintu/common';
import { loadTrackingConfig } from './config';

describe('loadTrackingConfig', () => {
  it('starts with an empty environment on port 3003', () => {
    expect(loadTrackingConfig({}).HTTP_PORT).toBe(3003);
  });

  it('names a malformed HTTP_PORT', () => {
    expect(() => loadTrackingConfig({ HTTP_PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadTrackingConfig({ HTTP_PORT: 'abc' })).toThrow(/HTTP_PORT/);
  });
});

describe('TRACKING_AT_RISK_SHARE', () => {
  it('is three quarters unless set', () => {
    expect(loadTrackingConfig({}).TRACKING_AT_RISK_SHARE).toBe(0.75);
    expect(loadTrackingConfig({ TRACKING_AT_RISK_SHARE: '0.5' }).TRACKING_AT_RISK_SHARE).toBe(0.5);
  });

  it.each(['0', '1', '1.5', '-0.2'])('refuses %s: a share is strictly between 0 and 1', (share) => {
    expect(() => loadTrackingConfig({ TRACKING_AT_RISK_SHARE: share })).toThrow(
      /TRACKING_AT_RISK_SHARE/,
    );
  });
});

describe('TRACKING_DEADLINE_SWEEP_MS', () => {
  it('is a minute unless set', () => {
    expect(loadTrackingConfig({}).TRACKING_DEADLINE_SWEEP_MS).toBe(60_000);
    expect(
      loadTrackingConfig({ TRACKING_DEADLINE_SWEEP_MS: '300' }).TRACKING_DEADLINE_SWEEP_MS,
    ).toBe(300);
  });

  it.each(['0', '99', '86400001', 'soon'])('refuses %s', (interval) => {
    expect(() => loadTrackingConfig({ TRACKING_DEADLINE_SWEEP_MS: interval })).toThrow(
      /TRACKING_DEADLINE_SWEEP_MS/,
    );
  });
});
