import { Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { LOGGER, type AppLogger } from '@satupintu/common';
import { INBOX_RETENTION_DAYS, pruneInbox } from '@satupintu/messaging';
import { JobRunner, defineJob } from '@satupintu/scheduling';

/** Forgets inbox rows past their retention (ADR 0002), hourly, on one instance at a time. */
export const PruneInbox = defineJob<{ retentionDays: number }>({
  kind: 'inbox.prune',
  maxAttempts: 5,
  backoff: { baseMs: 60_000, maxMs: 15 * 60_000 },
});

export const INBOX_PRUNE_INTERVAL_MS = 60 * 60 * 1000;

@Injectable()
class InboxPruning implements OnModuleInit {
  constructor(
    private readonly runner: JobRunner,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  onModuleInit(): void {
    this.runner.register(PruneInbox, async ({ retentionDays }, tx) => {
      const deleted = await pruneInbox(tx, retentionDays);
      if (deleted > 0) this.logger.info({ deleted, retentionDays }, 'inbox pruned');
    });
    this.runner.every(PruneInbox, INBOX_PRUNE_INTERVAL_MS, {
      retentionDays: INBOX_RETENTION_DAYS,
    });
  }
}

@Module({ providers: [InboxPruning] })
export class InboxPruningModule {}
