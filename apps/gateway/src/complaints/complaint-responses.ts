import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COMPLAINT_ESCALATION_STAGES,
  COMPLAINT_KINDS_V1,
  COMPLAINT_STATUSES_V1,
  COMPLAINT_SUBJECT_KINDS,
  COMPLAINT_TEXT_MAX_LENGTH,
  type ComplaintEscalationStage,
  type ComplaintEscalationsPageV1,
  type ComplaintFiguresV1,
  type ComplaintKindV1,
  type ComplaintReceiptV1,
  type ComplaintStatusV1,
  type ComplaintSubjectKind,
  type ComplaintV1,
  type ComplaintsPageV1,
} from '@satupintu/contracts';
import { AGENCY_CODE, SERVICE_CODE_MAX_LENGTH, TRACKING_NO, ZONED_TIME } from '../openapi/formats';
import { CURSOR_PATTERN, WORK_QUEUE_LIMITS } from '../work-queue/work-queue.request';
import { FOLLOW_SECRET } from './complaint-requests';

/** The canonical complaint number: ADU and an application-style number (ADR 0034). */
export const COMPLAINT_NO = {
  type: String,
  minLength: 12,
  maxLength: 12,
  pattern: '^ADU[0-9A-HJKMNP-TV-Z]{9}$',
  example: 'ADUK7M39QX2C',
};
const DUE_WHATS = ['ROUTE', 'ANSWER', 'CLOSE'] as const;
const STEPS = ['SUBMITTED', 'ROUTED', 'ANSWERED', 'DISPUTED', 'ESCALATED', 'CLOSED'] as const;
/** Steps a complaint can have: submitted, escalated, routed, escalated, answered, disputed, … */
const MAX_STEPS = 12;

const KIND = { enum: COMPLAINT_KINDS_V1, enumName: 'ComplaintKind', example: 'PENGADUAN' };
const STATUS = {
  enum: COMPLAINT_STATUSES_V1,
  enumName: 'ComplaintStatus',
  description:
    '`SUBMITTED` (the mall verifies and routes it), `ROUTED` (the agency answers), `ANSWERED`, `REOPENED` (disputed: the agency answers again), `CLOSED`',
  example: 'ROUTED',
};

export class ComplaintDueResponse {
  @ApiProperty({
    enum: DUE_WHATS,
    enumName: 'ComplaintDueWhat',
    description:
      '`ROUTE`: the mall routes it (3 working days); `ANSWER`: the agency answers (5); `CLOSE`: it closes by itself unless disputed (10)',
    example: 'ANSWER',
  })
  what: 'ROUTE' | 'ANSWER' | 'CLOSE';

  @ApiProperty({ ...ZONED_TIME, description: "Until when, in the agency's time zone" })
  by: string;
}

export class ComplaintReceiptResponse {
  @ApiProperty({ ...COMPLAINT_NO })
  complaintNo: string;

  @ApiProperty({
    ...FOLLOW_SECRET,
    description:
      'Keep it: with the number it lets the reporter follow the complaint and dispute its answer without signing in. Shown only here',
  })
  followSecret: string;

  @ApiProperty({ ...STATUS, example: 'SUBMITTED' })
  status: ComplaintStatusV1;

  @ApiProperty({ ...AGENCY_CODE, description: 'The agency that owns what it is about' })
  agencyCode: string;

  @ApiProperty({ ...ZONED_TIME })
  submittedAt: string;

  @ApiProperty({ type: ComplaintDueResponse })
  due: ComplaintDueResponse;
}

export class ComplaintStepResponse {
  @ApiProperty({ enum: STEPS, enumName: 'ComplaintStep', example: 'ROUTED' })
  step: (typeof STEPS)[number];

  @ApiProperty({ ...ZONED_TIME })
  at: string;

  @ApiPropertyOptional({
    description: 'The routing note, the answer, or the reason of the dispute',
    maxLength: COMPLAINT_TEXT_MAX_LENGTH,
  })
  text?: string;

  @ApiPropertyOptional({
    enum: COMPLAINT_ESCALATION_STAGES,
    enumName: 'ComplaintEscalationStage',
    description: 'ESCALATED: the deadline missed',
  })
  stage?: ComplaintEscalationStage;
}

export class ComplaintResponse {
  @ApiProperty({ ...COMPLAINT_NO })
  complaintNo: string;

  @ApiProperty(KIND)
  kind: ComplaintKindV1;

  @ApiProperty(STATUS)
  status: ComplaintStatusV1;

  @ApiProperty({ enum: COMPLAINT_SUBJECT_KINDS, enumName: 'ComplaintSubjectKind' })
  subjectKind: ComplaintSubjectKind;

  @ApiPropertyOptional({ ...TRACKING_NO })
  trackingNo?: string;

  @ApiPropertyOptional({ maxLength: SERVICE_CODE_MAX_LENGTH, example: 'DUKCAPIL-AKTA-LAHIR' })
  serviceCode?: string;

  @ApiProperty({ ...AGENCY_CODE })
  agencyCode: string;

  @ApiProperty({ maxLength: COMPLAINT_TEXT_MAX_LENGTH, description: 'What the reporter wrote' })
  text: string;

  @ApiProperty({ ...ZONED_TIME })
  submittedAt: string;

  @ApiPropertyOptional({ type: ComplaintDueResponse, description: 'Absent once closed' })
  due?: ComplaintDueResponse;

  @ApiProperty({ description: 'Whether its reporter may still dispute the answer (once)' })
  disputable: boolean;

  @ApiProperty({ type: [ComplaintStepResponse], maxItems: MAX_STEPS })
  steps: ComplaintStepResponse[];
}

export class ComplaintItemResponse {
  @ApiProperty({ ...COMPLAINT_NO })
  complaintNo: string;

  @ApiProperty(KIND)
  kind: ComplaintKindV1;

  @ApiProperty(STATUS)
  status: ComplaintStatusV1;

  @ApiProperty({ ...AGENCY_CODE })
  agencyCode: string;

  @ApiProperty({ ...ZONED_TIME })
  submittedAt: string;

  @ApiPropertyOptional({ type: ComplaintDueResponse })
  due?: ComplaintDueResponse;
}

const NEXT_CURSOR = {
  description: 'Present when there are more: pass it as `cursor` for the next page',
  maxLength: WORK_QUEUE_LIMITS.cursor,
  pattern: CURSOR_PATTERN,
};

export class ComplaintsPageResponse {
  @ApiProperty({
    type: [ComplaintItemResponse],
    description: 'The latest submitted first',
    maxItems: WORK_QUEUE_LIMITS.pageSize,
  })
  items: ComplaintItemResponse[];

  @ApiPropertyOptional(NEXT_CURSOR)
  nextCursor?: string;
}

export class ComplaintEscalationResponse {
  @ApiProperty({ ...COMPLAINT_NO })
  complaintNo: string;

  @ApiProperty({ ...AGENCY_CODE })
  agencyCode: string;

  @ApiProperty({
    enum: COMPLAINT_ESCALATION_STAGES,
    enumName: 'ComplaintEscalationStage',
    description:
      '`ROUTE`: the mall did not route it in time; `ANSWER`: the agency did not answer in time',
    example: 'ANSWER',
  })
  stage: ComplaintEscalationStage;

  @ApiProperty({ ...ZONED_TIME, description: 'The deadline missed' })
  deadline: string;

  @ApiProperty({ ...ZONED_TIME })
  escalatedAt: string;

  @ApiProperty({ ...STATUS, description: "The complaint's status now" })
  status: ComplaintStatusV1;
}

export class ComplaintEscalationsPageResponse {
  @ApiProperty({
    type: [ComplaintEscalationResponse],
    description: 'The latest first. No personal data',
    maxItems: WORK_QUEUE_LIMITS.pageSize,
  })
  items: ComplaintEscalationResponse[];

  @ApiPropertyOptional(NEXT_CURSOR)
  nextCursor?: string;
}

const COUNT = { type: Number, minimum: 0, maximum: 1_000_000_000, example: 12 };

export class ComplaintFiguresRowResponse {
  @ApiProperty({ ...AGENCY_CODE })
  agencyCode: string;

  @ApiProperty({ ...COUNT, description: 'Complaints submitted in the range' })
  received: number;

  @ApiProperty({ ...COUNT, description: 'Of them, routed before their routing deadline' })
  routedOnTime: number;

  @ApiProperty({ ...COUNT, description: 'Of them, first answered before that round’s deadline' })
  answeredOnTime: number;

  @ApiProperty({ ...COUNT, description: 'Of them, with at least one deadline missed' })
  escalated: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 3660,
    description: 'Median working days from routing to the first answer; null without an answer',
    example: 3.5,
  })
  medianAnswerWorkingDays: number | null;
}

export class ComplaintFiguresResponse {
  @ApiProperty({ type: String, format: 'date', maxLength: 10, example: '2026-01-01' })
  from: string;

  @ApiProperty({ type: String, format: 'date', maxLength: 10, example: '2026-04-01' })
  to: string;

  @ApiProperty({ type: [ComplaintFiguresRowResponse], maxItems: 1000 })
  agencies: ComplaintFiguresRowResponse[];
}

const dueOf = (due: ComplaintV1['due']) => (due ? { due: { what: due.what, by: due.by } } : {});

/** Field-by-field copies: the public answers and the contracts can evolve apart. */
export function toComplaintReceiptResponse(receipt: ComplaintReceiptV1): ComplaintReceiptResponse {
  return {
    complaintNo: receipt.complaintNo,
    followSecret: receipt.followSecret,
    status: receipt.status,
    agencyCode: receipt.agencyCode,
    submittedAt: receipt.submittedAt,
    due: { what: receipt.due.what, by: receipt.due.by },
  };
}

export function toComplaintResponse(complaint: ComplaintV1): ComplaintResponse {
  return {
    complaintNo: complaint.complaintNo,
    kind: complaint.kind,
    status: complaint.status,
    subjectKind: complaint.subjectKind,
    ...(complaint.trackingNo ? { trackingNo: complaint.trackingNo } : {}),
    ...(complaint.serviceCode ? { serviceCode: complaint.serviceCode } : {}),
    agencyCode: complaint.agencyCode,
    text: complaint.text,
    submittedAt: complaint.submittedAt,
    ...dueOf(complaint.due),
    disputable: complaint.disputable,
    steps: complaint.steps.slice(0, MAX_STEPS).map((step) => ({
      step: step.step,
      at: step.at,
      ...(step.text !== undefined ? { text: step.text } : {}),
      ...(step.stage ? { stage: step.stage } : {}),
    })),
  };
}

export function toComplaintsPageResponse(page: ComplaintsPageV1): ComplaintsPageResponse {
  return {
    items: page.items.slice(0, WORK_QUEUE_LIMITS.pageSize).map((item) => ({
      complaintNo: item.complaintNo,
      kind: item.kind,
      status: item.status,
      agencyCode: item.agencyCode,
      submittedAt: item.submittedAt,
      ...dueOf(item.due),
    })),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}

export function toComplaintEscalationsPageResponse(
  page: ComplaintEscalationsPageV1,
): ComplaintEscalationsPageResponse {
  return {
    items: page.items.slice(0, WORK_QUEUE_LIMITS.pageSize).map((item) => ({
      complaintNo: item.complaintNo,
      agencyCode: item.agencyCode,
      stage: item.stage,
      deadline: item.deadline,
      escalatedAt: item.escalatedAt,
      status: item.status,
    })),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}

export function toComplaintFiguresResponse(figures: ComplaintFiguresV1): ComplaintFiguresResponse {
  return {
    from: figures.from,
    to: figures.to,
    agencies: figures.agencies.map((row) => ({
      agencyCode: row.agencyCode,
      received: row.received,
      routedOnTime: row.routedOnTime,
      answeredOnTime: row.answeredOnTime,
      escalated: row.escalated,
      medianAnswerWorkingDays: row.medianAnswerWorkingDays,
    })),
  };
}

export const COMPLAINT_EXAMPLE: ComplaintResponse = {
  complaintNo: 'ADUK7M39QX2C',
  kind: 'PENGADUAN',
  status: 'ROUTED',
  subjectKind: 'SERVICE',
  serviceCode: 'DUKCAPIL-AKTA-LAHIR',
  agencyCode: 'DUKCAPIL',
  text: 'Petugas loket meminta biaya tambahan untuk mempercepat akta kelahiran.',
  submittedAt: '2026-03-17T10:00:00.000+07:00',
  due: { what: 'ANSWER', by: '2026-04-07T00:00:00.000+07:00' },
  disputable: false,
  steps: [
    { step: 'SUBMITTED', at: '2026-03-17T10:00:00.000+07:00' },
    { step: 'ESCALATED', at: '2026-03-28T00:00:41.204+07:00', stage: 'ROUTE' },
    {
      step: 'ROUTED',
      at: '2026-03-30T08:15:02.510+07:00',
      text: 'Diteruskan ke Dukcapil: dugaan pungutan liar di loket.',
    },
  ],
};

export const RECEIPT_EXAMPLE: ComplaintReceiptResponse = {
  complaintNo: 'ADUK7M39QX2C',
  followSecret: 'q3V9x2mB7kLp0ZrT4sWd1A',
  status: 'SUBMITTED',
  agencyCode: 'DUKCAPIL',
  submittedAt: '2026-03-17T10:00:00.000+07:00',
  due: { what: 'ROUTE', by: '2026-03-28T00:00:00.000+07:00' },
};
