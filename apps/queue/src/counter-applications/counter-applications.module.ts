import { Module } from '@nestjs/common';
import { CounterApplicationsConsumers } from './counter-applications.consumers';
import { CounterApplicationsHandlers } from './counter-applications.handlers';
import { CounterApplicationsRepository } from './counter-applications.repository';

/** Applications submitted at the counter for the ticket being served (ADR 0037). */
@Module({
  controllers: [CounterApplicationsHandlers],
  providers: [CounterApplicationsRepository, CounterApplicationsConsumers],
})
export class CounterApplicationsModule {}
