import { randomBytes } from 'node:crypto';
import { keyEncryptionKeyFrom } from '../sealing/sealing';
import { openSealedJwk, sealPrivateJwk } from './key-sealing';

const jwk = { kty: 'OKP', crv: 'Ed25519', x: 'public-part', d: 'private-part' };

describe('sealing a private JWK', () => {
  const kek = randomBytes(32);

  it('opens to the same JWK under the same key and kid', () => {
    const sealed = sealPrivateJwk(jwk, kek, 'kid-1');
    expect(openSealedJwk(sealed, kek, 'kid-1')).toEqual(jwk);
  });

  it('never contains the private part in the clear, and differs each time', () => {
    const a = sealPrivateJwk(jwk, kek, 'kid-1');
    const b = sealPrivateJwk(jwk, kek, 'kid-1');
    expect(a.toString('latin1')).not.toContain('private-part');
    expect(a.equals(b)).toBe(false);
  });

  it('does not open under another key-encryption key', () => {
    const sealed = sealPrivateJwk(jwk, kek, 'kid-1');
    expect(() =>
      openSealedJwk(sealed, randomBytes(32), 'kid-1', 'IDENTITY_KEY_ENCRYPTION_KEY'),
    ).toThrow(/IDENTITY_KEY_ENCRYPTION_KEY is not the key/);
  });

  it('does not open for another kid (a seal moved to another row)', () => {
    const sealed = sealPrivateJwk(jwk, kek, 'kid-1');
    expect(() => openSealedJwk(sealed, kek, 'kid-2')).toThrow(/does not open/);
  });

  it('does not open when a byte was altered', () => {
    const sealed = sealPrivateJwk(jwk, kek, 'kid-1');
    sealed[sealed.length - 1] ^= 1;
    expect(() => openSealedJwk(sealed, kek, 'kid-1')).toThrow(/does not open/);
  });

  it('refuses what is not a seal of a known version', () => {
    expect(() => openSealedJwk(Buffer.from([9, 1, 2]), kek, 'kid-1')).toThrow(/known version/);
  });

  it('takes a key-encryption key of exactly 32 bytes', () => {
    expect(keyEncryptionKeyFrom(randomBytes(32).toString('base64'))).toHaveLength(32);
    expect(() => keyEncryptionKeyFrom(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });
});
