import { ConfigError } from '@satupintu/common';
import { loadOssConfig } from './config';

describe('loadOssConfig', () => {
  it('starts with an empty environment on port 3005, Token dates in Asia/Jakarta', () => {
    const config = loadOssConfig({});
    expect(config.HTTP_PORT).toBe(3005);
    expect(config.OSS_TIME_ZONE).toBe('Asia/Jakarta');
  });

  it('names a malformed HTTP_PORT', () => {
    expect(() => loadOssConfig({ HTTP_PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadOssConfig({ HTTP_PORT: 'abc' })).toThrow(/HTTP_PORT/);
  });

  it('names a time zone that does not exist', () => {
    expect(() => loadOssConfig({ OSS_TIME_ZONE: 'Asia/Atlantis' })).toThrow(/OSS_TIME_ZONE/);
  });

  it('requires the OSS credentials in production', () => {
    expect(() => loadOssConfig({ NODE_ENV: 'production' })).toThrow(/OSS_USERNAME/);
  });
});
