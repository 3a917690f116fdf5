import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DOCUMENT_TYPES,
  SERVICE_STANDARD_LIMITS,
  type ApplicationRequirementsV1,
  type ApplicationV1,
  type Status,
} from '@satupintu/contracts';
import { ZONED_TIME } from '../openapi/formats';
import {
  ApplicationSummaryResponse,
  toApplicationSummaryResponse,
} from './applications-page.response';
import { APPLICATION_STATUS } from './timeline.response';

export class HeldDocumentResponse {
  @ApiProperty({ format: 'uuid', maxLength: 36, example: '3d0c8f6e-7a51-4b8e-9c1f-6a2b4d5e7f80' })
  documentId: string;

  @ApiProperty({ enum: DOCUMENT_TYPES, description: 'As read from its bytes at upload' })
  contentType: string;

  @ApiProperty({ minimum: 1, maximum: SERVICE_STANDARD_LIMITS.documentMaxBytes, example: 482133 })
  size: number;

  @ApiProperty({ pattern: '^[0-9a-f]{64}$', maxLength: 64, description: 'SHA-256, hex' })
  sha256: string;
}

export class DocumentRequirementStateResponse {
  @ApiProperty({ maxLength: 64, description: "A document kind of the service's standard" })
  requirement: string;

  @ApiProperty({ description: 'Whether the standard makes it mandatory' })
  mandatory: boolean;

  @ApiProperty({
    enum: ['ATTACHED', 'FROM_STEP', 'MISSING'],
    description:
      'ATTACHED: an upload is attached for it; FROM_STEP: an upstream step of its bundle issued ' +
      'it; MISSING: nothing yet (the agency asks for a mandatory one while verifying)',
  })
  state: 'ATTACHED' | 'FROM_STEP' | 'MISSING';

  @ApiPropertyOptional({ type: HeldDocumentResponse, description: 'The upload, when ATTACHED' })
  document?: HeldDocumentResponse;

  @ApiPropertyOptional({ maxLength: 64, description: 'The bundle step that issued it' })
  fromStep?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'The number of what that step issued' })
  outputNumber?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    maxLength: 36,
    description:
      "FROM_STEP: the upstream output's signed PDF, downloadable at GET /v1/documents/{documentId} " +
      "by the applicant and the officers of this step's agency; absent until the issuing agency " +
      'has delivered it (a moment after it issued)',
  })
  documentId?: string;
}

/** What the agency issued once the application is ISSUED (ADR 0021). */
export class ApplicationOutputResponse {
  @ApiProperty({
    maxLength: 64,
    description: "The output's number; GET /v1/verify/{number} checks it",
    example: 'DUKCAPIL-2026-000042',
  })
  number: string;

  @ApiPropertyOptional({
    format: 'uuid',
    maxLength: 36,
    description:
      'The signed PDF, downloadable at GET /v1/documents/{documentId}; absent until the agency ' +
      'has delivered it (a moment after it issued)',
    example: '7b1e2f3a-4c5d-4e6f-8a9b-0c1d2e3f4a5b',
  })
  documentId?: string;
}

export class FieldRequirementStateResponse {
  @ApiProperty({ maxLength: 64, description: "A form field of the service's standard" })
  name: string;

  @ApiProperty({ description: 'Whether the standard requires it' })
  required: boolean;

  @ApiProperty({ description: 'Whether the application gives it' })
  given: boolean;
}

export class ApplicationRequirementsResponse {
  @ApiProperty({
    type: [FieldRequirementStateResponse],
    maxItems: SERVICE_STANDARD_LIMITS.fields,
  })
  fields: FieldRequirementStateResponse[];

  @ApiProperty({
    type: [DocumentRequirementStateResponse],
    maxItems: SERVICE_STANDARD_LIMITS.documents,
  })
  documents: DocumentRequirementStateResponse[];
}

/** An application as its applicant sees it: what was submitted and where it stands. */
export class ApplicationResponse extends ApplicationSummaryResponse {
  @ApiPropertyOptional({
    format: 'uuid',
    maxLength: 36,
    description: 'The business applied for, if any',
  })
  businessId?: string;

  @ApiProperty({
    ...APPLICATION_STATUS,
    description:
      "As intake last heard from the owning agency (a moment behind the agency's timeline), or WITHDRAWN",
    example: 'VERIFYING',
  })
  status: Status;

  @ApiPropertyOptional({
    ...ZONED_TIME,
    description: "When its status last changed, in the agency's time zone; absent while SUBMITTED",
  })
  statusChangedAt?: string;

  @ApiPropertyOptional({
    ...ZONED_TIME,
    description:
      "When the applicant last sent corrections after NEEDS_REVISION, in the agency's time zone; " +
      'the status stays NEEDS_REVISION until the agency takes the case up again',
  })
  resubmittedAt?: string;

  @ApiPropertyOptional({
    type: ApplicationOutputResponse,
    description: 'Once ISSUED: the output the agency issued, its number and its PDF',
  })
  output?: ApplicationOutputResponse;

  @ApiPropertyOptional({
    type: ApplicationRequirementsResponse,
    description:
      "On reading it: the service's requirements and what the application holds of each; " +
      'absent on a withdrawal and while the service has no published standard',
  })
  requirements?: ApplicationRequirementsResponse;
}

export function toApplicationResponse(application: ApplicationV1): ApplicationResponse {
  const { businessId, statusChangedAt, resubmittedAt, output, requirements } = application;
  return {
    ...toApplicationSummaryResponse(application),
    ...(businessId ? { businessId } : {}),
    status: application.status,
    ...(statusChangedAt ? { statusChangedAt } : {}),
    ...(resubmittedAt ? { resubmittedAt } : {}),
    ...(output ? { output: { ...output } } : {}),
    ...(requirements ? { requirements: requirementsResponse(requirements) } : {}),
  };
}

function requirementsResponse(
  requirements: ApplicationRequirementsV1,
): ApplicationRequirementsResponse {
  return {
    fields: requirements.fields.map(({ name, required, given }) => ({ name, required, given })),
    documents: requirements.documents.map((document) => ({
      requirement: document.requirement,
      mandatory: document.mandatory,
      state: document.state,
      ...(document.document ? { document: { ...document.document } } : {}),
      ...(document.fromStep ? { fromStep: document.fromStep } : {}),
      ...(document.outputNumber ? { outputNumber: document.outputNumber } : {}),
      ...(document.documentId ? { documentId: document.documentId } : {}),
    })),
  };
}

export const APPLICATION_EXAMPLE: ApplicationResponse = {
  applicationId: '0f5d3c2e-8a41-4b7e-9c1d-2e6f7a8b9c0d',
  trackingNo: 'K7M39QX2C',
  serviceCode: 'DUKCAPIL-KK',
  agencyCode: 'DUKCAPIL',
  channel: 'WEB',
  status: 'VERIFYING',
  submittedAt: '2026-11-23T10:45:12.123+07:00',
  statusChangedAt: '2026-11-23T10:45:13.020+07:00',
  requirements: {
    fields: [
      { name: 'reason', required: true, given: true },
      { name: 'phone', required: false, given: false },
    ],
    documents: [
      {
        requirement: 'F1_02',
        mandatory: true,
        state: 'ATTACHED',
        document: {
          documentId: '3d0c8f6e-7a51-4b8e-9c1f-6a2b4d5e7f80',
          contentType: 'application/pdf',
          size: 482133,
          sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
        },
      },
      { requirement: 'KK_LAMA', mandatory: false, state: 'MISSING' },
    ],
  },
};
