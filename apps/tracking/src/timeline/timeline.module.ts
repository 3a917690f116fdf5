import { Module } from '@nestjs/common';
import { CaseViewsRepository } from '../cases/case-views.repository';
import { TimelineLive } from './timeline-live';
import { DashboardsModule } from '../dashboards/dashboards.module';
import { ReadModelRebuild } from '../rebuild/read-model-rebuild';
import { TimelineConsumers } from './timeline.consumers';
import { TimelineHandlers } from './timeline.handlers';
import { TimelineRepository } from './timeline.repository';

@Module({
  imports: [DashboardsModule],
  controllers: [TimelineHandlers],
  providers: [
    TimelineRepository,
    CaseViewsRepository,
    TimelineLive,
    ReadModelRebuild,
    TimelineConsumers,
  ],
  exports: [TimelineRepository, CaseViewsRepository],
})
export class TimelineModule {}
