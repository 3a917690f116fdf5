import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  FOLLOW_UP_ELEMENTS,
  FOLLOW_UP_ITEM_STATUSES,
  FOLLOW_UP_PLAN_LIMITS as LIMITS,
  FOLLOW_UP_QUARTERS,
  FOLLOW_UP_SCOPE_KINDS,
  SKM_PERIOD_TEXT,
  type AddFollowUpItemV1,
  type ConsultationForumV1,
  type CreateFollowUpPlanV1,
  type FollowUpElement,
  type FollowUpItemStatus,
  type FollowUpQuarter,
  type FollowUpScopeKind,
  type ListFollowUpPlansV1,
  type UpdateFollowUpItemV1,
} from '@satupintu/contracts';
import { AGENCY_CODE } from '../openapi/formats';
import { WORK_QUEUE_LIMITS } from '../work-queue/work-queue.request';
import { PageCursor, PageLimit } from '../openapi/paging';

export const PERIOD = {
  type: String,
  maxLength: 8,
  pattern: SKM_PERIOD_TEXT.source,
  description:
    'The SKM period, named as the SKM index and report name it: a quarter (triwulan) `2026-TW1` ' +
    'to `2026-TW4`, a semester `2026-S1` or `2026-S2`, a year `2026`',
  example: '2026-TW1',
};
export const SERVICE_CODE = {
  type: String,
  maxLength: 48,
  pattern: '^[A-Z0-9-]{2,48}$',
  example: 'PUPR-PBG',
};
export const DATE = {
  type: String,
  format: 'date',
  maxLength: 10,
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
};
export const ELEMENT = {
  enum: FOLLOW_UP_ELEMENTS,
  enumName: 'SkmElement',
  enumSchema: {
    description:
      'An SKM element by code (PermenPANRB 14/2017): U1 requirements, U2 procedure, U3 time, U4 cost, ' +
      'U5 product, U6 competence, U7 behaviour, U8 complaint handling, U9 facilities',
  },
  example: 'U3',
} as const;
export const QUARTERS = {
  type: [String],
  enum: FOLLOW_UP_QUARTERS,
  enumName: 'Triwulan',
  minItems: 1,
  maxItems: 4,
  description: 'The quarters (triwulan, TW I–IV) the work is planned in, each once',
  example: ['II', 'III'],
} as const;
export const STATUS = {
  enum: FOLLOW_UP_ITEM_STATUSES,
  enumName: 'FollowUpStatus',
  enumSchema: {
    description:
      '`PLANNED` → `IN_PROGRESS` or `DROPPED`; `IN_PROGRESS` → `DONE` (with evidence) or `DROPPED`; ' +
      '`DONE` and `DROPPED` are final',
  },
  example: 'IN_PROGRESS',
} as const;

export class FollowUpScopeRequest {
  @ApiProperty({
    enum: FOLLOW_UP_SCOPE_KINDS,
    enumName: 'FollowUpScopeKind',
    description: '`MALL`: the whole mall; `AGENCY` with `agencyCode`; `SERVICE` with `serviceCode`',
    example: 'SERVICE',
  })
  @IsDefined()
  @IsIn(FOLLOW_UP_SCOPE_KINDS)
  kind: FollowUpScopeKind;

  @ApiPropertyOptional({ ...AGENCY_CODE, description: 'For `AGENCY` only' })
  @IsOptional()
  @IsString()
  @Matches(new RegExp(AGENCY_CODE.pattern))
  agencyCode?: string;

  @ApiPropertyOptional({ ...SERVICE_CODE, description: 'For `SERVICE` only', example: 'PUPR-PBG' })
  @IsOptional()
  @IsString()
  @Matches(new RegExp(SERVICE_CODE.pattern))
  serviceCode?: string;
}

export class ForumParticipantRequest {
  @ApiProperty({
    type: String,
    minLength: 1,
    maxLength: LIMITS.participantName,
    example: 'Ketua RW 05 Kel. Cibinong',
    description: 'Who came: a name or the role they came in',
  })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.participantName)
  name: string;

  @ApiPropertyOptional({
    type: String,
    maxLength: LIMITS.participantAffiliation,
    example: 'Forum Warga Cibinong',
    description: 'The community group, institution or unit they came for',
  })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.participantAffiliation)
  affiliation?: string;
}

export class ConsultationForumRequest {
  @ApiProperty({ ...DATE, description: 'The day the forum met', example: '2026-04-15' })
  @IsDefined()
  @IsString()
  @Matches(new RegExp(DATE.pattern))
  date: string;

  @ApiProperty({
    type: [ForumParticipantRequest],
    minItems: 1,
    maxItems: LIMITS.participants,
    description: 'Who took part',
  })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LIMITS.participants)
  @ValidateNested({ each: true })
  @Type(() => ForumParticipantRequest)
  participants: ForumParticipantRequest[];

  @ApiProperty({
    type: String,
    minLength: 1,
    maxLength: LIMITS.minutes,
    description: 'The minutes (berita acara): what was discussed and agreed',
    example: 'Forum menyepakati tiga prioritas: waktu penyelesaian (U3), pengaduan (U8) ...',
  })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.minutes)
  minutes: string;
}

export class PutConsultationForumRequest extends ConsultationForumRequest {
  @ApiProperty({
    type: Number,
    minimum: 1,
    maximum: 2_147_483_647,
    description: "The plan's `version` as last read: another change since is a 409",
    example: 1,
  })
  @IsDefined()
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  version: number;
}

export class CreateFollowUpPlanRequest {
  @ApiProperty({ type: FollowUpScopeRequest, description: 'Whose plan' })
  @IsDefined()
  @ValidateNested()
  @Type(() => FollowUpScopeRequest)
  scope: FollowUpScopeRequest;

  @ApiProperty(PERIOD)
  @IsDefined()
  @IsString()
  @Matches(SKM_PERIOD_TEXT, { context: { code: 'must_be_period' } })
  period: string;

  @ApiPropertyOptional({
    type: ConsultationForumRequest,
    description: 'The forum that agreed it, if it has met (or later, `PUT …/forum`)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ConsultationForumRequest)
  forum?: ConsultationForumRequest;
}

export class FollowUpEvidenceRequest {
  @ApiPropertyOptional({
    type: String,
    maxLength: LIMITS.evidenceText,
    description: 'What was done, and where it shows',
    example: 'SOP verifikasi baru berlaku sejak 2 Mei 2026',
  })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.evidenceText)
  text?: string;

  @ApiProperty({
    type: [String],
    maxItems: LIMITS.evidenceLinks,
    items: { type: 'string', maxLength: LIMITS.link, pattern: '^https://\\S+$' },
    description: 'Links to documents, photos or pages (`https://`)',
    example: ['https://mpp.example.go.id/sop-verifikasi.pdf'],
  })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(LIMITS.evidenceLinks)
  @IsString({ each: true })
  @MaxLength(LIMITS.link, { each: true })
  @Matches(/^https:\/\/\S+$/, { each: true })
  links: string[];
}

export class AddFollowUpItemRequest {
  @ApiProperty({ ...ELEMENT, description: 'The priority element the item improves' })
  @IsDefined()
  @IsIn(FOLLOW_UP_ELEMENTS)
  element: FollowUpElement;

  @ApiProperty({
    type: String,
    minLength: 1,
    maxLength: LIMITS.activity,
    description: 'The program or activity',
    example: 'Memangkas alur verifikasi PBG dari lima meja menjadi tiga',
  })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.activity)
  activity: string;

  @ApiProperty(QUARTERS)
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsIn(FOLLOW_UP_QUARTERS, { each: true })
  plannedQuarters: FollowUpQuarter[];

  @ApiProperty({
    type: String,
    minLength: 1,
    maxLength: LIMITS.responsibleUnit,
    description: 'The unit responsible',
    example: 'Bidang Pelayanan Perizinan',
  })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.responsibleUnit)
  responsibleUnit: string;

  @ApiPropertyOptional({ type: FollowUpEvidenceRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => FollowUpEvidenceRequest)
  evidence?: FollowUpEvidenceRequest;
}

export class UpdateFollowUpItemRequest {
  @ApiProperty({
    type: Number,
    minimum: 1,
    maximum: 2_147_483_647,
    description: "The item's `version` as last read: another change since is a 409",
    example: 1,
  })
  @IsDefined()
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  version: number;

  @ApiPropertyOptional(STATUS)
  @IsOptional()
  @IsIn(FOLLOW_UP_ITEM_STATUSES)
  status?: FollowUpItemStatus;

  @ApiPropertyOptional(ELEMENT)
  @IsOptional()
  @IsIn(FOLLOW_UP_ELEMENTS)
  element?: FollowUpElement;

  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: LIMITS.activity })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.activity)
  activity?: string;

  @ApiPropertyOptional(QUARTERS)
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsIn(FOLLOW_UP_QUARTERS, { each: true })
  plannedQuarters?: FollowUpQuarter[];

  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: LIMITS.responsibleUnit })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.responsibleUnit)
  responsibleUnit?: string;

  @ApiPropertyOptional({
    type: FollowUpEvidenceRequest,
    description: 'Replaces the evidence; needed (a text or a link) to move to `DONE`',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => FollowUpEvidenceRequest)
  evidence?: FollowUpEvidenceRequest;
}

export class ListFollowUpPlansRequest {
  @ApiPropertyOptional({
    enum: FOLLOW_UP_SCOPE_KINDS,
    enumName: 'FollowUpScopeKind',
    description: 'Only plans of this kind of scope',
  })
  @IsOptional()
  @IsIn(FOLLOW_UP_SCOPE_KINDS)
  scopeKind?: FollowUpScopeKind;

  @ApiPropertyOptional({
    ...AGENCY_CODE,
    description: "The agency's plan and its services' (an agency admin: their own, the default)",
  })
  @IsOptional()
  @IsString()
  @Matches(new RegExp(AGENCY_CODE.pattern), { context: { code: 'agency_code_format' } })
  agencyCode?: string;

  @ApiPropertyOptional({ ...PERIOD, description: 'Only plans of this period' })
  @IsOptional()
  @IsString()
  @Matches(SKM_PERIOD_TEXT, { context: { code: 'must_be_period' } })
  period?: string;

  @PageLimit('Plans')
  limit?: number;

  @PageCursor()
  cursor?: string;
}

const forumOf = (forum: ConsultationForumRequest): ConsultationForumV1 => ({
  date: forum.date,
  participants: forum.participants.map((p) => ({
    name: p.name,
    ...(p.affiliation !== undefined ? { affiliation: p.affiliation } : {}),
  })),
  minutes: forum.minutes,
});

const evidenceOf = (evidence: FollowUpEvidenceRequest) => ({
  ...(evidence.text !== undefined ? { text: evidence.text } : {}),
  links: evidence.links,
});

export const toCreateFollowUpPlanV1 = (body: CreateFollowUpPlanRequest): CreateFollowUpPlanV1 => ({
  scope: {
    kind: body.scope.kind,
    ...(body.scope.agencyCode !== undefined ? { agencyCode: body.scope.agencyCode } : {}),
    ...(body.scope.serviceCode !== undefined ? { serviceCode: body.scope.serviceCode } : {}),
  },
  period: body.period,
  ...(body.forum ? { forum: forumOf(body.forum) } : {}),
});

export const toPutConsultationForumV1 = (planId: string, body: PutConsultationForumRequest) => ({
  planId,
  version: body.version,
  ...forumOf(body),
});

export const toAddFollowUpItemV1 = (
  planId: string,
  body: AddFollowUpItemRequest,
): AddFollowUpItemV1 => ({
  planId,
  element: body.element,
  activity: body.activity,
  plannedQuarters: body.plannedQuarters,
  responsibleUnit: body.responsibleUnit,
  ...(body.evidence ? { evidence: evidenceOf(body.evidence) } : {}),
});

export const toUpdateFollowUpItemV1 = (
  planId: string,
  itemId: string,
  body: UpdateFollowUpItemRequest,
): UpdateFollowUpItemV1 => ({
  planId,
  itemId,
  version: body.version,
  ...(body.status !== undefined ? { status: body.status } : {}),
  ...(body.element !== undefined ? { element: body.element } : {}),
  ...(body.activity !== undefined ? { activity: body.activity } : {}),
  ...(body.plannedQuarters !== undefined ? { plannedQuarters: body.plannedQuarters } : {}),
  ...(body.responsibleUnit !== undefined ? { responsibleUnit: body.responsibleUnit } : {}),
  ...(body.evidence ? { evidence: evidenceOf(body.evidence) } : {}),
});

export const toListFollowUpPlansV1 = (query: ListFollowUpPlansRequest): ListFollowUpPlansV1 => ({
  limit: query.limit ?? WORK_QUEUE_LIMITS.defaultPageSize,
  ...(query.scopeKind ? { scopeKind: query.scopeKind } : {}),
  ...(query.agencyCode ? { agencyCode: query.agencyCode } : {}),
  ...(query.period ? { period: query.period } : {}),
  ...(query.cursor ? { cursor: query.cursor } : {}),
});
