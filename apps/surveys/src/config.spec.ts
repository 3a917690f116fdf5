import { ConfigError } from '@satupintu/common';
import { loadSurveysConfig } from './config';

describe('loadSurveysConfig', () => {
  it('starts with an empty environment on port 3004, exact weights, Jakarta time', () => {
    const config = loadSurveysConfig({});
    expect(config.HTTP_PORT).toBe(3004);
    expect(config.SKM_WEIGHT_RULE).toBe('EXACT');
    expect(config.MALL_TIME_ZONE).toBe('Asia/Jakarta');
  });

  it('names a malformed HTTP_PORT', () => {
    expect(() => loadSurveysConfig({ HTTP_PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadSurveysConfig({ HTTP_PORT: 'abc' })).toThrow(/HTTP_PORT/);
  });

  it('takes the weight rules offices print, and refuses any other', () => {
    expect(loadSurveysConfig({ SKM_WEIGHT_RULE: 'ROUNDED_0_11' }).SKM_WEIGHT_RULE).toBe(
      'ROUNDED_0_11',
    );
    expect(() => loadSurveysConfig({ SKM_WEIGHT_RULE: '0.1' })).toThrow(/SKM_WEIGHT_RULE/);
  });

  it('refuses a time zone that is none', () => {
    expect(() => loadSurveysConfig({ MALL_TIME_ZONE: 'Asia/Bandung' })).toThrow(/MALL_TIME_ZONE/);
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
