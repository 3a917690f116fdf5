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
