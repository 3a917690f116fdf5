import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FOLLOW_UP_PLAN_LIMITS as LIMITS,
  type FollowUpElement,
  type FollowUpItemStatus,
  type FollowUpItemV1,
  type FollowUpPlanSummaryV1,
  type FollowUpPlanV1,
  type FollowUpPlansPageV1,
  type FollowUpQuarter,
} from '@satupintu/contracts';
import { CURSOR_PATTERN, WORK_QUEUE_LIMITS } from '../work-queue/work-queue.request';
import {
  ConsultationForumRequest,
  ELEMENT,
  FollowUpEvidenceRequest,
  FollowUpScopeRequest,
  PERIOD,
  QUARTERS,
  STATUS,
} from './follow-up-plans.request';

const UUID = { type: String, format: 'uuid', maxLength: 36 };
const INSTANT = {
  type: String,
  format: 'date-time',
  maxLength: 24,
  description: 'ISO 8601, UTC',
  example: '2026-04-16T03:12:45.120Z',
};
const VERSION = { type: Number, minimum: 1, maximum: 2_147_483_647, example: 2 };

export class FollowUpItemResponse {
  @ApiProperty({ ...UUID, example: '8d1c3f6e-2b7a-4e59-9c0d-5a4b3c2d1e0f' })
  itemId: string;

  @ApiProperty(ELEMENT)
  element: FollowUpElement;

  @ApiProperty({ type: String, maxLength: LIMITS.activity })
  activity: string;

  @ApiProperty(QUARTERS)
  plannedQuarters: FollowUpQuarter[];

  @ApiProperty({ type: String, maxLength: LIMITS.responsibleUnit })
  responsibleUnit: string;

  @ApiProperty(STATUS)
  status: FollowUpItemStatus;

  @ApiProperty({ type: FollowUpEvidenceRequest })
  evidence: FollowUpEvidenceRequest;

  @ApiProperty({ ...VERSION, description: 'Name it to change the item' })
  version: number;

  @ApiProperty(INSTANT)
  updatedAt: string;
}

export class FollowUpPlanResponse {
  @ApiProperty({ ...UUID, example: '0c9b8a7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d' })
  planId: string;

  @ApiProperty({ type: FollowUpScopeRequest })
  scope: FollowUpScopeRequest;

  @ApiProperty(PERIOD)
  period: string;

  @ApiProperty({
    type: ConsultationForumRequest,
    nullable: true,
    description: 'The public consultation forum (FKP) that agreed the plan; null until recorded',
  })
  forum: ConsultationForumRequest | null;

  @ApiProperty({
    type: [FollowUpItemResponse],
    maxItems: LIMITS.itemsPerPlan,
    description: 'In the order they were added',
  })
  items: FollowUpItemResponse[];

  @ApiProperty({
    ...VERSION,
    description: "The plan's own version (its forum): name it to change the forum",
  })
  version: number;

  @ApiProperty(INSTANT)
  createdAt: string;

  @ApiProperty({ ...INSTANT, description: 'The last change of the plan or of an item' })
  updatedAt: string;
}

export class FollowUpPlanSummaryResponse {
  @ApiProperty({ ...UUID, example: '0c9b8a7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d' })
  planId: string;

  @ApiProperty({ type: FollowUpScopeRequest })
  scope: FollowUpScopeRequest;

  @ApiProperty(PERIOD)
  period: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    maxLength: 10,
    description: 'When its forum met, once recorded',
  })
  forumDate?: string;

  @ApiProperty({ type: Number, minimum: 0, maximum: LIMITS.itemsPerPlan, description: 'Items' })
  items: number;

  @ApiProperty({
    type: Number,
    minimum: 0,
    maximum: LIMITS.itemsPerPlan,
    description: 'Items DONE',
  })
  done: number;

  @ApiProperty(VERSION)
  version: number;

  @ApiProperty(INSTANT)
  updatedAt: string;
}

export class FollowUpPlansPageResponse {
  @ApiProperty({
    type: [FollowUpPlanSummaryResponse],
    maxItems: WORK_QUEUE_LIMITS.pageSize,
    description: 'The latest changed first',
  })
  items: FollowUpPlanSummaryResponse[];

  @ApiPropertyOptional({
    description: 'Present when there are more plans: pass it as `cursor` for the next page',
    maxLength: WORK_QUEUE_LIMITS.cursor,
    pattern: CURSOR_PATTERN,
  })
  nextCursor?: string;
}

/** Field-by-field copies: the public answer and the contract can evolve apart. */
export function toFollowUpItemResponse(item: FollowUpItemV1): FollowUpItemResponse {
  return {
    itemId: item.itemId,
    element: item.element,
    activity: item.activity,
    plannedQuarters: item.plannedQuarters,
    responsibleUnit: item.responsibleUnit,
    status: item.status,
    evidence: {
      ...(item.evidence.text !== undefined ? { text: item.evidence.text } : {}),
      links: item.evidence.links,
    },
    version: item.version,
    updatedAt: item.updatedAt,
  };
}

const scopeOf = (scope: FollowUpPlanV1['scope']): FollowUpScopeRequest => ({
  kind: scope.kind,
  ...(scope.agencyCode ? { agencyCode: scope.agencyCode } : {}),
  ...(scope.serviceCode ? { serviceCode: scope.serviceCode } : {}),
});

export function toFollowUpPlanResponse(plan: FollowUpPlanV1): FollowUpPlanResponse {
  return {
    planId: plan.planId,
    scope: scopeOf(plan.scope),
    period: plan.period,
    forum: plan.forum
      ? {
          date: plan.forum.date,
          participants: plan.forum.participants.map((p) => ({
            name: p.name,
            ...(p.affiliation ? { affiliation: p.affiliation } : {}),
          })),
          minutes: plan.forum.minutes,
        }
      : null,
    items: plan.items.map(toFollowUpItemResponse),
    version: plan.version,
    createdAt: plan.createdAt,
    updatedAt: plan.updatedAt,
  };
}

export function toFollowUpPlansPageResponse(page: FollowUpPlansPageV1): FollowUpPlansPageResponse {
  return {
    items: page.items
      .slice(0, WORK_QUEUE_LIMITS.pageSize)
      .map((plan: FollowUpPlanSummaryV1): FollowUpPlanSummaryResponse => ({
        planId: plan.planId,
        scope: scopeOf(plan.scope),
        period: plan.period,
        ...(plan.forumDate ? { forumDate: plan.forumDate } : {}),
        items: plan.items,
        done: plan.done,
        version: plan.version,
        updatedAt: plan.updatedAt,
      })),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}
