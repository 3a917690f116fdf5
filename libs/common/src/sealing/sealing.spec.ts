import { randomBytes } from 'node:crypto';
import { SealError, derivedKey, keyEncryptionKeyFrom, openSeal, seal } from './sealing';

const reasonOf = (open: () => unknown): string | undefined => {
  try {
    open();
    return undefined;
  } catch (error) {
    return error instanceof SealError ? error.reason : 'not a SealError';
  }
};

describe('sealing a secret', () => {
  const key = randomBytes(32);
  const plain = Buffer.from('sps_client-secret', 'utf8');

  it('opens to the same bytes under the same key and context', () => {
    expect(openSeal(seal(plain, key, 'row-1'), key, 'row-1')).toEqual(plain);
    expect(openSeal(seal('text', key, 'row-1'), key, 'row-1').toString('utf8')).toBe('text');
  });

  it('never holds the secret in the clear, and differs each time', () => {
    const a = seal(plain, key, 'row-1');
    expect(a.toString('latin1')).not.toContain('sps_client-secret');
    expect(a.equals(seal(plain, key, 'row-1'))).toBe(false);
  });

  it('does not open for another context, under another key, or altered', () => {
    const sealed = seal(plain, key, 'row-1');
    expect(reasonOf(() => openSeal(sealed, key, 'row-2'))).toBe('does-not-open');
    expect(reasonOf(() => openSeal(sealed, randomBytes(32), 'row-1'))).toBe('does-not-open');
    const altered = Buffer.from(sealed);
    altered[altered.length - 1] ^= 1;
    expect(reasonOf(() => openSeal(altered, key, 'row-1'))).toBe('does-not-open');
  });

  it('refuses what is not a seal of a known version', () => {
    expect(reasonOf(() => openSeal(Buffer.from([9, 1, 2]), key, 'row-1'))).toBe('unknown-version');
  });

  it('takes a key-encryption key of exactly 32 bytes', () => {
    expect(keyEncryptionKeyFrom(randomBytes(32).toString('base64'))).toHaveLength(32);
    expect(() => keyEncryptionKeyFrom(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });
});

describe('derivedKey', () => {
  const kek = randomBytes(32);

  it('derives 32 bytes, the same for one purpose, another for another, never the key itself', () => {
    const one = derivedKey(kek, 'purpose one');
    expect(one).toHaveLength(32);
    expect(derivedKey(kek, 'purpose one').equals(one)).toBe(true);
    expect(derivedKey(kek, 'purpose two').equals(one)).toBe(false);
    expect(derivedKey(randomBytes(32), 'purpose one').equals(one)).toBe(false);
    expect(one.equals(kek)).toBe(false);
  });
});
