import { Module } from '@nestjs/common';
import { TimelineConsumers } from './timeline.consumers';
import { TimelineHandlers } from './timeline.handlers';
import { TimelineRepository } from './timeline.repository';

@Module({
  controllers: [TimelineHandlers],
  providers: [TimelineRepository, TimelineConsumers],
})
export class TimelineModule {}
