import { defineRequest } from '../contract';

/** No fields: the identity service's current public keys. */
export class GetJwksV1 {}

/** A public key as RFC 7517 writes it (OKP Ed25519 or EC P-256), with its `kid` and `alg`. */
export interface PublicJwkV1 {
  kty: string;
  kid: string;
  alg: string;
  use: 'sig';
  crv?: string;
  x?: string;
  y?: string;
}

export interface JwksV1 {
  /** Every key whose tokens may still be valid: the one signing now and those retiring. */
  keys: PublicJwkV1[];
}

/** The gateway caches the answer and asks again on a timer or an unknown `kid`, never per request. */
export const GetJwks = defineRequest<GetJwksV1, JwksV1>({
  subject: 'identity.jwks.get.v1',
  service: 'identity',
  payload: GetJwksV1,
});
