import { Inject, Injectable } from '@nestjs/common';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  type IssuedTokensV1,
  type Principal,
} from '@satupintu/contracts';
import { randomUUID } from 'node:crypto';
import { SigningKeys } from '../keys/signing-keys';
import { accessTokenClaims, signAccessToken } from './access-tokens';

/** The gateway's PUBLIC_URL: every token's `iss`. */
export const TOKEN_ISSUER = Symbol('TOKEN_ISSUER');

@Injectable()
export class TokenIssuer {
  constructor(
    private readonly keys: SigningKeys,
    @Inject(TOKEN_ISSUER) private readonly issuer: string,
  ) {}

  async accessToken(principal: Principal): Promise<IssuedTokensV1> {
    const claims = accessTokenClaims(principal, {
      issuer: this.issuer,
      now: new Date(),
      jti: randomUUID(),
    });
    return {
      accessToken: await signAccessToken(claims, await this.keys.activeKey()),
      tokenType: 'Bearer',
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
    };
  }
}
