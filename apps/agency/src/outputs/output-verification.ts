import { DomainError } from '@satupintu/common';
import type { OutputVerificationV1 } from '@satupintu/contracts';
import { toZonedIso } from '@satupintu/domain';
import type { OutputRecord } from './outputs.repository';
import type { OutputVerification, SignedOutput } from './output-signature';

/**
 * The public answer about a document number: whether it is current, who issued it, what and
 * when, and the signed statement with its signature so anyone can check a PDF offline. Nothing
 * about the holder (not even masked): the number is sequential, and an answer with a name
 * would let anyone list every holder of an agency's outputs. Nor the reason for a revocation:
 * an admin's free text may name a person.
 */
export type OutputVerificationAnswer = OutputVerificationV1;

export function verificationAnswer(
  record: OutputRecord,
  agencyCode: string,
  pdfCheck?: OutputVerification,
): OutputVerificationAnswer {
  return {
    documentNo: record.documentNo,
    status: record.revoked ? 'REVOKED' : 'VALID',
    agency: { code: agencyCode, name: record.agencyName },
    service: { code: record.serviceCode, name: record.serviceName },
    issuedAt: toZonedIso(record.issuedAt, record.timeZone),
    ...(record.revoked ? { revokedAt: toZonedIso(record.revoked.at, record.timeZone) } : {}),
    signed: {
      algorithm: 'EdDSA',
      keyId: record.keyId,
      pdfSha256: record.pdfSha256,
      statement: record.statement,
      signature: record.signature,
    },
    ...(pdfCheck ? { pdf: pdfCheck } : {}),
  };
}

/** The record as `verifyOutput` takes it: the signed statement's members and the signature. */
export function signedOutputOf(record: OutputRecord): SignedOutput {
  return { ...(JSON.parse(record.statement) as SignedOutput), signature: record.signature };
}

export const REVOKE_REASON_MAX_LENGTH = 500;

/** A revocation needs a reason a person can read later; blank or overlong ones are refused. */
export function revocationReason(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed) throw DomainError.validation([{ field: 'reason', code: 'required' }]);
  if (trimmed.length > REVOKE_REASON_MAX_LENGTH) {
    throw DomainError.validation([
      { field: 'reason', code: 'max_length', params: { max: REVOKE_REASON_MAX_LENGTH } },
    ]);
  }
  return trimmed;
}
