import { baseEnv, loadConfig } from '@satupintu/common';
import { port } from 'envalid';

export function loadIdentityConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig({ ...baseEnv, HTTP_PORT: port({ default: 3001 }) }, env);
}

export type IdentityConfig = ReturnType<typeof loadIdentityConfig>;
