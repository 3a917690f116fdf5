import { SUBJECT_TOKEN_PATTERN, baseEnv, loadConfig } from '@satupintu/common';
import { bool, makeValidator, port } from 'envalid';

const agencyCode = makeValidator<string>((value) => {
  const code = value.toUpperCase();
  if (!SUBJECT_TOKEN_PATTERN.test(code))
    throw new Error("must be 2–32 letters, digits or '-', e.g. DUKCAPIL");
  return code;
});

const minutes = makeValidator<number>((value) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1440) throw new Error('must be 1 to 1440 minutes');
  return n;
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
      CASE_CLAIM_MINUTES: minutes({
        default: 30,
        desc: 'how long a claim on a case holds once its officer stops claiming it (1 to 1440)',
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
