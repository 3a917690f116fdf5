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

  it('refuses a complaint sweep interval out of bounds, and needs a key in production', () => {
    expect(() => loadSurveysConfig({ SURVEYS_COMPLAINT_SWEEP_MS: '10' })).toThrow(
      /SURVEYS_COMPLAINT_SWEEP_MS/,
    );
    expect(() => loadSurveysConfig({ NODE_ENV: 'production' })).toThrow(
      /SURVEYS_KEY_ENCRYPTION_KEY/,
    );
  });
});
