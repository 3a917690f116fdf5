import { IsISO8601, IsString, IsUUID, Matches } from 'class-validator';
import { DOCUMENT_NUMBER_PATTERN } from '@satupintu/domain';
import { defineEvent } from '../contract';
import { AGENCY_STREAM } from './agency.stream';

/**
 * An agency issued an output (ADR 0021): its number and what vouches for it, no personal data.
 * The PDF itself is not in the event; whoever may read it fetches it by number.
 */
export class OutputIssuedV1 {
  @Matches(DOCUMENT_NUMBER_PATTERN)
  documentNo: string;

  @IsUUID()
  applicationId: string;

  @IsString()
  agencyCode: string;

  @IsString()
  serviceCode: string;

  @IsISO8601()
  issuedAt: string;

  @Matches(/^[0-9a-f]{64}$/)
  pdfSha256: string;

  @IsString()
  keyId: string;
}

export const OutputIssued = defineEvent<OutputIssuedV1>({
  subject: 'agency.output.issued.v1',
  stream: AGENCY_STREAM,
  payload: OutputIssuedV1,
  routingKey: (event) => event.agencyCode,
  orderingKey: (event) => event.applicationId,
});
