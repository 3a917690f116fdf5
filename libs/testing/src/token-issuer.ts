import { randomUUID } from 'node:crypto';
import { type ApiClient, createApiClient } from '@satupintu/api-client';
import { type Msg, type NatsConnection, type Subscription, connect } from '@nats-io/transport-node';
import {
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_TTL_SECONDS,
  ACCESS_TOKEN_TYPE,
  GetJwks,
  type JwksV1,
  type Principal,
  type PublicJwkV1,
  type Role,
  principalClaims,
} from '@satupintu/contracts';
import { type CryptoKey, SignJWT, base64url, exportJWK, generateKeyPair } from 'jose';
import { DEFAULT_PUBLIC_URL } from '@satupintu/common';
import { testEnvironment } from './test-environment';

/** The gateway's `PUBLIC_URL` when a test does not set one, and so the `iss` it expects. */
export const TEST_ISSUER = DEFAULT_PUBLIC_URL;

type SigningAlgorithm = 'EdDSA' | 'ES256';

interface SigningKey {
  alg: SigningAlgorithm;
  kid: string;
  privateKey: CryptoKey;
  jwk: PublicJwkV1;
}

/** What a deliberately bad token gets wrong; a test names one per case. */
export interface TokenFlaws {
  /** `none`: an unsigned token (RFC 7519 §6); `HS256`: signed with the public key as a secret. */
  alg?: 'none' | 'HS256';
  /** Signed by a key the JWKS does not have, under a `kid` it does have. */
  foreignKey?: boolean;
  /** Under a `kid` the JWKS has never listed (signed by a key that is not published). */
  unknownKid?: boolean;
  aud?: string;
  iss?: string;
  typ?: string;
  /** Seconds from now; negative for a token that has already expired. */
  expiresInSeconds?: number;
  /** Claims merged over the ones the principal gives (a tampered `sp`, a missing `sub`). */
  claims?: Record<string, unknown>;
}

/**
 * Identity's token issuance, for tests: an Ed25519 key made with jose, a real NATS responder for
 * `GetJwks` in the test run's namespace (the gateway asks for it exactly as it asks identity),
 * and RFC 9068 access tokens for any principal, or deliberately bad ones. With it a test acts as
 * any caller without running identity; `pause()` plays identity being down.
 */
export class TestTokenIssuer {
  private keys: SigningKey[] = [];
  private subscription: Subscription | undefined;
  private answered = 0;

  private constructor(
    private readonly nats: NatsConnection,
    private readonly subject: string,
    readonly issuer: string,
  ) {}

  static async start(
    options: { natsUrl?: string; namespace?: string; issuer?: string } = {},
  ): Promise<TestTokenIssuer> {
    const env = options.natsUrl && options.namespace ? undefined : testEnvironment();
    const natsUrl = options.natsUrl ?? env!.NATS_URL;
    const namespace = options.namespace ?? env!.SP_NAMESPACE;
    // Like a service, it reconnects for as long as it takes: some suites stop NATS for a while.
    const nats = await connect({
      servers: natsUrl.split(','),
      name: 'test-token-issuer',
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
    });
    const issuer = new TestTokenIssuer(
      nats,
      `${namespace}.${GetJwks.subject}`,
      options.issuer ?? TEST_ISSUER,
    );
    await issuer.rotate();
    await issuer.resume();
    return issuer;
  }

  /** How many GetJwks requests it has answered: the gateway asks on start and timers, not per request. */
  get jwksRequests(): number {
    return this.answered;
  }

  /** The JWKS it answers with: every key it has made, the newest signing. */
  jwks(): JwksV1 {
    return { keys: this.keys.map((key) => key.jwk) };
  }

  /** A new signing key; the older ones stay in the JWKS (as identity's retiring keys do). */
  async rotate(alg: SigningAlgorithm = 'EdDSA'): Promise<void> {
    this.keys.push(await newKey(alg));
  }

  /** Takes every key but the newest out of the JWKS, as identity would withdraw compromised keys. */
  withdrawOlderKeys(): void {
    this.keys = this.keys.slice(-1);
  }

  /** Stops answering GetJwks, as if identity were down. */
  async pause(): Promise<void> {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    await this.nats.flush();
  }

  /** Answers GetJwks again (subscribed on the server when this resolves). */
  async resume(): Promise<void> {
    if (this.subscription) return;
    this.subscription = this.nats.subscribe(this.subject, {
      callback: (error, msg) => {
        if (!error) this.answer(msg);
      },
    });
    await this.nats.flush();
  }

  /** Closes at once, also while NATS is away (its reconnecting would keep the test run alive). */
  async stop(): Promise<void> {
    if (!this.nats.isClosed()) await this.nats.close();
  }

  /** An access token for this principal, as identity signs it, or with the flaws named. */
  async token(principal: Principal, flaws: TokenFlaws = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      ...principalClaims(principal),
      jti: randomUUID(),
      ...flaws.claims,
    };
    const header = { typ: flaws.typ ?? ACCESS_TOKEN_TYPE };
    const exp = now + (flaws.expiresInSeconds ?? ACCESS_TOKEN_TTL_SECONDS);
    const issuer = flaws.iss ?? this.issuer;
    const audience = flaws.aud ?? ACCESS_TOKEN_AUDIENCE;
    const signer = this.keys[this.keys.length - 1];

    if (flaws.alg === 'none') {
      const encode = (value: object) => base64url.encode(JSON.stringify(value));
      const payload = { ...claims, iss: issuer, aud: audience, iat: now, exp };
      return `${encode({ alg: 'none', ...header, kid: signer.kid })}.${encode(payload)}.`;
    }
    if (flaws.alg === 'HS256') {
      const secret = new TextEncoder().encode(JSON.stringify(signer.jwk));
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', ...header, kid: signer.kid })
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt(now)
        .setExpirationTime(exp)
        .sign(secret);
    }
    const stranger = flaws.foreignKey || flaws.unknownKid ? await newKey(signer.alg) : undefined;
    return new SignJWT(claims)
      .setProtectedHeader({
        alg: signer.alg,
        ...header,
        kid: flaws.unknownKid ? stranger!.kid : signer.kid,
      })
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt(now)
      .setExpirationTime(exp)
      .sign(stranger ? stranger.privateKey : signer.privateKey);
  }

  /** `Authorization` header for this principal. */
  async authorization(
    principal: Principal,
    flaws: TokenFlaws = {},
  ): Promise<{ authorization: string }> {
    return { authorization: `Bearer ${await this.token(principal, flaws)}` };
  }

  /**
   * The typed API client (generated from docs/openapi.json) calling as this principal, with a
   * token valid for an hour: a suite may outlast the 15 minutes of a real one.
   */
  async apiClient(gatewayUrl: string, principal: Principal): Promise<ApiClient> {
    const headers = await this.authorization(principal, { expiresInSeconds: 3600 });
    return createApiClient(gatewayUrl, { headers });
  }

  // Nest's NATS transport: the request is `{pattern, data, id}`, the answer `{id, response, isDisposed}`.
  private answer(msg: Msg): void {
    let id: string | undefined;
    try {
      id = (msg.json<{ id?: string }>() ?? {}).id;
    } catch {
      id = undefined;
    }
    this.answered += 1;
    msg.respond(JSON.stringify({ id, response: this.jwks(), isDisposed: true }));
  }
}

async function newKey(alg: SigningAlgorithm = 'EdDSA'): Promise<SigningKey> {
  const { privateKey, publicKey } =
    alg === 'EdDSA'
      ? await generateKeyPair('EdDSA', { crv: 'Ed25519' })
      : await generateKeyPair('ES256');
  const kid = randomUUID();
  const { kty, crv, x, y } = await exportJWK(publicKey);
  return {
    alg,
    kid,
    privateKey,
    jwk: { kty: kty!, crv, x, ...(y ? { y } : {}), kid, alg, use: 'sig' },
  };
}

/** Principals to act as: each a fresh subject, with what its kind needs. */
export function anApplicant(overrides: Partial<Principal> = {}): Principal {
  return { kind: 'applicant', subject: randomUUID(), roles: [], scopes: [], ...overrides };
}

/** Who the thin-path suites act as: the front desk submits for walk-ins and reads any timeline. */
export function aFrontDeskOfficer(agency = 'DUKCAPIL'): Principal {
  return anOfficer(agency, ['FRONT_DESK']);
}

export function anOfficer(agency: string, roles: Role[], overrides: Partial<Principal> = {}) {
  const officer: Principal = { kind: 'officer', subject: randomUUID(), roles, agency, scopes: [] };
  return { ...officer, ...overrides };
}

export function anApiClient(scopes: string[], overrides: Partial<Principal> = {}): Principal {
  const clientId = `client-${randomUUID().slice(0, 8)}`;
  return { kind: 'client', subject: clientId, clientId, roles: [], scopes, ...overrides };
}
