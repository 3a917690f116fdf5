import { DOCUMENT_NUMBER_PATTERN } from '@satupintu/domain';
import { IsDefined, IsOptional, IsString, Matches } from 'class-validator';
import { defineRequest } from '../contract';

/** Text in Indonesian and English: a service's name as its output shows it. */
export interface OutputTextV1 {
  id: string;
  en: string;
}

/**
 * Whether a document number is one the agency issued and still stands by (ADR 0021). Public:
 * the gateway asks on behalf of anyone, routed by the agency code the number starts with.
 */
export class VerifyOutputV1 {
  @IsDefined()
  @IsString()
  @Matches(DOCUMENT_NUMBER_PATTERN, { context: { code: 'document_no_format' } })
  documentNo: string;

  /**
   * A PDF's SHA-256 (lower-case hex) to check against the one signed: the gateway hashes the
   * file it was handed, so the PDF itself (which names its holder) does not travel on NATS.
   */
  @IsOptional()
  @IsString()
  @Matches(/^[0-9a-f]{64}$/, { context: { code: 'sha256_format' } })
  pdfSha256?: string;
}

/**
 * Whether a PDF handed in is the one the agency signed, and if not the first check that failed
 * (ADR 0021's offline steps): its digest, the key, the signature, or a record not as signed.
 */
export type OutputPdfCheckV1 =
  | { authentic: true }
  | {
      authentic: false;
      reason: 'malformed' | 'digest_mismatch' | 'wrong_key' | 'bad_signature';
    };

/**
 * The public answer: no holder data (not even masked) and no revocation reason. `signed` is
 * what a third party checks a PDF against, offline, with the agency's output keys.
 */
export interface OutputVerificationV1 {
  documentNo: string;
  status: 'VALID' | 'REVOKED';
  agency: { code: string; name: string };
  service: { code: string; name: OutputTextV1 };
  /** ISO 8601 with the agency's offset. */
  issuedAt: string;
  revokedAt?: string;
  signed: {
    algorithm: 'EdDSA';
    keyId: string;
    /** Lower-case hex SHA-256 of the PDF's exact bytes. */
    pdfSha256: string;
    /** The canonical JSON that was signed, byte for byte (UTF-8). */
    statement: string;
    /** Ed25519 over `statement`, base64url. */
    signature: string;
  };
  /** Only when a PDF's digest was given to check. */
  pdf?: OutputPdfCheckV1;
}

export const VerifyOutput = defineRequest<VerifyOutputV1, OutputVerificationV1>({
  subject: 'agency.output.verify.v1',
  service: 'agency',
  routedBy: 'agency',
  payload: VerifyOutputV1,
});
