import { Module } from '@nestjs/common';
import { DashboardsController } from './dashboards.controller';
import { FloorFiguresController } from './floor-figures.controller';

@Module({ controllers: [DashboardsController, FloorFiguresController] })
export class DashboardsModule {}
