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

  it('loads no demo accounts and shows no one-time codes unless told to', () => {
    const config = loadIdentityConfig({});
    expect([config.DEMO_SEED, config.NODE_ENV]).toEqual([false, 'production']);
    const demo = loadIdentityConfig({ DEMO_SEED: 'true', NODE_ENV: 'development' });
    expect([demo.DEMO_SEED, demo.NODE_ENV]).toEqual([true, 'development']);
  });

  it('names an unknown NODE_ENV', () => {
    expect(() => loadIdentityConfig({ NODE_ENV: 'staging' })).toThrow(/NODE_ENV/);
  });
});
