import { ConfigError, INSECURE_DEVELOPMENT_KEY_ENCRYPTION_KEY } from '@satupintu/common';
import { randomBytes } from 'node:crypto';
import { INSECURE_DEVELOPMENT_PAYMENT_SECRET, agencyNameOf, loadAgencyConfig } from './config';

function errorOf(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadAgencyConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('loadAgencyConfig accepted the environment');
}

describe('loadAgencyConfig', () => {
  it('refuses to start without AGENCY_CODE and names it', () => {
    const error = errorOf({});
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain('AGENCY_CODE');
  });

  it('reports only AGENCY_CODE when it is the one thing missing', () => {
    const lines = errorOf({}).message.split('\n').slice(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ {2}AGENCY_CODE: /);
  });

  it('holds a claim on a case 30 minutes by default, 1 to 1440 if set', () => {
    expect(loadAgencyConfig({ AGENCY_CODE: 'DUKCAPIL' }).CASE_CLAIM_MINUTES).toBe(30);
    expect(
      loadAgencyConfig({ AGENCY_CODE: 'DUKCAPIL', CASE_CLAIM_MINUTES: '5' }).CASE_CLAIM_MINUTES,
    ).toBe(5);
    expect(errorOf({ AGENCY_CODE: 'DUKCAPIL', CASE_CLAIM_MINUTES: '0' }).message).toContain(
      'CASE_CLAIM_MINUTES',
    );
  });

  it('listens on port 3010 by default and keeps the base defaults', () => {
    const config = loadAgencyConfig({ AGENCY_CODE: 'DUKCAPIL' });
    expect(config.HTTP_PORT).toBe(3010);
    expect(config.SP_NAMESPACE).toBe('sp');
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432');
  });

  it('names the agency by AGENCY_NAME, else by the demo catalog, else by its code', () => {
    const name = (env: NodeJS.ProcessEnv) => agencyNameOf(loadAgencyConfig(env));
    expect(name({ AGENCY_CODE: 'DUKCAPIL', AGENCY_NAME: 'Disdukcapil Kota Depok' })).toBe(
      'Disdukcapil Kota Depok',
    );
    expect(name({ AGENCY_CODE: 'dukcapil' })).toBe('Dinas Kependudukan dan Pencatatan Sipil');
    expect(name({ AGENCY_CODE: 'BPN' })).toBe('BPN');
  });

  it('takes HTTP_PORT from the environment', () => {
    expect(loadAgencyConfig({ AGENCY_CODE: 'BPN', HTTP_PORT: '3011' }).HTTP_PORT).toBe(3011);
  });

  it.each([
    ['dukcapil', 'DUKCAPIL'],
    ['Dpmptsp-2', 'DPMPTSP-2'],
    ['BPN', 'BPN'],
    ['ab', 'AB'],
  ])('upper-cases the agency code %j to %j', (given, expected) => {
    expect(loadAgencyConfig({ AGENCY_CODE: given }).AGENCY_CODE).toBe(expected);
  });

  it.each(['a.b', 'a', 'dukcapil.*', 'a>', 'duk capil', 'duk_capil', '', 'a'.repeat(33)])(
    'refuses the agency code %j, which cannot be a NATS subject token',
    (code) => {
      const error = errorOf({ AGENCY_CODE: code });
      expect(error.message).toContain('AGENCY_CODE: must be 2–32 letters');
    },
  );

  it('names a bad base variable alongside a bad agency code', () => {
    const error = errorOf({ AGENCY_CODE: 'a.b', HTTP_PORT: 'abc' });
    expect(error.message).toContain('AGENCY_CODE');
    expect(error.message).toContain('HTTP_PORT');
  });

  it('seals the output signing key with the public development key unless in production', () => {
    expect(loadAgencyConfig({ AGENCY_CODE: 'PUPR' }).AGENCY_KEY_ENCRYPTION_KEY).toBe(
      INSECURE_DEVELOPMENT_KEY_ENCRYPTION_KEY,
    );
    expect(errorOf({ AGENCY_CODE: 'PUPR', NODE_ENV: 'production' }).message).toMatch(
      /AGENCY_KEY_ENCRYPTION_KEY/,
    );
    const key = randomBytes(32).toString('base64');
    expect(
      loadAgencyConfig({
        AGENCY_CODE: 'PUPR',
        NODE_ENV: 'production',
        AGENCY_KEY_ENCRYPTION_KEY: key,
        PAYMENT_CALLBACK_SECRETS: 'a-production-payment-secret',
      }).AGENCY_KEY_ENCRYPTION_KEY,
    ).toBe(key);
  });

  it('takes the payment callback secrets as a list, with a public default unless in production', () => {
    expect(loadAgencyConfig({ AGENCY_CODE: 'PUPR' }).PAYMENT_CALLBACK_SECRETS).toEqual([
      INSECURE_DEVELOPMENT_PAYMENT_SECRET,
    ]);
    expect(
      loadAgencyConfig({
        AGENCY_CODE: 'PUPR',
        PAYMENT_CALLBACK_SECRETS: ' first-secret-of-the-bank , second-secret-of-the-bank ',
      }).PAYMENT_CALLBACK_SECRETS,
    ).toEqual(['first-secret-of-the-bank', 'second-secret-of-the-bank']);
    const production = { AGENCY_CODE: 'PUPR', NODE_ENV: 'production' };
    expect(errorOf(production).message).toMatch(/PAYMENT_CALLBACK_SECRETS/);
    expect(errorOf({ AGENCY_CODE: 'PUPR', PAYMENT_CALLBACK_SECRETS: 'short' }).message).toMatch(
      /PAYMENT_CALLBACK_SECRETS/,
    );
    expect(errorOf({ AGENCY_CODE: 'PUPR', PAYMENT_BILLER_PREFIX: '88' }).message).toMatch(
      /PAYMENT_BILLER_PREFIX/,
    );
    expect(loadAgencyConfig({ AGENCY_CODE: 'PUPR' })).toMatchObject({
      PAYMENT_BILLER_PREFIX: '8808',
      PAYMENT_EXPIRY_HOURS: 72,
    });
  });

  it('delivers webhooks on the real schedule to public https URLs in production only', () => {
    expect(loadAgencyConfig({ AGENCY_CODE: 'PUPR' })).toMatchObject({
      WEBHOOK_DELIVER: true,
      WEBHOOK_RETRY_SCALE: 1,
      WEBHOOK_TIMEOUT_SECONDS: 10,
      WEBHOOK_ALLOW_PRIVATE_URLS: true,
    });
    const production = {
      AGENCY_CODE: 'PUPR',
      NODE_ENV: 'production',
      AGENCY_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      PAYMENT_CALLBACK_SECRETS: 'a-production-payment-secret',
    };
    expect(loadAgencyConfig(production)).toMatchObject({
      WEBHOOK_RETRY_SCALE: 1,
      WEBHOOK_ALLOW_PRIVATE_URLS: false,
    });
    expect(errorOf({ ...production, WEBHOOK_RETRY_SCALE: '0.001' }).message).toMatch(
      /WEBHOOK_RETRY_SCALE: must be 1 in production/,
    );
    expect(errorOf({ ...production, WEBHOOK_ALLOW_PRIVATE_URLS: 'true' }).message).toMatch(
      /WEBHOOK_ALLOW_PRIVATE_URLS: must be false in production/,
    );
    expect(
      loadAgencyConfig({ AGENCY_CODE: 'PUPR', WEBHOOK_RETRY_SCALE: '0.001' }).WEBHOOK_RETRY_SCALE,
    ).toBe(0.001);
    for (const scale of ['0', '2', 'x']) {
      expect(errorOf({ AGENCY_CODE: 'PUPR', WEBHOOK_RETRY_SCALE: scale }).message).toMatch(
        /WEBHOOK_RETRY_SCALE/,
      );
    }
    expect(errorOf({ AGENCY_CODE: 'PUPR', WEBHOOK_TIMEOUT_SECONDS: '31' }).message).toMatch(
      /WEBHOOK_TIMEOUT_SECONDS/,
    );
  });

  it('refuses a key-encryption key that is not 32 bytes', () => {
    const short = randomBytes(16).toString('base64');
    expect(errorOf({ AGENCY_CODE: 'PUPR', AGENCY_KEY_ENCRYPTION_KEY: short }).message).toMatch(
      /AGENCY_KEY_ENCRYPTION_KEY/,
    );
  });

  it('points the QR codes under the public URL, without a trailing slash', () => {
    expect(loadAgencyConfig({ AGENCY_CODE: 'PUPR' }).PUBLIC_URL).toBe('http://127.0.0.1:3000');
    expect(
      loadAgencyConfig({ AGENCY_CODE: 'PUPR', PUBLIC_URL: 'https://mpp.example.go.id/' })
        .PUBLIC_URL,
    ).toBe('https://mpp.example.go.id');
  });
});
