import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DOCUMENT_TYPES,
  MAX_ATTACHED_DOCUMENTS,
  SERVICE_STANDARD_LIMITS,
  STATUSES,
  type CaseDetailV1,
  type CaseFileV1,
  type FormDataV2,
  type Status,
} from '@satupintu/contracts';
import { DOCUMENT_NUMBER_PATTERN, WORKFLOW_ACTIONS, type WorkflowAction } from '@satupintu/domain';
import { BIRTH_FORM_EXAMPLE } from '../applications/applications.examples';
import { FORM_DATA_SCHEMA } from '../applications/submit-application.request';
import { AGENCY_CODE, ZONED_TIME } from '../openapi/formats';
import { PaymentDueResponse } from './case.response';
import { WorkQueueItemResponse, toWorkQueueItemResponse } from './work-queue.response';

/** The most history records a case answer carries (the agency keeps the latest). */
export const CASE_HISTORY_MAX_ITEMS = 500;
/** Longer than any reason the workflow accepts (1,000). */
const REASON_MAX_LENGTH = 1000;

export class CaseApplicantResponse {
  @ApiProperty({
    description:
      "NIK: whole for the agency's officers and its system, who check it against the documents; " +
      'masked (`3201********0001`) for a mall administrator',
    pattern: '^\\d{4}(\\d{8}|\\*{8})\\d{4}$',
    maxLength: 16,
    example: '3201014506900001',
  })
  nik: string;

  @ApiProperty({ maxLength: 200, example: 'Siti Rahayu' })
  name: string;

  @ApiPropertyOptional({
    format: 'date',
    pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    maxLength: 10,
    example: '1990-06-05',
  })
  birthDate?: string;
}

export class CaseDocumentResponse {
  @ApiProperty({ format: 'uuid', maxLength: 36, example: '3d0c8f6e-7a51-4b8e-9c1f-6a2b4d5e7f80' })
  documentId: string;

  @ApiProperty({
    maxLength: 64,
    description: "The document kind of the service's standard it was given for",
    example: 'KK',
  })
  requirement: string;

  @ApiProperty({ enum: DOCUMENT_TYPES, description: 'As read from its bytes at upload' })
  contentType: string;

  @ApiProperty({ minimum: 1, maximum: SERVICE_STANDARD_LIMITS.documentMaxBytes, example: 482133 })
  size: number;

  @ApiProperty({ pattern: '^[0-9a-f]{64}$', maxLength: 64, description: 'SHA-256, hex' })
  sha256: string;

  @ApiProperty({
    description:
      "Where to download it (`GET /v1/documents/{documentId}`): the agency's officers and its " +
      'system may',
    maxLength: 64,
    example: '/v1/documents/3d0c8f6e-7a51-4b8e-9c1f-6a2b4d5e7f80',
  })
  href: string;
}

export class CaseHistoryEntryResponse {
  @ApiProperty({ minimum: 1, maximum: 2_147_483_647, example: 1 })
  sequence: number;

  @ApiProperty({
    enum: WORKFLOW_ACTIONS,
    enumName: 'WorkflowAction',
    example: 'START_VERIFICATION',
  })
  action: WorkflowAction;

  @ApiProperty({ enum: STATUSES, enumName: 'ApplicationStatus', example: 'SUBMITTED' })
  from: Status;

  @ApiProperty({ enum: STATUSES, enumName: 'ApplicationStatus', example: 'VERIFYING' })
  to: Status;

  @ApiProperty({
    enum: ['applicant', 'officer', 'client', 'system'],
    description:
      "Who acted: an officer, the agency's system (an API client), the applicant, or the " +
      "agency's own process (receipt, a confirmed payment)",
    example: 'system',
  })
  actorKind: 'applicant' | 'officer' | 'client' | 'system';

  @ApiPropertyOptional({
    enum: ['VERIFIER', 'APPROVER'],
    description: 'The role the action was allowed by',
  })
  actorRole?: 'VERIFIER' | 'APPROVER';

  @ApiPropertyOptional({ maxLength: REASON_MAX_LENGTH, example: 'The family card is unreadable.' })
  reason?: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 200,
    items: { type: 'string', maxLength: 64 },
    description: 'For REQUEST_REVISION: the requirement keys to correct',
    example: ['KK'],
  })
  requirements?: string[];

  @ApiProperty({ ...ZONED_TIME, description: 'When it was recorded' })
  at: string;
}

export class CasePaymentResponse extends PaymentDueResponse {
  @ApiPropertyOptional({ ...ZONED_TIME, description: 'When the bank confirmed it; absent unpaid' })
  paidAt?: string;
}

export class CaseOutputResponse {
  @ApiProperty({
    description: 'The issued output’s number; anyone verifies it at `GET /v1/verify/{documentNo}`',
    pattern: DOCUMENT_NUMBER_PATTERN.source,
    maxLength: 48,
    example: 'DUKCAPIL-2026-000042',
  })
  documentNo: string;

  @ApiProperty({ ...ZONED_TIME })
  issuedAt: string;

  @ApiPropertyOptional({ ...ZONED_TIME, description: 'Absent unless revoked' })
  revokedAt?: string;
}

/** A case as its agency works it: the agency's record and the application intake holds. */
export class AgencyCaseResponse extends WorkQueueItemResponse {
  @ApiProperty({ ...AGENCY_CODE, description: 'The agency that keeps the case' })
  agencyCode: string;

  @ApiProperty({
    description: 'The number of its last history record',
    minimum: 1,
    maximum: 2_147_483_647,
    example: 1,
  })
  sequence: number;

  @ApiProperty({ ...ZONED_TIME, description: 'When its last record was written' })
  changedAt: string;

  @ApiPropertyOptional({
    type: CaseApplicantResponse,
    description:
      'Who applies: their current profile, or the details given at the counter or by the ' +
      'submitting client; absent when neither is known',
  })
  applicant?: CaseApplicantResponse;

  @ApiPropertyOptional({ format: 'uuid', maxLength: 36, description: 'The business applied for' })
  businessId?: string;

  @ApiProperty({
    description:
      "The data fields of the service's standard as submitted, with any resubmission's " +
      'corrections merged; empty when none were given',
    ...FORM_DATA_SCHEMA,
    example: BIRTH_FORM_EXAMPLE,
  })
  form: FormDataV2;

  @ApiProperty({
    type: [CaseDocumentResponse],
    maxItems: MAX_ATTACHED_DOCUMENTS,
    description: 'The uploaded documents it holds, by requirement',
  })
  documents: CaseDocumentResponse[];

  @ApiProperty({
    type: [CaseHistoryEntryResponse],
    maxItems: CASE_HISTORY_MAX_ITEMS,
    description: 'Its history records in order (the latest 500)',
  })
  history: CaseHistoryEntryResponse[];

  @ApiPropertyOptional({ type: CasePaymentResponse, description: 'The fee asked, if any' })
  payment?: CasePaymentResponse;

  @ApiPropertyOptional({ type: CaseOutputResponse, description: 'The output issued, if any' })
  output?: CaseOutputResponse;
}

/** The agency's record and intake's file, field by field: each side can change apart. */
export function toAgencyCaseResponse(found: CaseDetailV1, file: CaseFileV1): AgencyCaseResponse {
  return {
    ...toWorkQueueItemResponse(found),
    agencyCode: found.agencyCode,
    sequence: found.sequence,
    changedAt: found.changedAt,
    ...(file.applicant
      ? {
          applicant: {
            nik: file.applicant.nik,
            name: file.applicant.name,
            ...(file.applicant.birthDate ? { birthDate: file.applicant.birthDate } : {}),
          },
        }
      : {}),
    ...(file.businessId ? { businessId: file.businessId } : {}),
    form: file.form,
    documents: file.documents.slice(0, MAX_ATTACHED_DOCUMENTS).map((document) => ({
      documentId: document.documentId,
      requirement: document.requirement,
      contentType: document.contentType,
      size: document.size,
      sha256: document.sha256,
      href: `/v1/documents/${document.documentId}`,
    })),
    history: found.history.slice(-CASE_HISTORY_MAX_ITEMS).map((entry) => ({
      sequence: entry.sequence,
      action: entry.action,
      from: entry.from,
      to: entry.to,
      actorKind: entry.actorKind,
      ...(entry.actorRole ? { actorRole: entry.actorRole } : {}),
      ...(entry.reason === undefined ? {} : { reason: entry.reason }),
      ...(entry.requirements ? { requirements: entry.requirements } : {}),
      at: entry.at,
    })),
    ...(found.payment
      ? {
          payment: {
            code: found.payment.code,
            amount: found.payment.amount,
            currency: found.payment.currency,
            expiresAt: found.payment.expiresAt,
            ...(found.payment.paidAt ? { paidAt: found.payment.paidAt } : {}),
          },
        }
      : {}),
    ...(found.output
      ? {
          output: {
            documentNo: found.output.documentNo,
            issuedAt: found.output.issuedAt,
            ...(found.output.revokedAt ? { revokedAt: found.output.revokedAt } : {}),
          },
        }
      : {}),
  };
}
