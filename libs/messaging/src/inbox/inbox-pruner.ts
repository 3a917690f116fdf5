import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { LOGGER, type AppLogger } from '@satupintu/common';
import { DataSource } from 'typeorm';

/**
 * The inbox only has to remember a message as long as it could come back: a redelivery or a
 * relay's re-publish arrives within minutes. Thirty days is a wide margin; older rows go, so the
 * table does not grow with every event ever handled.
 */
export const INBOX_RETENTION_DAYS = 30;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

@Injectable()
export class InboxPruner implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.prune().catch((error: unknown) =>
        this.logger.warn({ err: error }, 'inbox prune failed'),
      );
    }, PRUNE_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Deletes inbox rows older than the retention; answers how many went. */
  async prune(retentionDays = INBOX_RETENTION_DAYS): Promise<number> {
    const result = await this.dataSource.query<[unknown[], number]>(
      'DELETE FROM inbox WHERE processed_at < now() - make_interval(days => $1)',
      [retentionDays],
    );
    const deleted = result[1];
    if (deleted > 0) this.logger.info({ deleted, retentionDays }, 'inbox pruned');
    return deleted;
  }
}
