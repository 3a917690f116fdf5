import { Module } from '@nestjs/common';
import { DashboardsHandlers } from './dashboards.handlers';
import { DashboardsRepository } from './dashboards.repository';

@Module({
  controllers: [DashboardsHandlers],
  providers: [DashboardsRepository],
  exports: [DashboardsRepository],
})
export class DashboardsModule {}
