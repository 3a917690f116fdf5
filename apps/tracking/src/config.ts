import { baseEnv, loadConfig } from '@satupintu/common';
import { port } from 'envalid';

export function loadTrackingConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig({ ...baseEnv, HTTP_PORT: port({ default: 3003 }) }, env);
}

export type TrackingConfig = ReturnType<typeof loadTrackingConfig>;
