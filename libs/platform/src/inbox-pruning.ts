import { Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { LOGGER, type AppLogger } from '@satupintu/common';
import { INBOX_RETENTION_DAYS, pruneInbox } from '@satupintu/messaging';
import { JobRunner } from '@satupintu/scheduling';
import { PRUNE_INTERVAL_MS, definePruneJob, pruneHourly } from './pruning';

/** Forgets inbox rows past their retention (ADR 0002), hourly, on one instance at a time. */
export const PruneInbox = definePruneJob<{ retentionDays: number }>('inbox.prune');

export const INBOX_PRUNE_INTERVAL_MS = PRUNE_INTERVAL_MS;

@Injectable()
class InboxPruning implements OnModuleInit {
  constructor(
    private readonly runner: JobRunner,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  onModuleInit(): void {
    pruneHourly(
      this.runner,
      this.logger,
      PruneInbox,
      { retentionDays: INBOX_RETENTION_DAYS },
      (tx, { retentionDays }) => pruneInbox(tx, retentionDays),
    );
  }
}

@Module({ providers: [InboxPruning] })
export class InboxPruningModule {}
