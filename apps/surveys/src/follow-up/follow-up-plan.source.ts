import { Injectable } from '@nestjs/common';
import type { FollowUpPlanSection, SatisfactionScope, SkmPeriod } from '@satupintu/domain';
import { FollowUpPlansRepository } from './follow-up-plans.repository';

/**
 * Where the SKM report reads a period's follow-up plan, by the label the index prints for the
 * period (`2026-TW1`), which is the one a plan is recorded under. The report
 * (apps/surveys/src/skm) depends on this interface, not on the tables: inject
 * `FOLLOW_UP_PLAN_SOURCE`.
 */
export interface FollowUpPlanSource {
  planFor(scope: SatisfactionScope, period: SkmPeriod): Promise<FollowUpPlanSection>;
}

export const FOLLOW_UP_PLAN_SOURCE = Symbol('FOLLOW_UP_PLAN_SOURCE');

/** The plan as recorded; a scope and period with no plan yet print no forum and no items. */
@Injectable()
export class RecordedFollowUpPlans implements FollowUpPlanSource {
  constructor(private readonly plans: FollowUpPlansRepository) {}

  async planFor(scope: SatisfactionScope, period: SkmPeriod): Promise<FollowUpPlanSection> {
    return (await this.plans.find(scope, period)) ?? { forum: null, items: [] };
  }
}
