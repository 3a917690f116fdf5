import { ConfigError } from '@satupintu/common';
import { loadIdentityConfig } from './config';

describe('loadIdentityConfig', () => {
  it('starts with an empty environment on port 3001', () => {
    expect(loadIdentityConfig({}).HTTP_PORT).toBe(3001);
  });

  it('names a malformed HTTP_PORT', () => {
    expect(() => loadIdentityConfig({ HTTP_PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadIdentityConfig({ HTTP_PORT: 'abc' })).toThrow(/HTTP_PORT/);
  });
});
