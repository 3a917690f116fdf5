import type { FollowUpPlanSection, SkmPeriod } from '@satupintu/domain';
import type { SkmScope } from './skm-index.repository';

/**
 * Where a report finds the follow-up plan (rencana tindak lanjut) and the forum that agreed it,
 * for its scope and period. The follow-up feature (apps/surveys/src/follow-up/) provides it.
 */
export interface FollowUpPlanSource {
  planFor(scope: SkmScope, period: SkmPeriod): Promise<FollowUpPlanSection>;
}

export const FOLLOW_UP_PLAN_SOURCE = Symbol('FOLLOW_UP_PLAN_SOURCE');

/**
 * TODO(follow-up plans, issue 11 part 2): a stand-in until the follow-up plan and FKP storage in
 * apps/surveys/src/follow-up/ lands; the integrator binds FOLLOW_UP_PLAN_SOURCE to it instead.
 * Every report's section is empty meanwhile: no plan is recorded anywhere yet.
 */
export class NoFollowUpPlansYet implements FollowUpPlanSource {
  planFor(): Promise<FollowUpPlanSection> {
    return Promise.resolve({ items: [] });
  }
}
