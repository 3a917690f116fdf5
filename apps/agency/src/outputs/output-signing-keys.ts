import type { OutputPublicJwkV1 } from '@satupintu/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { openSealedJwk, sealPrivateJwk } from '@satupintu/common';
import { executorOf, type Executor } from '@satupintu/persistence';
import { calculateJwkThumbprint } from 'jose';
import {
  createPrivateKey,
  generateKeyPairSync,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';
import { DataSource } from 'typeorm';
import { OutputSigningKeysRepository as keys } from './output-signing-keys.repository';

export const OUTPUT_KEY_ENCRYPTION_KEY = Symbol('OUTPUT_KEY_ENCRYPTION_KEY');

/** The variable the key-encryption key comes from, named when a sealed key does not open. */
export const OUTPUT_KEY_ENCRYPTION_KEY_VARIABLE = 'AGENCY_KEY_ENCRYPTION_KEY';

/**
 * This agency's Ed25519 key for outputs (ADR 0021), kept in `output_signing_keys` with its
 * private half sealed like identity's token keys (ADR 0011). The first issue makes it; replicas
 * starting together may each make one, the unique index keeps the first and the others use it.
 * Unlike token keys, output keys are never unpublished: a document is valid for years.
 */
@Injectable()
export class OutputSigningKeys {
  private readonly db: Executor;
  private readonly opened = new Map<string, KeyObject>();

  constructor(
    dataSource: DataSource,
    @Inject(OUTPUT_KEY_ENCRYPTION_KEY) private readonly kek: Buffer,
  ) {
    this.db = executorOf(dataSource);
  }

  /**
   * The key that signs now. Inside an issue, pass its transaction: a second connection from the
   * pool while the transaction holds one would let concurrent issues exhaust the pool.
   */
  async activeKey(db: Executor = this.db): Promise<{ kid: string; privateKey: KeyObject }> {
    let row = await keys.active(db);
    if (!row) {
      await keys.addActive(db, await this.newKey());
      row = await keys.active(db);
      if (!row) throw new Error('no active output signing key after making one');
    }
    const { kid, sealed } = row;
    let privateKey = this.opened.get(kid);
    if (!privateKey) {
      const jwk = openSealedJwk<JsonWebKey>(
        sealed,
        this.kek,
        kid,
        OUTPUT_KEY_ENCRYPTION_KEY_VARIABLE,
      );
      privateKey = createPrivateKey({ key: jwk, format: 'jwk' });
      this.opened.set(kid, privateKey);
    }
    return { kid, privateKey };
  }

  /** The agency's public keys, for anyone who verifies its outputs offline. */
  publishedKeys(): Promise<OutputPublicJwkV1[]> {
    return keys.published(this.db);
  }

  private async newKey(): Promise<{ kid: string; publicJwk: OutputPublicJwkV1; sealed: Buffer }> {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const { x } = publicKey.export({ format: 'jwk' });
    if (!x) throw new Error('an Ed25519 public key without x');
    // RFC 7638: the kid names the key itself, so no two keys can share one.
    const kid = await calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x });
    const publicJwk: OutputPublicJwkV1 = {
      kty: 'OKP',
      crv: 'Ed25519',
      x,
      kid,
      alg: 'EdDSA',
      use: 'sig',
    };
    const sealed = sealPrivateJwk(privateKey.export({ format: 'jwk' }), this.kek, kid);
    return { kid, publicJwk, sealed };
  }
}
