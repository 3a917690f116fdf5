import { baseEnv, loadConfig } from '@satupintu/common';
import { port, str } from 'envalid';

export function loadAgencyConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(
    {
      ...baseEnv,
      HTTP_PORT: port({ default: 3010 }),
      AGENCY_CODE: str({
        desc: 'the agency this deployment serves, e.g. DUKCAPIL; it has its own database and consumers',
        example: 'DUKCAPIL',
      }),
    },
    env,
  );
}

export type AgencyConfig = ReturnType<typeof loadAgencyConfig>;
