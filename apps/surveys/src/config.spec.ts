import { ConfigError } from '@satupintu/common';
import { loadSurveysConfig } from './config';

describe('loadSurveysConfig', () => {
  it('starts with an empty environment on port 3004', () => {
    expect(loadSurveysConfig({}).HTTP_PORT).toBe(3004);
  });

  it('names a malformed HTTP_PORT', () => {
    expect(() => loadSurveysConfig({ HTTP_PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadSurveysConfig({ HTTP_PORT: 'abc' })).toThrow(/HTTP_PORT/);
  });
});
