import { Module } from '@nestjs/common';
import { CaseViewsRepository } from '../cases/case-views.repository';
import { ReadModelRebuild } from '../rebuild/read-model-rebuild';
import { TimelineConsumers } from './timeline.consumers';
import { TimelineHandlers } from './timeline.handlers';
import { TimelineRepository } from './timeline.repository';

@Module({
  controllers: [TimelineHandlers],
  providers: [TimelineRepository, CaseViewsRepository, ReadModelRebuild, TimelineConsumers],
  exports: [TimelineRepository, CaseViewsRepository],
})
export class TimelineModule {}
