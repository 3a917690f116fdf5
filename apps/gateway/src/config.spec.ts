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
