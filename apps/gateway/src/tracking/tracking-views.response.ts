import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { clip } from '@satupintu/common';
import {
  CASE_RISKS,
  EXPECTED_ACTIONS,
  type AgencyTrackedCaseV1,
  type Channel,
  type ExpectedOfApplicantV1,
  type MyBundlesPageV1,
  type MyCaseV1,
  type MyCasesPageV1,
  type Status,
  type TrackedCaseV1,
  type TrackedCasesPageV1,
} from '@satupintu/contracts';
import { APPLICATION_STATUS, TIMELINE_LIMITS } from '../applications/timeline.response';
import {
  AGENCY_CODE,
  CHANNEL,
  SERVICE_CODE_MAX_LENGTH,
  TRACKING_NO,
  ZONED_TIME,
} from '../openapi/formats';
import {
  DEADLINE_PROPERTY,
  PAUSED_PROPERTY,
  PaymentDueResponse,
  toPaymentDueResponse,
} from '../work-queue/case.response';
import { CURSOR_PATTERN } from '../work-queue/work-queue.request';
import { TRACKING_PAGE_LIMITS } from './tracking-views.request';

/** A bundle has a handful of steps (the demo's have two or three); a bound a client can size by. */
export const BUNDLE_STEPS_MAX = 20;
const STEP_KEY_MAX_LENGTH = 64;

const NEXT_CURSOR = {
  description: 'Present when there are more: pass it as `cursor` for the next page',
  maxLength: TRACKING_PAGE_LIMITS.cursor,
  pattern: CURSOR_PATTERN,
} as const;

const UUID = { format: 'uuid', maxLength: 36 } as const;

export class BundleStepRefResponse {
  @ApiProperty({
    ...UUID,
    description: 'The bundle case',
    example: '0b9d3c1e-2f4a-4b5c-8d6e-7f8091a2b3c4',
  })
  bundleCaseId: string;

  @ApiProperty({
    description: "The step's key in the bundle",
    maxLength: STEP_KEY_MAX_LENGTH,
    example: 'akta',
  })
  stepKey: string;
}

export class ExpectedResponse {
  @ApiProperty({
    enum: EXPECTED_ACTIONS,
    enumName: 'ExpectedOfApplicant',
    description:
      'REVISE: send corrections (`POST /v1/applications/{trackingNo}/resubmit`); PAY: pay the ' +
      'fee against the payment code before it expires; COLLECT: the output is issued, its ' +
      'number and PDF are on `GET /v1/applications/{trackingNo}`; NONE: nothing, the case waits ' +
      'on the agency or has ended',
    example: 'REVISE',
  })
  action: ExpectedOfApplicantV1['action'];

  @ApiPropertyOptional({
    description: `On REVISE: the agency's reason, when it gave one; cut at ${TIMELINE_LIMITS.reason} characters`,
    maxLength: TIMELINE_LIMITS.reason,
    example: 'Foto KTP tidak terbaca',
  })
  reason?: string;

  @ApiPropertyOptional({ type: PaymentDueResponse, description: 'On PAY: the fee to pay' })
  payment?: PaymentDueResponse;
}

export class TrackedCaseResponse {
  @ApiProperty({ ...UUID, example: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b' })
  applicationId: string;

  @ApiProperty({ ...TRACKING_NO })
  trackingNo: string;

  @ApiPropertyOptional({
    description: 'The service applied for (absent only for a case tracked before tracking kept it)',
    maxLength: SERVICE_CODE_MAX_LENGTH,
    example: 'DUKCAPIL-KK',
  })
  serviceCode?: string;

  @ApiProperty({ ...AGENCY_CODE, description: 'The agency that owns the case' })
  agencyCode: string;

  @ApiPropertyOptional({ ...CHANNEL, example: 'WEB' })
  channel?: Channel;

  @ApiProperty({ ...APPLICATION_STATUS, description: 'The latest status', example: 'VERIFYING' })
  status: Status;

  @ApiProperty({ ...ZONED_TIME, description: "When it was submitted, in the agency's time zone" })
  submittedAt: string;

  @ApiProperty({
    ...ZONED_TIME,
    description: "When its status last changed, in the agency's time zone",
  })
  changedAt: string;

  @ApiPropertyOptional(DEADLINE_PROPERTY)
  deadline?: string;

  @ApiProperty({ ...PAUSED_PROPERTY, example: false })
  paused: boolean;

  @ApiPropertyOptional({
    type: BundleStepRefResponse,
    description: 'When the case is a step of a bundle: which bundle, which step',
  })
  bundle?: BundleStepRefResponse;
}

export class MyCaseResponse extends TrackedCaseResponse {
  @ApiProperty({ type: ExpectedResponse, description: 'What the applicant must do now' })
  expected: ExpectedResponse;
}

export class MyCasesPageResponse {
  @ApiProperty({
    type: [MyCaseResponse],
    description: 'Newest first',
    maxItems: TRACKING_PAGE_LIMITS.pageSize,
  })
  items: MyCaseResponse[];

  @ApiPropertyOptional(NEXT_CURSOR)
  nextCursor?: string;
}

export class MyBundleResponse {
  @ApiProperty({ ...UUID, example: '0b9d3c1e-2f4a-4b5c-8d6e-7f8091a2b3c4' })
  bundleCaseId: string;

  @ApiProperty({ ...ZONED_TIME, description: 'When its first step was submitted' })
  submittedAt: string;

  @ApiProperty({ description: 'Whether any of its opened steps is not finished', example: true })
  open: boolean;

  @ApiProperty({
    type: [MyCaseResponse],
    description:
      'The steps opened so far, in the order they were submitted; a step waiting on an earlier ' +
      "one's output is not a case yet (`GET /v1/bundles/applications/{trackingNo}` lists every step)",
    minItems: 1,
    maxItems: BUNDLE_STEPS_MAX,
  })
  steps: MyCaseResponse[];
}

export class MyBundlesPageResponse {
  @ApiProperty({
    type: [MyBundleResponse],
    description: 'The most recently started first',
    maxItems: TRACKING_PAGE_LIMITS.pageSize,
  })
  items: MyBundleResponse[];

  @ApiPropertyOptional(NEXT_CURSOR)
  nextCursor?: string;
}

export class AgencyTrackedCaseResponse extends TrackedCaseResponse {
  @ApiPropertyOptional({
    ...ZONED_TIME,
    description: 'While its clock runs: when it becomes at risk (a share of its time used)',
  })
  atRiskFrom?: string;

  @ApiPropertyOptional({
    enum: [...CASE_RISKS, 'ON_TRACK'],
    enumName: 'CaseRisk',
    description: 'How it stands against its deadline now; absent unless its clock runs',
    example: 'ON_TRACK',
  })
  risk?: AgencyTrackedCaseV1['risk'];

  @ApiProperty({
    description: 'How many times the agency asked for corrections',
    type: 'integer',
    minimum: 0,
    maximum: 100_000,
    example: 0,
  })
  revisions: number;
}

export class TrackedCasesPageResponse {
  @ApiProperty({ ...AGENCY_CODE, description: 'The agency listed' })
  agencyCode: string;

  @ApiProperty({
    type: [AgencyTrackedCaseResponse],
    description: 'Newest first. No personal data',
    maxItems: TRACKING_PAGE_LIMITS.pageSize,
  })
  items: AgencyTrackedCaseResponse[];

  @ApiPropertyOptional(NEXT_CURSOR)
  nextCursor?: string;
}

/** Field-by-field copies: the public answer and the contract can evolve apart. */
export function toTrackedCaseResponse(item: TrackedCaseV1): TrackedCaseResponse {
  return {
    applicationId: item.applicationId,
    trackingNo: item.trackingNo,
    ...(item.serviceCode === undefined ? {} : { serviceCode: item.serviceCode }),
    agencyCode: item.agencyCode,
    ...(item.channel === undefined ? {} : { channel: item.channel }),
    status: item.status,
    submittedAt: item.submittedAt,
    changedAt: item.changedAt,
    ...(item.deadline === undefined ? {} : { deadline: item.deadline }),
    paused: item.paused,
    ...(item.bundle
      ? { bundle: { bundleCaseId: item.bundle.bundleCaseId, stepKey: item.bundle.stepKey } }
      : {}),
  };
}

export function toExpectedResponse(expected: ExpectedOfApplicantV1): ExpectedResponse {
  switch (expected.action) {
    case 'REVISE':
      return expected.reason === undefined
        ? { action: 'REVISE' }
        : { action: 'REVISE', reason: clip(expected.reason, TIMELINE_LIMITS.reason) };
    case 'PAY':
      return { action: 'PAY', payment: toPaymentDueResponse(expected.payment) };
    case 'COLLECT':
    case 'NONE':
      return { action: expected.action };
  }
}

export function toMyCaseResponse(item: MyCaseV1): MyCaseResponse {
  return { ...toTrackedCaseResponse(item), expected: toExpectedResponse(item.expected) };
}

export function toMyCasesPageResponse(page: MyCasesPageV1): MyCasesPageResponse {
  return {
    items: page.items.slice(0, TRACKING_PAGE_LIMITS.pageSize).map(toMyCaseResponse),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}

export function toMyBundlesPageResponse(page: MyBundlesPageV1): MyBundlesPageResponse {
  return {
    items: page.items.slice(0, TRACKING_PAGE_LIMITS.pageSize).map((bundle) => ({
      bundleCaseId: bundle.bundleCaseId,
      submittedAt: bundle.submittedAt,
      open: bundle.open,
      steps: bundle.steps.slice(0, BUNDLE_STEPS_MAX).map(toMyCaseResponse),
    })),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}

export function toTrackedCasesPageResponse(page: TrackedCasesPageV1): TrackedCasesPageResponse {
  return {
    agencyCode: page.agencyCode,
    items: page.items.slice(0, TRACKING_PAGE_LIMITS.pageSize).map((item) => ({
      ...toTrackedCaseResponse(item),
      ...(item.atRiskFrom === undefined ? {} : { atRiskFrom: item.atRiskFrom }),
      ...(item.risk === undefined ? {} : { risk: item.risk }),
      revisions: item.revisions,
    })),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}
