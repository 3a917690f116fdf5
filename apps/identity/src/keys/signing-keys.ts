import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, openSealedJwk, sealPrivateJwk, type AppLogger } from '@satupintu/common';
import type { JwksV1, PublicJwkV1 } from '@satupintu/contracts';
import { UnitOfWork, type Transaction } from '@satupintu/messaging';
import { executorOf, type Executor } from '@satupintu/persistence';
import {
  type CryptoKey,
  type JWK,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
} from 'jose';
import { DataSource } from 'typeorm';
import {
  PUBLISHED_STATES,
  ROTATION_POLICY,
  plannedKeyChanges,
  type KeyChange,
} from './key-rotation';
import { signingKeysSql as q } from './signing-keys.repository';

export const KEY_ENCRYPTION_KEY = Symbol('KEY_ENCRYPTION_KEY');

export interface ActiveSigningKey {
  kid: string;
  privateKey: CryptoKey;
}

/**
 * The signing keys, kept in `signing_keys` with their private halves sealed (ADR 0011). Every
 * change goes through `rotate`, under an advisory lock all instances take, so concurrent
 * replicas never both create or promote a key; the unique index on the active state is the
 * last line. Each signature reads which key is active, so no instance signs with a key another
 * instance has demoted; opened keys are cached by kid.
 */
@Injectable()
export class SigningKeys {
  private readonly db: Executor;
  private readonly opened = new Map<string, Promise<CryptoKey>>();

  constructor(
    private readonly unitOfWork: UnitOfWork,
    dataSource: DataSource,
    @Inject(KEY_ENCRYPTION_KEY) private readonly kek: Buffer,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {
    this.db = executorOf(dataSource);
  }

  /** The key that signs now; made on the very first use if no instance has made one yet. */
  async activeKey(): Promise<ActiveSigningKey> {
    let [row] = await this.db.query(q.active());
    if (!row) {
      await this.unitOfWork.run((tx) => this.rotate(tx));
      [row] = await this.db.query(q.active());
      if (!row) throw new Error('no active signing key after a rotation');
    }
    const { kid, sealed } = row;
    let opened = this.opened.get(kid);
    if (!opened) {
      opened = importJWK(
        openSealedJwk<JWK>(sealed, this.kek, kid, 'IDENTITY_KEY_ENCRYPTION_KEY'),
        'EdDSA',
      ) as Promise<CryptoKey>;
      // A failure is not cached: the next signature tries again.
      opened.catch(() => this.opened.delete(kid));
      this.opened.set(kid, opened);
    }
    return { kid, privateKey: await opened };
  }

  /** The public keys of every key that signs, will sign, or signed a token still valid. */
  async jwks(): Promise<JwksV1> {
    let rows = await this.db.query(q.published(PUBLISHED_STATES));
    if (rows.length === 0) {
      await this.unitOfWork.run((tx) => this.rotate(tx));
      rows = await this.db.query(q.published(PUBLISHED_STATES));
    }
    return { keys: rows.map((row) => row.publicJwk) };
  }

  /** Brings the keys to where the rotation policy wants them now; the recurring job calls it. */
  async rotate(tx: Transaction, now = new Date()): Promise<KeyChange[]> {
    await tx.execute(q.lock());
    const keys = await tx.query(q.all());
    const changes = plannedKeyChanges(keys, now, ROTATION_POLICY);
    for (const change of changes) {
      switch (change.change) {
        case 'retire':
          await tx.execute(q.retire(change.kid));
          break;
        case 'promote':
          // The old one first: at most one key is active at any moment (a unique index).
          if (change.demote) await tx.execute(q.demote(change.demote));
          await tx.execute(q.promote(change.kid));
          break;
        case 'create':
          await tx.execute(q.insert({ ...(await this.newKey()), state: change.state }));
          break;
      }
    }
    if (changes.length > 0) this.logger.info({ changes }, 'signing keys rotated');
    return changes;
  }

  private async newKey(): Promise<{ kid: string; publicJwk: PublicJwkV1; sealed: Buffer }> {
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', {
      crv: 'Ed25519',
      extractable: true,
    });
    const publicPart = await exportJWK(publicKey);
    // RFC 7638: the kid names the key itself, so no two keys can share one.
    const kid = await calculateJwkThumbprint(publicPart);
    const publicJwk: PublicJwkV1 = {
      kty: 'OKP',
      crv: 'Ed25519',
      x: publicPart.x,
      kid,
      alg: 'EdDSA',
      use: 'sig',
    };
    const sealed = sealPrivateJwk(await exportJWK(privateKey), this.kek, kid);
    return { kid, publicJwk, sealed };
  }
}
