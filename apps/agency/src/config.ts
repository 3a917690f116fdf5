import { SUBJECT_TOKEN_PATTERN, baseEnv, loadConfig } from '@satupintu/common';
import { bool, makeValidator, port } from 'envalid';

const agencyCode = makeValidator<string>((value) => {
  const code = value.toUpperCase();
  if (!SUBJECT_TOKEN_PATTERN.test(code))
    throw new Error("must be 2–32 letters, digits or '-', e.g. DUKCAPIL");
  return code;
});

export function loadAgencyConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(
    {
      ...baseEnv,
      HTTP_PORT: port({ default: 3010 }),
      AGENCY_CODE: agencyCode({
        desc: 'the agency this deployment serves, e.g. DUKCAPIL; it has its own database and consumers',
        example: 'DUKCAPIL',
      }),
      DEMO_SEED: bool({
        default: false,
        desc: "publish this agency's services of the demo catalog when it has none",
      }),
    },
    env,
  );
}

export type AgencyConfig = ReturnType<typeof loadAgencyConfig>;
