import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BUNDLE_MAX_STEPS, type BundleCaseV1, type Channel } from '@satupintu/contracts';
import { AGENCY_CODE, CHANNEL, SERVICE_CODE_MAX_LENGTH, TRACKING_NO } from '../openapi/formats';
import { BUNDLE_CODE_FORMAT } from './bundle.response';
import { STEP_KEY } from './define-bundle.request';

const UUID = { type: String, format: 'uuid', maxLength: 36 };

export class IssuedOutputResponse {
  @ApiProperty({
    description: 'The number of what was issued',
    maxLength: 64,
    example: '9120001234567',
  })
  number: string;

  @ApiPropertyOptional({ ...UUID, description: 'Its file, when the agency attached one' })
  documentId?: string;
}

export class StepApplicationResponse {
  @ApiProperty({ ...UUID, example: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b' })
  applicationId: string;

  @ApiProperty({
    ...TRACKING_NO,
    description: "The step's own application, followed by its timeline",
  })
  trackingNo: string;
}

export class BundleCaseStepResponse {
  @ApiProperty({ ...STEP_KEY })
  key: string;

  @ApiProperty({ maxLength: SERVICE_CODE_MAX_LENGTH, example: 'DPMPTSP-NIB' })
  serviceCode: string;

  @ApiProperty({ ...AGENCY_CODE })
  agencyCode: string;

  @ApiProperty({
    type: [String],
    maxItems: BUNDLE_MAX_STEPS,
    items: { type: 'string', maxLength: 32 },
  })
  dependsOn: string[];

  @ApiProperty({
    enum: ['WAITING', 'OPEN', 'ISSUED', 'REJECTED', 'WITHDRAWN', 'CANCELLED'],
    description:
      'WAITING for its dependencies; OPEN as an application at its agency; ISSUED; REJECTED or ' +
      'WITHDRAWN (which fails the bundle); CANCELLED because another step failed it',
  })
  status: string;

  @ApiPropertyOptional({ type: StepApplicationResponse, description: 'Once opened' })
  application?: StepApplicationResponse;

  @ApiPropertyOptional({ type: IssuedOutputResponse, description: 'Once issued' })
  output?: IssuedOutputResponse;
}

export class BundleFailureResponse {
  @ApiProperty({ ...STEP_KEY, description: 'The step that failed the bundle' })
  step: string;

  @ApiPropertyOptional({ description: "The agency's reason", maxLength: 2000 })
  reason?: string;
}

export class BundleCaseResponse {
  @ApiProperty({ ...UUID, example: '2d7e9c1a-4b3f-4e8d-a5c6-7f8e9d0c1b2a' })
  bundleCaseId: string;

  @ApiProperty({ ...TRACKING_NO, description: 'The tracking number of the whole bundle' })
  trackingNo: string;

  @ApiProperty({ ...BUNDLE_CODE_FORMAT })
  bundleCode: string;

  @ApiProperty({ enum: ['IN_PROGRESS', 'COMPLETED', 'FAILED'] })
  status: string;

  @ApiProperty({ ...CHANNEL })
  channel: Channel;

  @ApiProperty({
    type: String,
    format: 'date-time',
    maxLength: 24,
    example: '2026-11-23T03:45:12.123Z',
  })
  submittedAt: string;

  @ApiPropertyOptional({ type: BundleFailureResponse, description: 'When FAILED: why' })
  failure?: BundleFailureResponse;

  @ApiProperty({
    type: [BundleCaseStepResponse],
    description: 'Each step after those it depends on',
    maxItems: BUNDLE_MAX_STEPS,
  })
  steps: BundleCaseStepResponse[];

  @ApiPropertyOptional({
    description: 'When COMPLETED: the joint output, every step’s output by step key',
    type: 'object',
    maxProperties: BUNDLE_MAX_STEPS,
    additionalProperties: { $ref: '#/components/schemas/IssuedOutputResponse' },
  })
  output?: Record<string, IssuedOutputResponse>;
}

export function toBundleCaseResponse(bundleCase: BundleCaseV1): BundleCaseResponse {
  return {
    bundleCaseId: bundleCase.bundleCaseId,
    trackingNo: bundleCase.trackingNo,
    bundleCode: bundleCase.bundleCode,
    status: bundleCase.status,
    channel: bundleCase.channel,
    submittedAt: bundleCase.submittedAt,
    ...(bundleCase.failure
      ? {
          failure: {
            step: bundleCase.failure.step,
            ...(bundleCase.failure.reason ? { reason: bundleCase.failure.reason } : {}),
          },
        }
      : {}),
    steps: bundleCase.steps.slice(0, BUNDLE_MAX_STEPS).map((step) => ({
      key: step.key,
      serviceCode: step.serviceCode,
      agencyCode: step.agencyCode,
      dependsOn: [...step.dependsOn],
      status: step.status,
      ...(step.application
        ? {
            application: {
              applicationId: step.application.applicationId,
              trackingNo: step.application.trackingNo,
            },
          }
        : {}),
      ...(step.output ? { output: outputOf(step.output) } : {}),
    })),
    ...(bundleCase.output
      ? {
          output: Object.fromEntries(
            Object.entries(bundleCase.output).map(([key, output]) => [key, outputOf(output)]),
          ),
        }
      : {}),
  };
}

function outputOf(output: IssuedOutputResponse): IssuedOutputResponse {
  return { number: output.number, ...(output.documentId ? { documentId: output.documentId } : {}) };
}
