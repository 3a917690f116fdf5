import { ConfigError } from '@satupintu/common';
import { loadGatewayConfig } from './config';

describe('loadGatewayConfig', () => {
  it('starts with an empty environment on port 3000', () => {
    expect(loadGatewayConfig({}).HTTP_PORT).toBe(3000);
  });

  it('needs no database: its DATABASE_URL default points at an unused one', () => {
    expect(loadGatewayConfig({}).DATABASE_URL).toBe('postgres://unused@127.0.0.1:5432');
  });

  it('takes HTTP_PORT from the environment', () => {
    expect(loadGatewayConfig({ HTTP_PORT: '8080' }).HTTP_PORT).toBe(8080);
  });

  it('names a malformed HTTP_PORT', () => {
    expect(() => loadGatewayConfig({ HTTP_PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadGatewayConfig({ HTTP_PORT: 'abc' })).toThrow(/HTTP_PORT/);
  });
});

describe('PUBLIC_URL', () => {
  it('defaults to where npm start serves the gateway', () => {
    expect(loadGatewayConfig({}).PUBLIC_URL).toBe('http://127.0.0.1:3000');
  });

  it('takes a deployment URL with a path, without its trailing slash', () => {
    expect(loadGatewayConfig({ PUBLIC_URL: 'https://mpp.example.go.id/api/' }).PUBLIC_URL).toBe(
      'https://mpp.example.go.id/api',
    );
  });

  it.each(['not a url', 'ftp://mpp.example.go.id', 'https://mpp.example.go.id/?x=1'])(
    'refuses %j and names the variable',
    (value) => {
      expect(() => loadGatewayConfig({ PUBLIC_URL: value })).toThrow(/PUBLIC_URL/);
    },
  );
});

describe('CORS_ORIGINS', () => {
  it('allows no origin by default', () => {
    expect(loadGatewayConfig({}).CORS_ORIGINS).toEqual([]);
  });

  it('takes a comma-separated list of exact origins', () => {
    expect(
      loadGatewayConfig({ CORS_ORIGINS: 'https://portal.example.go.id, http://localhost:5173' })
        .CORS_ORIGINS,
    ).toEqual(['https://portal.example.go.id', 'http://localhost:5173']);
  });

  it.each(['*', 'portal.example.go.id', 'https://portal.example.go.id/app'])(
    'refuses %j, which is not an origin',
    (value) => {
      expect(() => loadGatewayConfig({ CORS_ORIGINS: value })).toThrow(/CORS_ORIGINS/);
    },
  );
});

describe('BENCH_UNVERIFIED_TOKENS', () => {
  it('is off unless asked for', () => {
    expect(loadGatewayConfig({}).BENCH_UNVERIFIED_TOKENS).toBe(false);
    expect(loadGatewayConfig({ BENCH_UNVERIFIED_TOKENS: 'true' }).BENCH_UNVERIFIED_TOKENS).toBe(
      true,
    );
  });

  it('is refused in production, where tokens must always be checked', () => {
    const env = { BENCH_UNVERIFIED_TOKENS: 'true', NODE_ENV: 'production' };
    expect(() => loadGatewayConfig(env)).toThrow(ConfigError);
    expect(() => loadGatewayConfig(env)).toThrow(/BENCH_UNVERIFIED_TOKENS/);
  });
});
