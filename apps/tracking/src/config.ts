import { ConfigError, baseEnv, loadConfig } from '@satupintu/common';
import { num, port } from 'envalid';

export function loadTrackingConfig(env: NodeJS.ProcessEnv = process.env) {
  const config = loadConfig(
    {
      ...baseEnv,
      HTTP_PORT: port({ default: 3003 }),
      TRACKING_AT_RISK_SHARE: num({
        default: 0.75,
        desc: 'share of its working days a case has used when it is reported at risk (0 < s < 1)',
      }),
    },
    env,
  );
  if (!(config.TRACKING_AT_RISK_SHARE > 0 && config.TRACKING_AT_RISK_SHARE < 1))
    throw new ConfigError('TRACKING_AT_RISK_SHARE must be between 0 and 1 (exclusive)');
  return config;
}

export type TrackingConfig = ReturnType<typeof loadTrackingConfig>;
