import { ConfigError, baseEnv, loadConfig } from '@satupintu/common';
import { SKM_WEIGHT_RULES, isTimeZone } from '@satupintu/domain';
import { port, str } from 'envalid';

export function loadSurveysConfig(env: NodeJS.ProcessEnv = process.env) {
  const config = loadConfig(
    {
      ...baseEnv,
      HTTP_PORT: port({ default: 3004 }),
      SKM_WEIGHT_RULE: str({
        choices: SKM_WEIGHT_RULES,
        default: 'EXACT',
        desc: 'weight of each SKM element: EXACT (1/9, PermenPANRB 14/2017), ROUNDED_0_111 or ROUNDED_0_11 (as some offices print it); named on every index and report',
      }),
      MALL_TIME_ZONE: str({
        default: 'Asia/Jakarta',
        desc: 'IANA time zone of the mall: the days SKM periods (quarters, semesters, years) are made of',
      }),
    },
    env,
  );
  if (!isTimeZone(config.MALL_TIME_ZONE))
    throw new ConfigError(`MALL_TIME_ZONE is not an IANA time zone: ${config.MALL_TIME_ZONE}`);
  return config;
}

export type SurveysConfig = ReturnType<typeof loadSurveysConfig>;
