import { Module } from '@nestjs/common';
import { FollowUpHandlers } from './follow-up.handlers';
import { FOLLOW_UP_PLAN_SOURCE, RecordedFollowUpPlans } from './follow-up-plan.source';
import { FollowUpPlansRepository } from './follow-up-plans.repository';

/** Follow-up plans of SKM periods and their public consultation forums (ADR 0033). */
@Module({
  controllers: [FollowUpHandlers],
  providers: [
    FollowUpPlansRepository,
    { provide: FOLLOW_UP_PLAN_SOURCE, useClass: RecordedFollowUpPlans },
  ],
  exports: [FOLLOW_UP_PLAN_SOURCE],
})
export class FollowUpModule {}
