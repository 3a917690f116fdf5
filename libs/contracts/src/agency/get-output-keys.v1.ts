import { defineRequest } from '../contract';

/** The agency's public keys for its outputs: every key that ever signed one (ADR 0021). */
export class GetOutputKeysV1 {}

/** An Ed25519 public key as RFC 7517 writes it; `kid` is its RFC 7638 thumbprint. */
export interface OutputPublicJwkV1 {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

/** JWKS-shaped, so JOSE tooling reads it; keys are never removed, only added. */
export interface OutputKeysV1 {
  agencyCode: string;
  keys: OutputPublicJwkV1[];
}

export const GetOutputKeys = defineRequest<GetOutputKeysV1, OutputKeysV1>({
  subject: 'agency.output-keys.get.v1',
  service: 'agency',
  routedBy: 'agency',
  payload: GetOutputKeysV1,
});
