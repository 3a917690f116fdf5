import type { OutputPdfCheckV1, OutputPublicJwkV1 } from '@satupintu/contracts';
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * What an agency signs when it issues an output (ADR 0021): the facts a verifier needs and the
 * SHA-256 of the PDF's exact bytes. The signature is kept beside the PDF (the verification
 * endpoint publishes it), not inside it: the PDF's bytes are hashed whole, with nothing to cut
 * out first, and anyone can recompute the digest with `sha256sum`.
 */
export const OUTPUT_STATEMENT_FORMAT = 'satupintu.output.v1';

export interface OutputStatement {
  /** Names what the signature covers, so no other message signed by the same key can pass. */
  format: typeof OUTPUT_STATEMENT_FORMAT;
  documentNo: string;
  agencyCode: string;
  serviceCode: string;
  /** ISO 8601 in UTC with milliseconds (`Date.toISOString`). */
  issuedAt: string;
  /** Lower-case hex, as `sha256sum` prints it. */
  pdfSha256: string;
  /** The RFC 7638 thumbprint of the public key that verifies the signature. */
  keyId: string;
}

export interface SignedOutput extends OutputStatement {
  /** Ed25519 over `canonicalStatement(statement)`, base64url without padding. */
  signature: string;
}

export type OutputVerification = OutputPdfCheckV1;

const STATEMENT_KEYS = [
  'agencyCode',
  'documentNo',
  'format',
  'issuedAt',
  'keyId',
  'pdfSha256',
  'serviceCode',
] as const satisfies readonly (keyof OutputStatement)[];

/**
 * The bytes that are signed: the statement's members in code-point order of their names, no
 * whitespace, UTF-8. Every value is a string, so this is the statement's RFC 8785 (JCS) form:
 * a verifier in any language rebuilds it with a sorted-keys JSON writer.
 */
export function canonicalStatement(statement: OutputStatement): Buffer {
  const members = STATEMENT_KEYS.map(
    (key) => `${JSON.stringify(key)}:${JSON.stringify(statement[key])}`,
  );
  return Buffer.from(`{${members.join(',')}}`, 'utf8');
}

export function pdfDigest(pdf: Uint8Array): string {
  return createHash('sha256').update(pdf).digest('hex');
}

export function signOutput(statement: OutputStatement, privateKey: KeyObject): SignedOutput {
  const signature = sign(null, canonicalStatement(statement), privateKey).toString('base64url');
  return { ...pickStatement(statement), signature };
}

/**
 * Whether the PDF is the one the agency signed, checked the way a third party does offline:
 * the PDF's digest against the statement's, the key named against the key given, then the
 * signature. A changed byte anywhere in the PDF is a digest mismatch; a record signed by
 * another key (another agency's) is a wrong key or a bad signature.
 */
export function verifyOutput(
  pdf: Uint8Array,
  signed: SignedOutput,
  publicKey: OutputPublicJwkV1,
): OutputVerification {
  return verifyOutputDigest(pdfDigest(pdf), signed, publicKey);
}

/**
 * `verifyOutput` given the PDF's SHA-256 rather than its bytes: what the agency checks when the
 * gateway hashed an uploaded PDF, so the file (which names its holder) never travels further.
 */
export function verifyOutputDigest(
  pdfSha256: string,
  signed: SignedOutput,
  publicKey: OutputPublicJwkV1,
): OutputVerification {
  if (!isStatement(signed) || typeof signed.signature !== 'string') {
    return { authentic: false, reason: 'malformed' };
  }
  if (pdfSha256 !== signed.pdfSha256) return { authentic: false, reason: 'digest_mismatch' };
  if (publicKey.kid !== signed.keyId) return { authentic: false, reason: 'wrong_key' };
  let key: KeyObject;
  try {
    key = createPublicKey({
      key: { kty: publicKey.kty, crv: publicKey.crv, x: publicKey.x },
      format: 'jwk',
    });
  } catch {
    return { authentic: false, reason: 'wrong_key' };
  }
  if (key.asymmetricKeyType !== 'ed25519') return { authentic: false, reason: 'wrong_key' };
  const signature = Buffer.from(signed.signature, 'base64url');
  const valid =
    signature.length === 64 &&
    verify(null, canonicalStatement(pickStatement(signed)), key, signature);
  return valid ? { authentic: true } : { authentic: false, reason: 'bad_signature' };
}

/** Only the statement's own members: a record with extra fields signs and verifies the same. */
function pickStatement(source: OutputStatement): OutputStatement {
  const { format, documentNo, agencyCode, serviceCode, issuedAt, pdfSha256, keyId } = source;
  return { format, documentNo, agencyCode, serviceCode, issuedAt, pdfSha256, keyId };
}

function isStatement(value: Partial<OutputStatement>): value is OutputStatement {
  return (
    value.format === OUTPUT_STATEMENT_FORMAT &&
    STATEMENT_KEYS.every((key) => typeof value[key] === 'string')
  );
}
