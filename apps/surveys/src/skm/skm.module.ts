import { Module } from '@nestjs/common';
import { ServedCasesModule } from '../served-cases/served-cases.module';
import { FOLLOW_UP_PLAN_SOURCE, NoFollowUpPlansYet } from './follow-up-plan.source';
import { SkmHandlers } from './skm.handlers';
import { SkmIndexRepository } from './skm-index.repository';

@Module({
  imports: [ServedCasesModule],
  controllers: [SkmHandlers],
  providers: [
    SkmIndexRepository,
    // TODO(follow-up plans): the follow-up feature's source replaces this stand-in.
    { provide: FOLLOW_UP_PLAN_SOURCE, useClass: NoFollowUpPlansYet },
  ],
})
export class SkmModule {}
