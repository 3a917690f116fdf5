import { DomainError } from '@satupintu/common';
import type {
  AddFollowUpItemV1,
  ConsultationForumV1,
  FollowUpPlansPageV1,
  FollowUpScopeV1,
  ListFollowUpPlansV1,
  UpdateFollowUpItemV1,
} from '@satupintu/contracts';
import { decodeCursor, encodeCursor } from '@satupintu/persistence';
import {
  checkFollowUpChange,
  quarterSet,
  skmPeriodNamed,
  type ConsultationForum,
  type FollowUpItem,
  type SatisfactionScope,
  type SkmPeriod,
} from '@satupintu/domain';

import type { ListedPlan, PlanListQuery } from './follow-up-plans.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The scope a request names, its codes matching its kind, or a 400 naming `scope`. */
export function scopeOf(input: FollowUpScopeV1): SatisfactionScope {
  const { kind, agencyCode, serviceCode } = input;
  if (kind === 'MALL' && !agencyCode && !serviceCode) return { kind };
  if (kind === 'AGENCY' && agencyCode && !serviceCode) return { kind, agencyCode };
  if (kind === 'SERVICE' && serviceCode && !agencyCode) return { kind, serviceCode };
  throw DomainError.validation([{ field: 'scope', code: 'scope_codes' }]);
}

/** The SKM period a label names (`2026-TW1`, `2026-S2`, `2026`), or a 400 naming the field. */
export function periodOf(text: string, field = 'period'): SkmPeriod {
  const period = skmPeriodNamed(text);
  if (!period) throw DomainError.validation([{ field, code: 'must_be_period' }]);
  return period;
}

function quartersOf(quarters: AddFollowUpItemV1['plannedQuarters']) {
  const set = quarterSet(quarters);
  if (!set) throw DomainError.validation([{ field: 'plannedQuarters', code: 'quarter_repeated' }]);
  return set;
}

/** What an item holds apart from its identity, checked: a new item is PLANNED. */
export type ItemContent = Omit<FollowUpItem, 'id' | 'version'>;

export function newItemContent(input: AddFollowUpItemV1): ItemContent {
  return {
    element: input.element,
    activity: input.activity,
    plannedQuarters: quartersOf(input.plannedQuarters),
    responsibleUnit: input.responsibleUnit,
    status: 'PLANNED',
    evidence: evidenceOf(input.evidence),
  };
}

function evidenceOf(evidence: AddFollowUpItemV1['evidence']): FollowUpItem['evidence'] {
  return {
    ...(evidence?.text ? { text: evidence.text } : {}),
    links: evidence?.links ?? [],
  };
}

/**
 * The item after an update, or the refusal: a version that is not the current one (409: read
 * again), a status move the domain does not allow (409), DONE without evidence (422).
 */
export function updatedItem(current: FollowUpItem, update: UpdateFollowUpItemV1): FollowUpItem {
  if (update.version !== current.version)
    throw new DomainError('version_conflict', 409, [], {
      expected: update.version,
      current: current.version,
    });
  const next: FollowUpItem = {
    ...current,
    ...(update.element ? { element: update.element } : {}),
    ...(update.activity ? { activity: update.activity } : {}),
    ...(update.plannedQuarters ? { plannedQuarters: quartersOf(update.plannedQuarters) } : {}),
    ...(update.responsibleUnit ? { responsibleUnit: update.responsibleUnit } : {}),
    ...(update.status ? { status: update.status } : {}),
    ...(update.evidence ? { evidence: evidenceOf(update.evidence) } : {}),
    version: current.version + 1,
  };
  const refusal = checkFollowUpChange(current, next);
  if (refusal === 'illegal_transition')
    throw new DomainError('follow_up_transition_refused', 409, [], {
      from: current.status,
      to: next.status,
    });
  if (refusal === 'evidence_required')
    throw DomainError.validation([{ field: 'evidence', code: 'evidence_required' }], 422);
  return next;
}

/** A forum as stored: participants as given, an affiliation only when there is one. */
export function forumOf(input: ConsultationForumV1): ConsultationForum {
  if (Number.isNaN(Date.parse(`${input.date}T00:00:00Z`)) || !isRealDay(input.date))
    throw DomainError.validation([{ field: 'date', code: 'must_be_date' }]);
  return {
    date: input.date,
    participants: input.participants.map((p) => ({
      name: p.name,
      ...(p.affiliation ? { affiliation: p.affiliation } : {}),
    })),
    minutes: input.minutes,
  };
}

function isRealDay(text: string): boolean {
  return new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;
}

/** The page's query from the request; a cursor this list did not make is the caller's error. */
export function planQueryOf(
  request: ListFollowUpPlansV1,
  agencyCode: string | undefined,
): PlanListQuery {
  let after: PlanListQuery['after'];
  if (request.cursor) {
    const key = decodeCursor<[string, string]>(request.cursor, ['string', 'string']);
    if (!key || Number.isNaN(Date.parse(key[0])) || !UUID.test(key[1]))
      throw new DomainError('invalid_cursor', 400);
    after = { updatedAt: key[0], planId: key[1] };
  }
  if (request.period) periodOf(request.period);
  return {
    ...(request.scopeKind ? { scopeKind: request.scopeKind } : {}),
    ...(agencyCode ? { agencyCode } : {}),
    ...(request.period ? { period: request.period } : {}),
    ...(after ? { after } : {}),
    // One more than asked: whether there is a next page.
    limit: request.limit + 1,
  };
}

export function plansPage(rows: ListedPlan[], limit: number): FollowUpPlansPageV1 {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(({ updatedAtExact: _exact, ...summary }) => summary),
    ...(rows.length > limit && last
      ? { nextCursor: encodeCursor([last.updatedAtExact.toISOString(), last.planId]) }
      : {}),
  };
}
