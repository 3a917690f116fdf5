import { ConfigError } from '@satupintu/common';
import { INSECURE_DEVELOPMENT_KEY_ENCRYPTION_KEY } from '@satupintu/common';
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

describe('token issuance settings', () => {
  it('issues tokens for the gateway at its default PUBLIC_URL, without a trailing slash', () => {
    expect(loadIdentityConfig({}).PUBLIC_URL).toBe('http://127.0.0.1:3000');
    expect(loadIdentityConfig({ PUBLIC_URL: 'https://mpp.example.go.id/api/' }).PUBLIC_URL).toBe(
      'https://mpp.example.go.id/api',
    );
  });

  it('seals signing keys under the loud development key outside production', () => {
    expect(loadIdentityConfig({}).IDENTITY_KEY_ENCRYPTION_KEY).toBe(
      INSECURE_DEVELOPMENT_KEY_ENCRYPTION_KEY,
    );
  });

  it('requires a key encryption key in production', () => {
    expect(() => loadIdentityConfig({ NODE_ENV: 'production' })).toThrow(
      /IDENTITY_KEY_ENCRYPTION_KEY/,
    );
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(
      loadIdentityConfig({ NODE_ENV: 'production', IDENTITY_KEY_ENCRYPTION_KEY: key })
        .IDENTITY_KEY_ENCRYPTION_KEY,
    ).toBe(key);
  });

  it('refuses a key encryption key that is not 32 bytes of base64', () => {
    const short = Buffer.alloc(16, 7).toString('base64');
    expect(() => loadIdentityConfig({ IDENTITY_KEY_ENCRYPTION_KEY: short })).toThrow(
      /IDENTITY_KEY_ENCRYPTION_KEY/,
    );
  });
});
