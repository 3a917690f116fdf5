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

  it('takes the hosts signed files may also come from, and refuses what is no host', () => {
    expect(loadOssConfig({}).fileHosts).toEqual(new Set());
    expect(
      loadOssConfig({ OSS_FILE_HOSTS: ' 127.0.0.1:3090, Files.OSS.internal ' }).fileHosts,
    ).toEqual(new Set(['127.0.0.1:3090', 'files.oss.internal']));
    for (const bad of ['http://oss.go.id', 'oss.go.id/files', 'user@oss.go.id'])
      expect(() => loadOssConfig({ OSS_FILE_HOSTS: bad })).toThrow(/OSS_FILE_HOSTS/);
    expect(() => loadOssConfig({ OSS_FILE_TIMEOUT_SECONDS: '0' })).toThrow(
      /OSS_FILE_TIMEOUT_SECONDS/,
    );
  });

  it('tries a signed file up to 150 times unless told fewer', () => {
    expect(loadOssConfig({}).OSS_FILE_ATTEMPTS).toBe(150);
    expect(loadOssConfig({ OSS_FILE_ATTEMPTS: '5' }).OSS_FILE_ATTEMPTS).toBe(5);
    for (const bad of ['0', '151', '2.5'])
      expect(() => loadOssConfig({ OSS_FILE_ATTEMPTS: bad })).toThrow(/OSS_FILE_ATTEMPTS/);
  });
});
