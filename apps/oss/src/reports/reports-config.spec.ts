import { ConfigError } from '@satupintu/common';
import { loadOssReportsConfig } from './reports-config';

describe('loadOssReportsConfig', () => {
  it('reports nothing by default, outside production', () => {
    const config = loadOssReportsConfig({});
    expect(config.OSS_BASE_URL).toBe('');
    expect(config.WEBHOOK_RETRY_SCALE).toBe(1);
    expect(config.webhookSecretKey).toHaveLength(32);
  });

  it("needs OSS's user_key with its URL, and the PIA's lengths", () => {
    expect(() =>
      loadOssReportsConfig({ OSS_BASE_URL: 'https://api-stg.oss.go.id/stg/v1/kl/rba' }),
    ).toThrow(/OSS_USER_KEY/);
    expect(() => loadOssReportsConfig({ OSS_KD_INSTANSI: '0001' })).toThrow(ConfigError);
    expect(() => loadOssReportsConfig({ OSS_KD_DAERAH: '32.01' })).toThrow(/OSS_KD_DAERAH/);
  });

  it('needs its key in production, and the real retry schedule', () => {
    expect(() => loadOssReportsConfig({ NODE_ENV: 'production' })).toThrow(
      /OSS_KEY_ENCRYPTION_KEY/,
    );
    expect(() =>
      loadOssReportsConfig({
        NODE_ENV: 'development',
        WEBHOOK_RETRY_SCALE: '0.001',
      }),
    ).not.toThrow();
  });
});
