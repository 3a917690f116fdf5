import { Injectable } from '@nestjs/common';
import { DomainError } from '@satupintu/common';
import type {
  FollowUpItemV1,
  FollowUpPlanSummaryV1,
  FollowUpPlanV1,
  FollowUpScopeKind,
} from '@satupintu/contracts';
import {
  FOLLOW_UP_LIMITS,
  scopeKey,
  type ConsultationForum,
  type FollowUpItem,
  type SatisfactionScope,
  type SkmPeriod,
} from '@satupintu/domain';
import { executorOf, joinSql, sql, type Executor, type Sql } from '@satupintu/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { ItemContent } from './follow-up-plan';

interface PlanRow {
  planId: string;
  scopeKind: FollowUpScopeKind;
  agencyCode: string | null;
  serviceCode: string | null;
  period: string;
  forum: ConsultationForum | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

interface ItemRow {
  itemId: string;
  element: FollowUpItem['element'];
  activity: string;
  plannedQuarters: FollowUpItem['plannedQuarters'];
  responsibleUnit: string;
  status: FollowUpItem['status'];
  evidence: FollowUpItem['evidence'];
  version: number;
  updatedAt: Date;
}

export interface PlanListQuery {
  scopeKind?: FollowUpScopeKind;
  /** The agency's own plan and its services'. */
  agencyCode?: string;
  period?: string;
  /** Strictly after this (updated_at, plan_id), the latest changed first. */
  after?: { updatedAt: string; planId: string };
  limit: number;
}

export interface LockedPlan {
  planId: string;
  version: number;
  scope: FollowUpPlanV1['scope'];
}

export type ListedPlan = FollowUpPlanSummaryV1 & { updatedAtExact: Date };

const PLAN_COLUMNS = sql`p.plan_id AS "planId", p.scope_kind AS "scopeKind",
  p.agency_code AS "agencyCode", p.service_code AS "serviceCode", p.period, p.forum, p.version,
  p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;
const ITEM_COLUMNS = sql`item_id AS "itemId", element, activity,
  planned_quarters AS "plannedQuarters", responsible_unit AS "responsibleUnit", status, evidence,
  version, updated_at AS "updatedAt"`;

@Injectable()
export class FollowUpPlansRepository {
  private readonly db: Executor;

  constructor(dataSource: DataSource) {
    this.db = executorOf(dataSource);
  }

  /** Records a new plan, or refuses (409) when the scope has one for the period already. */
  async create(
    tx: Executor,
    scope: SatisfactionScope,
    period: SkmPeriod,
    forum: ConsultationForum | null,
  ): Promise<FollowUpPlanV1> {
    const key = scopeKey(scope);
    const periodText = period.label;
    const [row] = await tx.query<PlanRow>(sql`
      INSERT INTO follow_up_plans AS p
             (plan_id, scope_kind, scope_key, agency_code, service_code, period, forum)
      VALUES (${randomUUID()}, ${scope.kind}, ${key}, ${scope.kind === 'AGENCY' ? scope.agencyCode : null},
              ${scope.kind === 'SERVICE' ? scope.serviceCode : null}, ${periodText},
              ${forum === null ? null : JSON.stringify(forum)}::jsonb)
      ON CONFLICT (scope_key, period) DO NOTHING
      RETURNING ${PLAN_COLUMNS}`);
    if (!row) {
      const [existing] = await tx.query<{ planId: string }>(sql`
        SELECT plan_id AS "planId" FROM follow_up_plans
         WHERE scope_key = ${key} AND period = ${periodText}`);
      throw new DomainError('follow_up_plan_exists', 409, [], {
        scope: key,
        period: periodText,
        planId: existing?.planId ?? '',
      });
    }
    return planOf(row, []);
  }

  async get(planId: string, db: Executor = this.db): Promise<FollowUpPlanV1 | undefined> {
    const [row] = await db.query<PlanRow>(
      sql`SELECT ${PLAN_COLUMNS} FROM follow_up_plans p WHERE p.plan_id = ${planId}`,
    );
    if (!row) return undefined;
    return planOf(row, await this.itemsOf(db, planId));
  }

  /** The plan of a scope and period, as the SKM report prints it. */
  async find(
    scope: SatisfactionScope,
    period: SkmPeriod,
  ): Promise<{ forum: ConsultationForum | null; items: FollowUpItem[] } | undefined> {
    const [row] = await this.db.query<{ planId: string; forum: ConsultationForum | null }>(sql`
      SELECT plan_id AS "planId", forum FROM follow_up_plans
       WHERE scope_key = ${scopeKey(scope)} AND period = ${period.label}`);
    if (!row) return undefined;
    const items = await this.itemRows(this.db, row.planId);
    return { forum: row.forum, items: items.map(domainItemOf) };
  }

  async list(query: PlanListQuery): Promise<ListedPlan[]> {
    const conditions: Sql[] = [sql`TRUE`];
    if (query.scopeKind) conditions.push(sql`p.scope_kind = ${query.scopeKind}`);
    // The agency's own plan and its services' (`<AGENCY>-…`, ADR 0015).
    if (query.agencyCode)
      conditions.push(
        sql`(p.agency_code = ${query.agencyCode} OR starts_with(p.service_code, ${`${query.agencyCode}-`}))`,
      );
    if (query.period) conditions.push(sql`p.period = ${query.period}`);
    if (query.after)
      conditions.push(
        sql`(p.updated_at, p.plan_id) < (${query.after.updatedAt}::timestamptz, ${query.after.planId}::uuid)`,
      );
    const rows = await this.db.query<PlanRow & { items: string; done: string }>(sql`
      SELECT ${PLAN_COLUMNS},
             (SELECT count(*) FROM follow_up_items i WHERE i.plan_id = p.plan_id) AS items,
             (SELECT count(*) FROM follow_up_items i
               WHERE i.plan_id = p.plan_id AND i.status = 'DONE') AS done
        FROM follow_up_plans p
       WHERE ${joinSql(conditions, sql` AND `)}
       ORDER BY p.updated_at DESC, p.plan_id DESC
       LIMIT ${query.limit}`);
    return rows.map((row) => ({
      planId: row.planId,
      scope: scopeOfRow(row),
      period: row.period,
      ...(row.forum ? { forumDate: row.forum.date } : {}),
      items: Number(row.items),
      done: Number(row.done),
      version: row.version,
      updatedAt: row.updatedAt.toISOString(),
      updatedAtExact: row.updatedAt,
    }));
  }

  /**
   * The plan locked for a change in this transaction (its items are added one at a time
   * behind the lock, so their positions and the bound hold), or a 404.
   */
  async lock(tx: Executor, planId: string): Promise<LockedPlan> {
    const [row] = await tx.query<PlanRow>(
      sql`SELECT ${PLAN_COLUMNS} FROM follow_up_plans p WHERE p.plan_id = ${planId} FOR UPDATE`,
    );
    if (!row) throw new DomainError('follow_up_plan_not_found', 404, [], { planId });
    return { planId: row.planId, version: row.version, scope: scopeOfRow(row) };
  }

  /** Replaces the forum of a plan locked by `lock`, when `version` is still its version. */
  async putForum(
    tx: Executor,
    plan: LockedPlan,
    version: number,
    forum: ConsultationForum,
  ): Promise<FollowUpPlanV1> {
    if (plan.version !== version)
      throw new DomainError('version_conflict', 409, [], {
        expected: version,
        current: plan.version,
      });
    await tx.execute(sql`
      UPDATE follow_up_plans
         SET forum = ${JSON.stringify(forum)}::jsonb, version = version + 1, updated_at = date_trunc('milliseconds', now())
       WHERE plan_id = ${plan.planId}`);
    return (await this.get(plan.planId, tx))!;
  }

  /** Adds an item at the end of a plan locked by `lock`. */
  async addItem(tx: Executor, planId: string, item: ItemContent): Promise<FollowUpItemV1> {
    const [{ n }] = await tx.query<{ n: string }>(
      sql`SELECT count(*) AS n FROM follow_up_items WHERE plan_id = ${planId}`,
    );
    if (Number(n) >= FOLLOW_UP_LIMITS.itemsPerPlan)
      throw new DomainError('follow_up_plan_full', 409, [], {
        max: FOLLOW_UP_LIMITS.itemsPerPlan,
      });
    const [row] = await tx.query<ItemRow>(sql`
      INSERT INTO follow_up_items (item_id, plan_id, position, element, activity,
                                   planned_quarters, responsible_unit, status, evidence)
      VALUES (${randomUUID()}, ${planId}, ${Number(n) + 1}, ${item.element}, ${item.activity},
              ${item.plannedQuarters}::text[], ${item.responsibleUnit}, ${item.status},
              ${JSON.stringify(item.evidence)}::jsonb)
      RETURNING ${ITEM_COLUMNS}`);
    await this.touch(tx, planId);
    return itemOf(row);
  }

  /** An item of the plan, locked for its change, or a 404. */
  async lockItem(tx: Executor, planId: string, itemId: string): Promise<FollowUpItem> {
    const [row] = await tx.query<ItemRow>(sql`
      SELECT ${ITEM_COLUMNS} FROM follow_up_items
       WHERE plan_id = ${planId} AND item_id = ${itemId} FOR UPDATE`);
    if (!row) throw new DomainError('follow_up_item_not_found', 404, [], { itemId });
    return domainItemOf(row);
  }

  async saveItem(tx: Executor, planId: string, item: FollowUpItem): Promise<FollowUpItemV1> {
    const [row] = await tx.query<ItemRow>(sql`
      UPDATE follow_up_items
         SET element = ${item.element}, activity = ${item.activity},
             planned_quarters = ${item.plannedQuarters}::text[],
             responsible_unit = ${item.responsibleUnit}, status = ${item.status},
             evidence = ${JSON.stringify(item.evidence)}::jsonb, version = ${item.version},
             updated_at = date_trunc('milliseconds', now())
       WHERE plan_id = ${planId} AND item_id = ${item.id}
      RETURNING ${ITEM_COLUMNS}`);
    await this.touch(tx, planId);
    return itemOf(row);
  }

  /** A change of an item is a change of its plan: the list's order shows it. */
  private async touch(tx: Executor, planId: string): Promise<void> {
    await tx.execute(
      sql`UPDATE follow_up_plans SET updated_at = date_trunc('milliseconds', now()) WHERE plan_id = ${planId}`,
    );
  }

  private itemRows(db: Executor, planId: string): Promise<ItemRow[]> {
    return db.query<ItemRow>(sql`
      SELECT ${ITEM_COLUMNS} FROM follow_up_items WHERE plan_id = ${planId} ORDER BY position`);
  }

  private async itemsOf(db: Executor, planId: string): Promise<FollowUpItemV1[]> {
    return (await this.itemRows(db, planId)).map(itemOf);
  }
}

function scopeOfRow(row: PlanRow): FollowUpPlanV1['scope'] {
  if (row.scopeKind === 'MALL') return { kind: 'MALL' };
  if (row.scopeKind === 'AGENCY') return { kind: 'AGENCY', agencyCode: row.agencyCode! };
  return { kind: 'SERVICE', serviceCode: row.serviceCode! };
}

function planOf(row: PlanRow, items: FollowUpItemV1[]): FollowUpPlanV1 {
  return {
    planId: row.planId,
    scope: scopeOfRow(row),
    period: row.period,
    forum: row.forum,
    items,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function itemOf(row: ItemRow): FollowUpItemV1 {
  const { id, ...item } = domainItemOf(row);
  return { itemId: id, ...item, updatedAt: row.updatedAt.toISOString() };
}

function domainItemOf(row: ItemRow): FollowUpItem {
  return {
    id: row.itemId,
    element: row.element,
    activity: row.activity,
    plannedQuarters: row.plannedQuarters,
    responsibleUnit: row.responsibleUnit,
    status: row.status,
    evidence: row.evidence,
    version: row.version,
  };
}
