import { Module } from '@nestjs/common';
import { DeadlineAlertsHandlers } from './deadline-alerts.handlers';
import { DeadlineAlertsRepository } from './deadline-alerts.repository';
import { DeadlineSweeper } from './deadline-sweeper';

@Module({
  controllers: [DeadlineAlertsHandlers],
  providers: [DeadlineAlertsRepository, DeadlineSweeper],
})
export class DeadlinesModule {}
