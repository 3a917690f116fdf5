import { Module } from '@nestjs/common';
import { CounterSessionsHandlers } from './counter-sessions.handlers';
import { CounterSessionsRepository } from './counter-sessions.repository';
import { CounterSessionsService } from './counter-sessions.service';
import { SessionClosing } from './session-closing';

/**
 * Officers' counter sessions, and calling tickets to their counters (ADR 0036); the sessions
 * left open closed at the end of the mall's day (ADR 0038).
 */
@Module({
  controllers: [CounterSessionsHandlers],
  providers: [CounterSessionsRepository, CounterSessionsService, SessionClosing],
})
export class CounterSessionsModule {}
