import { Inject, Injectable, Optional, type OnApplicationShutdown } from '@nestjs/common';
import {
  DomainError,
  LOGGER,
  createLogger,
  RETRY_AFTER_SECONDS,
  type AppLogger,
} from '@satupintu/common';
import { GetJwks, type PublicJwkV1 } from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import { type CryptoKey, type JWSHeaderParameters, importJWK } from 'jose';

const SILENT = createLogger('gateway', 'silent');

/** The algorithms an access token may be signed with: asymmetric only, never `none` or HMAC. */
export const ACCESS_TOKEN_ALGORITHMS = ['EdDSA', 'ES256'] as const;

export const JWKS_OPTIONS = Symbol('JWKS_OPTIONS');

/** After a failed fetch, the least time before an unknown `kid` may cause the next one. */
export const RETRY_AFTER_FAILURE_MS = 1000;

export interface JwksOptions {
  refreshSeconds: number;
  /** The least time between two fetches an unknown `kid` may cause. */
  minRefreshMs: number;
}

/** Why a token's key could not be found: the caller's fault (401) or identity's absence (503). */
export class UnknownKeyError extends Error {
  constructor() {
    super('no key with this kid');
  }
}

interface Key {
  alg: string;
  key: CryptoKey;
}

/**
 * Identity's public keys, held by the gateway so that verifying a token costs no round trip:
 * fetched over NATS at start, again on a timer and when a token names a `kid` not yet known
 * (a new signing key), but at most once per `minRefreshMs`, so forged kids cannot make the
 * gateway flood identity. When identity is down the keys known keep working; a token whose key
 * is unknown then cannot be judged, and is answered 503 instead of a wrong 401.
 */
@Injectable()
export class JwksCache implements OnApplicationShutdown {
  private keys = new Map<string, Key>();
  private inFlight: Promise<void> | undefined;
  private lastAttempt = 0;
  private lastFailed = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly rpc: RpcClient,
    @Inject(JWKS_OPTIONS) private readonly options: JwksOptions,
    // Absent only where the gateway is built for its OpenAPI document, never run.
    @Optional() @Inject(LOGGER) private readonly logger: AppLogger = SILENT,
  ) {}

  /** First fetch, and the timer; the gateway starts even when identity does not answer yet. */
  start(): void {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.options.refreshSeconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** For jose's `jwtVerify`: the key the token's header names, with its algorithm checked. */
  readonly keyFor = async (header: JWSHeaderParameters): Promise<CryptoKey> => {
    const kid = header.kid;
    if (!kid || kid.length > 256) throw new UnknownKeyError();
    let found = this.keys.get(kid);
    if (!found) {
      // After a failed fetch (identity starting, or away) ask again soon: otherwise every token
      // would be answered 503 until the interval passed, though identity may be back already.
      const interval = this.lastFailed
        ? Math.min(RETRY_AFTER_FAILURE_MS, this.options.minRefreshMs)
        : this.options.minRefreshMs;
      if (Date.now() - this.lastAttempt >= interval || this.inFlight) {
        await this.refresh();
      }
      found = this.keys.get(kid);
      if (!found && this.lastFailed) {
        throw new DomainError('service_unavailable', 503, [], {
          service: 'identity',
          retryAfterSeconds: RETRY_AFTER_SECONDS,
        });
      }
    }
    if (!found || found.alg !== header.alg) throw new UnknownKeyError();
    return found.key;
  };

  /** Whether identity still publishes this key (a key withdrawn from the JWKS is not). */
  isKnown(kid: string): boolean {
    return this.keys.has(kid);
  }

  /** One fetch at a time: a second caller joins the one in flight. */
  refresh(): Promise<void> {
    this.inFlight ??= this.fetch().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async fetch(): Promise<void> {
    this.lastAttempt = Date.now();
    try {
      const { keys } = await this.rpc.request(GetJwks, {});
      this.keys = await importKeys(keys, this.logger);
      this.lastFailed = false;
    } catch (error) {
      this.lastFailed = true;
      this.logger.warn(
        { err: error, knownKeys: this.keys.size },
        'identity did not answer for its public keys; the keys known keep working',
      );
    }
  }
}

async function importKeys(jwks: PublicJwkV1[], logger: AppLogger): Promise<Map<string, Key>> {
  const keys = new Map<string, Key>();
  for (const jwk of jwks) {
    if (!(ACCESS_TOKEN_ALGORITHMS as readonly string[]).includes(jwk.alg) || jwk.use !== 'sig') {
      logger.warn(
        { kid: jwk.kid, alg: jwk.alg },
        'ignoring a public key of another use or algorithm',
      );
      continue;
    }
    try {
      keys.set(jwk.kid, { alg: jwk.alg, key: (await importJWK(jwk, jwk.alg)) as CryptoKey });
    } catch (error) {
      logger.warn({ err: error, kid: jwk.kid }, 'ignoring a public key that does not import');
    }
  }
  return keys;
}
