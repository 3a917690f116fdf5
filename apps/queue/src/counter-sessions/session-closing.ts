import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { LOGGER, type AppLogger } from '@satupintu/common';
import { localDateOf, startOfLocalDay } from '@satupintu/domain';
import { failpoint, type Transaction } from '@satupintu/messaging';
import { JobRunner, defineJob } from '@satupintu/scheduling';
import { QUEUE_SETTINGS, type QueueSettings } from '../queue.settings';
import { CounterSessionsRepository } from './counter-sessions.repository';
import { CounterSessionsService } from './counter-sessions.service';

/** Closes the counter sessions left open past the end of the mall's day (ADR 0038). */
export const CloseSessionsAtEndOfDay = defineJob<Record<string, never>>({
  kind: 'queue.sessions.close',
  maxAttempts: 10,
  backoff: { baseMs: 5_000, maxMs: 5 * 60_000 },
});

/** Sessions closed per run (one transaction); a mall has tens of counters, so one run is all. */
const BATCH = 200;

/**
 * Every `sessionSweepMs`, on one queue replica at a time (a recurring job), closes each session
 * opened before the mall's day now began, in the mall's time zone: a session is a day's work at
 * a counter, and its tickets are of that day, which no counter calls once it is over. It runs
 * at midnight, not at the doors' closing hour, so an officer finishing the day's last visitors
 * is never cut off; every day, working or not, since a session opened on a Saturday is left
 * open as surely. The closes, the no-shows of their called tickets, the floor's events and the
 * job's next run commit together: a restart loses nothing (the job is in the database) and
 * repeats nothing (a closed session is not open any more).
 */
@Injectable()
export class SessionClosing implements OnModuleInit {
  constructor(
    private readonly runner: JobRunner,
    private readonly sessions: CounterSessionsService,
    @Inject(QUEUE_SETTINGS) private readonly settings: QueueSettings,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  onModuleInit(): void {
    this.runner.register(CloseSessionsAtEndOfDay, (_payload, tx) => this.close(tx));
    this.runner.every(CloseSessionsAtEndOfDay, this.settings.sessionSweepMs, {});
  }

  async close(tx: Transaction): Promise<void> {
    const now = new Date();
    const zone = this.settings.timeZone;
    const dayStart = startOfLocalDay(localDateOf(now, zone), zone);
    const left = await CounterSessionsRepository.openBefore(tx, dayStart, BATCH);
    if (left.length === 0) return;
    let noShows = 0;
    for (const session of left)
      if (await this.sessions.closeAtEndOfDay(tx, session, now)) noShows += 1;
    failpoint('queue-sessions-close-before-commit');
    this.logger.info({ closed: left.length, noShows }, "counter sessions closed at the day's end");
  }
}
