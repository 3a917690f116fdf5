import { DOCUMENT_NUMBER_PATTERN } from '@satupintu/domain';
import { IsDefined, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { defineRequest } from '../contract';

/**
 * An agency admin withdraws one of the agency's outputs, with a reason; verification says
 * `REVOKED` from then on. Who revokes comes from the caller (ADR 0008), never from the payload.
 * A second revocation is a `409 output_already_revoked`.
 */
export class RevokeOutputV1 {
  @IsDefined()
  @IsString()
  @Matches(DOCUMENT_NUMBER_PATTERN, { context: { code: 'document_no_format' } })
  documentNo: string;

  @IsDefined()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason: string;
}

/** For the agency only: the reason and who revoked are never in the public answer. */
export interface RevokedOutputV1 {
  documentNo: string;
  /** ISO 8601 with the agency's offset. */
  revokedAt: string;
  reason: string;
  revokedBy: string;
}

export const RevokeOutput = defineRequest<RevokeOutputV1, RevokedOutputV1>({
  subject: 'agency.output.revoke.v1',
  service: 'agency',
  routedBy: 'agency',
  payload: RevokeOutputV1,
});
