import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { JwksV1 } from '@satupintu/contracts';

export class JwkResponse {
  @ApiProperty({ description: 'Key type (RFC 7517)', enum: ['OKP', 'EC'], example: 'OKP' })
  kty: string;

  @ApiProperty({
    description: 'Key id, as in the token header',
    maxLength: 128,
    example: 'TkF3n-09qW',
  })
  kid: string;

  @ApiProperty({ description: 'Algorithm', enum: ['EdDSA', 'ES256'], example: 'EdDSA' })
  alg: string;

  @ApiProperty({ enum: ['sig'], example: 'sig' })
  use: 'sig';

  @ApiPropertyOptional({ description: 'Curve', enum: ['Ed25519', 'P-256'], example: 'Ed25519' })
  crv?: string;

  @ApiPropertyOptional({
    description: 'Public key (base64url)',
    maxLength: 128,
    example: 'TdnevFECdPNaIxyuuYjFiYmrT2L9BNfkz-RaIh2LGug',
  })
  x?: string;

  @ApiPropertyOptional({ description: 'EC only: y coordinate (base64url)', maxLength: 128 })
  y?: string;
}

/** RFC 7517 §5. */
export class JwksResponse {
  @ApiProperty({
    description:
      'The keys that sign, will sign soon, or signed tokens that are still valid; select one by the token’s `kid`',
    type: [JwkResponse],
    maxItems: 16,
  })
  keys: JwkResponse[];
}

export function toJwksResponse(jwks: JwksV1): JwksResponse {
  return {
    keys: jwks.keys.map((key) => ({
      kty: key.kty,
      kid: key.kid,
      alg: key.alg,
      use: key.use,
      ...(key.crv ? { crv: key.crv } : {}),
      ...(key.x ? { x: key.x } : {}),
      ...(key.y ? { y: key.y } : {}),
    })),
  };
}
