import { fingerprintOf } from '@satupintu/messaging';
import { createHash, randomBytes } from 'node:crypto';
import { derivedKey } from '@satupintu/common';
import {
  IDEMPOTENCY_KEY_PURPOSES,
  IdempotencySecrets,
  anonymousScopeOf,
  sealingField,
  withSecretsKeyed,
} from './idempotency-secrets';

/** A kept answer that does not open: a 409 the caller can act on, never a 500. */
const UNAVAILABLE = expect.objectContaining({
  code: 'idempotency_answer_unavailable',
  status: 409,
}) as Error;

const officer = {
  username: 'dukcapil.budi',
  name: 'Budi Santoso',
  roles: ['VERIFIER'],
  password: 'loket pelayanan nomor tiga',
};
const keyRow = {
  caller: 'officer:o-1',
  operation: 'identity.api-client.create.v1',
  key: 'k-123456',
};

describe('withSecretsKeyed', () => {
  const key = randomBytes(32);

  it('replaces a secret by its keyed hash, leaving the rest as it is', () => {
    const keyed = withSecretsKeyed(officer, ['password'], key);
    expect(keyed).toEqual({
      ...officer,
      password: expect.stringMatching(/^hmac-sha256:[\w-]{43}$/) as string,
    });
    expect(JSON.stringify(keyed)).not.toContain(officer.password);
  });

  it('holds neither the secret nor its plain SHA-256, in the payload or its fingerprint', () => {
    const keyed = withSecretsKeyed(officer, ['password'], key);
    const sha256 = createHash('sha256').update(officer.password).digest();
    const fingerprint = fingerprintOf('op', keyed);
    for (const form of [sha256.toString('hex'), sha256.toString('base64url')]) {
      expect(JSON.stringify(keyed)).not.toContain(form);
      expect(fingerprint).not.toBe(form);
    }
  });

  it('is the same for the same secret, and another for another secret or another key', () => {
    const one = fingerprintOf('op', withSecretsKeyed(officer, ['password'], key));
    expect(fingerprintOf('op', withSecretsKeyed({ ...officer }, ['password'], key))).toBe(one);
    const otherPassword = { ...officer, password: 'loket pelayanan nomor empat' };
    expect(fingerprintOf('op', withSecretsKeyed(otherPassword, ['password'], key))).not.toBe(one);
    expect(fingerprintOf('op', withSecretsKeyed(officer, ['password'], randomBytes(32)))).not.toBe(
      one,
    );
  });

  it('leaves a secret that is absent absent', () => {
    const { password: _password, ...rest } = officer;
    expect(withSecretsKeyed<Partial<typeof officer>>(rest, ['password'], key)).toEqual(rest);
  });
});

describe('anonymousScopeOf', () => {
  const key = randomBytes(32);

  it('scopes by a keyed hash of the NIK: one per NIK, naming none', () => {
    const scope = anonymousScopeOf('3201014506900001', key);
    expect(scope).toMatch(/^nik:[\w-]{43}$/);
    expect(scope).not.toContain('3201014506900001');
    expect(anonymousScopeOf('3201014506900001', key)).toBe(scope);
    expect(anonymousScopeOf('3201011203850002', key)).not.toBe(scope);
    expect(anonymousScopeOf('3201014506900001', randomBytes(32))).not.toBe(scope);
  });
});

describe('sealingField', () => {
  const key = randomBytes(32);
  const sealing = sealingField<{ clientId: string; secret: string }>('secret', key);
  const answer = {
    clientId: 'dukcapil-simduk',
    secret: 'sps_Hx3V0c9Q2rJmYbT8kP1sLwZ4nE7aFgU6dC5iRoXyMqA',
  };

  it('keeps the secret sealed, the rest as it is, and opens to the same answer', () => {
    const stored = sealing.seal(answer, keyRow);
    expect(stored).toEqual({
      clientId: answer.clientId,
      secret: { sealed: expect.any(String) as string },
    });
    expect(JSON.stringify(stored)).not.toContain(answer.secret);
    expect(JSON.stringify(stored)).not.toContain(answer.secret.slice(4));
    expect(sealing.open(JSON.parse(JSON.stringify(stored)), keyRow)).toEqual(answer);
  });

  it('does not open under another key row: a seal moved elsewhere stays shut', () => {
    const stored = sealing.seal(answer, keyRow);
    for (const other of [
      { ...keyRow, caller: 'officer:o-2' },
      { ...keyRow, operation: 'identity.api-client-secret.rotate.v1' },
      { ...keyRow, key: 'k-654321' },
    ])
      expect(() => sealing.open(stored, other)).toThrow(UNAVAILABLE);
  });

  it('does not open under another key, nor when altered, nor what was never sealed', () => {
    const stored = sealing.seal(answer, keyRow) as { secret: { sealed: string } };
    expect(() => sealingField('secret', randomBytes(32)).open(stored, keyRow)).toThrow(UNAVAILABLE);
    const bytes = Buffer.from(stored.secret.sealed, 'base64');
    bytes[bytes.length - 1] ^= 1;
    const altered = { ...stored, secret: { sealed: bytes.toString('base64') } };
    expect(() => sealing.open(altered, keyRow)).toThrow(UNAVAILABLE);
    expect(() => sealing.open(answer, keyRow)).toThrow(UNAVAILABLE);
  });
});

describe('IdempotencySecrets', () => {
  const kek = randomBytes(32);
  const secrets = new IdempotencySecrets(kek);

  it('uses a key of its own per purpose, none of them the key-encryption key', () => {
    const keys = Object.values(IDEMPOTENCY_KEY_PURPOSES).map((purpose) => derivedKey(kek, purpose));
    expect(new Set([kek, ...keys].map((key) => key.toString('hex'))).size).toBe(4);
    expect(secrets.fingerprinted(officer, 'password')).toEqual(
      withSecretsKeyed(officer, ['password'], keys[0]),
    );
    expect(secrets.anonymousScope('3201014506900001')).toBe(
      anonymousScopeOf('3201014506900001', keys[1]),
    );
    expect(secrets.fingerprinted(officer, 'password')).not.toEqual(
      withSecretsKeyed(officer, ['password'], kek),
    );
  });

  it('opens what it sealed, under the same key-encryption key only', () => {
    const answer = { clientId: 'kiosk', secret: 'sps_x' };
    const stored = secrets.sealing<typeof answer>('secret').seal(answer, keyRow);
    expect(
      new IdempotencySecrets(kek).sealing<typeof answer>('secret').open(stored, keyRow),
    ).toEqual(answer);
    expect(() =>
      new IdempotencySecrets(randomBytes(32)).sealing<typeof answer>('secret').open(stored, keyRow),
    ).toThrow(UNAVAILABLE);
  });
});
