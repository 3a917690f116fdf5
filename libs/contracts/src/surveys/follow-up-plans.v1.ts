import { PageLimitV1, PageCursorV1 } from '../paging';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  FOLLOW_UP_LIMITS,
  FOLLOW_UP_STATUSES,
  SATISFACTION_SCOPE_KINDS,
  SKM_ELEMENTS,
  TRIWULAN,
} from '@satupintu/domain';
import { defineRequest } from '../contract';
import { SKM_PERIOD_TEXT } from './skm.v1';

/**
 * The follow-up plans of SKM periods (rencana tindak lanjut) and the public consultation forums
 * that agreed them (issue 11). Surveys answers; mall admins manage any scope's plan, an agency's
 * admins their agency's and its services'.
 */

export const FOLLOW_UP_SCOPE_KINDS = SATISFACTION_SCOPE_KINDS;
export const FOLLOW_UP_ITEM_STATUSES = FOLLOW_UP_STATUSES;
export const FOLLOW_UP_QUARTERS = TRIWULAN;
export const FOLLOW_UP_ELEMENTS = SKM_ELEMENTS;
export const FOLLOW_UP_PLAN_LIMITS = FOLLOW_UP_LIMITS;
const AGENCY_CODE = /^[A-Z0-9-]{2,32}$/;
const SERVICE_CODE = /^[A-Z0-9-]{2,48}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export type FollowUpScopeKind = (typeof FOLLOW_UP_SCOPE_KINDS)[number];
export type FollowUpItemStatus = (typeof FOLLOW_UP_ITEM_STATUSES)[number];
export type FollowUpQuarter = (typeof FOLLOW_UP_QUARTERS)[number];
export type FollowUpElement = (typeof FOLLOW_UP_ELEMENTS)[number];

/** Whose plan: `MALL`; `AGENCY` with `agencyCode`; `SERVICE` with `serviceCode`. */
export class FollowUpScopeV1 {
  @IsIn(FOLLOW_UP_SCOPE_KINDS)
  kind: FollowUpScopeKind;

  @IsOptional()
  @IsString()
  @Matches(AGENCY_CODE)
  agencyCode?: string;

  @IsOptional()
  @IsString()
  @Matches(SERVICE_CODE)
  serviceCode?: string;
}

export class ForumParticipantV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(FOLLOW_UP_PLAN_LIMITS.participantName)
  name: string;

  @IsOptional()
  @IsString()
  @MaxLength(FOLLOW_UP_PLAN_LIMITS.participantAffiliation)
  affiliation?: string;
}

export class ConsultationForumV1 {
  @IsString()
  @Matches(DATE)
  date: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(FOLLOW_UP_PLAN_LIMITS.participants)
  @ValidateNested({ each: true })
  @Type(() => ForumParticipantV1)
  participants: ForumParticipantV1[];

  @IsString()
  @IsNotEmpty()
  @MaxLength(FOLLOW_UP_PLAN_LIMITS.minutes)
  minutes: string;
}

export class FollowUpEvidenceV1 {
  @IsOptional()
  @IsString()
  @MaxLength(FOLLOW_UP_PLAN_LIMITS.evidenceText)
  text?: string;

  @IsArray()
  @ArrayMaxSize(FOLLOW_UP_PLAN_LIMITS.evidenceLinks)
  @IsString({ each: true })
  @MaxLength(FOLLOW_UP_PLAN_LIMITS.link, { each: true })
  @Matches(/^https:\/\/\S+$/, { each: true })
  links: string[];
}

export class CreateFollowUpPlanV1 {
  @ValidateNested()
  @Type(() => FollowUpScopeV1)
  scope: FollowUpScopeV1;

  @IsString()
  @Matches(SKM_PERIOD_TEXT)
  period: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => ConsultationForumV1)
  forum?: ConsultationForumV1;
}

export class GetFollowUpPlanV1 {
  @IsUUID()
  planId: string;
}

export class ListFollowUpPlansV1 {
  @IsOptional()
  @IsIn(FOLLOW_UP_SCOPE_KINDS)
  scopeKind?: FollowUpScopeKind;

  /** The agency's plan and its services' plans. */
  @IsOptional()
  @IsString()
  @Matches(AGENCY_CODE)
  agencyCode?: string;

  @IsOptional()
  @IsString()
  @Matches(SKM_PERIOD_TEXT)
  period?: string;

  @PageLimitV1()
  limit: number;

  @PageCursorV1()
  cursor?: string;
}

/** Records or replaces the forum that agreed the plan; `version` is the plan's as last read. */
export class PutConsultationForumV1 extends ConsultationForumV1 {
  @IsUUID()
  planId: string;

  @IsInt()
  @Min(1)
  version: number;
}

export class AddFollowUpItemV1 {
  @IsUUID()
  planId: string;

  @IsIn(FOLLOW_UP_ELEMENTS)
  element: FollowUpElement;

  @IsString()
  @IsNotEmpty()
  @MaxLength(FOLLOW_UP_PLAN_LIMITS.activity)
  activity: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsIn(FOLLOW_UP_QUARTERS, { each: true })
  plannedQuarters: FollowUpQuarter[];

  @IsString()
  @IsNotEmpty()
  @MaxLength(FOLLOW_UP_PLAN_LIMITS.responsibleUnit)
  responsibleUnit: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => FollowUpEvidenceV1)
  evidence?: FollowUpEvidenceV1;
}

/** Changes what is given; `version` is the item's as last read (a stale one is a 409). */
export class UpdateFollowUpItemV1 {
  @IsUUID()
  planId: string;

  @IsUUID()
  itemId: string;

  @IsInt()
  @Min(1)
  version: number;

  @IsOptional()
  @IsIn(FOLLOW_UP_ITEM_STATUSES)
  status?: FollowUpItemStatus;

  @IsOptional()
  @IsIn(FOLLOW_UP_ELEMENTS)
  element?: FollowUpElement;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(FOLLOW_UP_PLAN_LIMITS.activity)
  activity?: string;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsIn(FOLLOW_UP_QUARTERS, { each: true })
  plannedQuarters?: FollowUpQuarter[];

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(FOLLOW_UP_PLAN_LIMITS.responsibleUnit)
  responsibleUnit?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => FollowUpEvidenceV1)
  evidence?: FollowUpEvidenceV1;
}

export interface FollowUpItemV1 {
  itemId: string;
  element: FollowUpElement;
  activity: string;
  plannedQuarters: FollowUpQuarter[];
  responsibleUnit: string;
  status: FollowUpItemStatus;
  evidence: { text?: string; links: string[] };
  version: number;
  /** ISO 8601 (UTC). */
  updatedAt: string;
}

export interface FollowUpPlanV1 {
  planId: string;
  scope: { kind: FollowUpScopeKind; agencyCode?: string; serviceCode?: string };
  period: string;
  forum: {
    date: string;
    participants: { name: string; affiliation?: string }[];
    minutes: string;
  } | null;
  /** In the order they were added. */
  items: FollowUpItemV1[];
  /** Counts the plan's own changes (its forum): a forum update names the version it read. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface FollowUpPlanSummaryV1 {
  planId: string;
  scope: FollowUpPlanV1['scope'];
  period: string;
  forumDate?: string;
  items: number;
  done: number;
  version: number;
  updatedAt: string;
}

export interface FollowUpPlansPageV1 {
  items: FollowUpPlanSummaryV1[];
  nextCursor?: string;
}

export const CreateFollowUpPlan = defineRequest<CreateFollowUpPlanV1, FollowUpPlanV1>({
  subject: 'surveys.follow-up-plan.create.v1',
  service: 'surveys',
  payload: CreateFollowUpPlanV1,
});

export const GetFollowUpPlan = defineRequest<GetFollowUpPlanV1, FollowUpPlanV1>({
  subject: 'surveys.follow-up-plan.get.v1',
  service: 'surveys',
  payload: GetFollowUpPlanV1,
});

export const ListFollowUpPlans = defineRequest<ListFollowUpPlansV1, FollowUpPlansPageV1>({
  subject: 'surveys.follow-up-plan.list.v1',
  service: 'surveys',
  payload: ListFollowUpPlansV1,
});

export const PutConsultationForum = defineRequest<PutConsultationForumV1, FollowUpPlanV1>({
  subject: 'surveys.follow-up-forum.put.v1',
  service: 'surveys',
  payload: PutConsultationForumV1,
});

export const AddFollowUpItem = defineRequest<AddFollowUpItemV1, FollowUpItemV1>({
  subject: 'surveys.follow-up-item.add.v1',
  service: 'surveys',
  payload: AddFollowUpItemV1,
});

export const UpdateFollowUpItem = defineRequest<UpdateFollowUpItemV1, FollowUpItemV1>({
  subject: 'surveys.follow-up-item.update.v1',
  service: 'surveys',
  payload: UpdateFollowUpItemV1,
});
