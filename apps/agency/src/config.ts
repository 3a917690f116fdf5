import {
  DEFAULT_PUBLIC_URL,
  INSECURE_DEVELOPMENT_KEY_ENCRYPTION_KEY,
  SUBJECT_TOKEN_PATTERN,
  baseEnv,
  keyEncryptionKey,
  loadConfig,
  publicUrl,
} from '@satupintu/common';
import { DEMO_AGENCIES } from '@satupintu/demo';
import { webhookEnv } from '@satupintu/webhooks';
import { bool, makeValidator, port, str } from 'envalid';

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

/** Printed in the README: anyone can sign a callback with it, so production must set its own. */
export const INSECURE_DEVELOPMENT_PAYMENT_SECRET = 'dev-payment-callback-secret-not-for-production';

const billerPrefix = makeValidator<string>((value) => {
  if (!/^\d{4}$/.test(value)) throw new Error('must be the 4 digits the bank assigned, e.g. 8808');
  return value;
});

const hours = makeValidator<number>((value) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 720) throw new Error('must be 1 to 720 hours');
  return n;
});

/** Comma-separated: more than one while a payer's secret is rotated. */
const secrets = makeValidator<string[]>((value) => {
  const list = value
    .split(',')
    .map((secret) => secret.trim())
    .filter((secret) => secret !== '');
  if (list.length === 0 || list.some((secret) => secret.length < 16))
    throw new Error('must be one or more secrets of at least 16 characters, comma-separated');
  return list;
});

export function loadAgencyConfig(env: NodeJS.ProcessEnv = process.env) {
  const production = env.NODE_ENV === 'production';
  return loadConfig(
    {
      ...baseEnv,
      HTTP_PORT: port({ default: 3010 }),
      AGENCY_CODE: agencyCode({
        desc: 'the agency this deployment serves, e.g. DUKCAPIL; it has its own database and consumers',
        example: 'DUKCAPIL',
      }),
      AGENCY_NAME: str({
        default: '',
        desc: "the agency's name as its outputs print it; by default the demo catalog's name for its code, else the code",
      }),
      CASE_CLAIM_MINUTES: minutes({
        default: 30,
        desc: 'how long a claim on a case holds once its officer stops claiming it (1 to 1440)',
      }),
      DEMO_SEED: bool({
        default: false,
        desc: "publish this agency's services of the demo catalog when it has none",
      }),
      PUBLIC_URL: publicUrl({
        default: DEFAULT_PUBLIC_URL,
        desc: "the gateway's PUBLIC_URL: the QR code on every output points under it",
      }),
      PAYMENT_BILLER_PREFIX: billerPrefix({
        default: '8808',
        desc: 'the 4-digit biller prefix the bank assigned the mall: every payment code starts with it',
      }),
      PAYMENT_EXPIRY_HOURS: hours({
        default: 72,
        desc: 'how long a payment code is honoured after the case asks for the fee (1 to 720)',
      }),
      PAYMENT_CALLBACK_SECRETS: secrets({
        ...(production ? {} : { default: [INSECURE_DEVELOPMENT_PAYMENT_SECRET] }),
        desc: 'the HMAC-SHA256 secrets shared with the bank or payment gateway, comma-separated (rotation); required in production',
      }),
      ...webhookEnv(production, "this agency's"),
      AGENCY_KEY_ENCRYPTION_KEY: keyEncryptionKey({
        ...(production ? {} : { default: INSECURE_DEVELOPMENT_KEY_ENCRYPTION_KEY }),
        desc: "AES-256 key (base64 of 32 bytes) sealing the output signing key and the webhook subscriptions' secrets in the database; required in production",
      }),
    },
    env,
  );
}

export type AgencyConfig = ReturnType<typeof loadAgencyConfig>;

/** AGENCY_NAME, else the demo catalog's name for the code, else the code itself. */
export function agencyNameOf(config: Pick<AgencyConfig, 'AGENCY_CODE' | 'AGENCY_NAME'>): string {
  const code = config.AGENCY_CODE.toUpperCase();
  return (
    config.AGENCY_NAME.trim() || DEMO_AGENCIES.find((agency) => agency.code === code)?.name || code
  );
}
