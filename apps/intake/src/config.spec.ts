import { ConfigError } from '@satupintu/common';
import { loadIntakeConfig } from './config';

describe('loadIntakeConfig', () => {
  it('starts with an empty environment on port 3002, without the demo catalog', () => {
    const config = loadIntakeConfig({});
    expect(config.HTTP_PORT).toBe(3002);
    expect(config.DEMO_SEED).toBe(false);
  });

  it.each([
    ['true', true],
    ['1', true],
    ['false', false],
    ['0', false],
  ])('reads DEMO_SEED=%j as %j', (value, expected) => {
    expect(loadIntakeConfig({ DEMO_SEED: value }).DEMO_SEED).toBe(expected);
  });

  it('names a DEMO_SEED that is not a boolean', () => {
    expect(() => loadIntakeConfig({ DEMO_SEED: 'maybe' })).toThrow(ConfigError);
    expect(() => loadIntakeConfig({ DEMO_SEED: 'maybe' })).toThrow(/DEMO_SEED/);
  });

  it('names a malformed HTTP_PORT', () => {
    expect(() => loadIntakeConfig({ HTTP_PORT: 'abc' })).toThrow(/HTTP_PORT/);
  });
});
