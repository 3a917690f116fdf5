import { baseEnv, loadConfig } from '@satupintu/common';
import { port } from 'envalid';

export function loadSurveysConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig({ ...baseEnv, HTTP_PORT: port({ default: 3004 }) }, env);
}

export type SurveysConfig = ReturnType<typeof loadSurveysConfig>;
