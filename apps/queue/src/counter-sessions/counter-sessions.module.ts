import { Module } from '@nestjs/common';
import { CounterSessionsHandlers } from './counter-sessions.handlers';
import { CounterSessionsRepository } from './counter-sessions.repository';
import { CounterSessionsService } from './counter-sessions.service';

/** Officers' counter sessions, and calling tickets to their counters (ADR 0036). */
@Module({
  controllers: [CounterSessionsHandlers],
  providers: [CounterSessionsRepository, CounterSessionsService],
})
export class CounterSessionsModule {}
