import { Module } from '@nestjs/common';
import { DeadlineAlertsController } from './deadline-alerts.controller';

@Module({ controllers: [DeadlineAlertsController] })
export class DeadlineAlertsModule {}
