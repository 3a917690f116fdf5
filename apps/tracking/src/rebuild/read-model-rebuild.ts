import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, type AppLogger } from '@satupintu/common';
import { executorOf } from '@satupintu/persistence';
import { DataSource } from 'typeorm';
import type { CaseRules } from '../cases/case-view';
import { rebuildCaseViews, type RebuildDatabase } from './case-views-rebuild';

/** The rebuild inside tracking: at its start, when the read model is behind the code's fold. */
@Injectable()
export class ReadModelRebuild {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  /**
   * Rebuilds `case_views` if `read_model_version` is behind `CASE_VIEWS_VERSION`. Replicas that
   * start together wait for the one rebuilding, then find the version current.
   */
  async bringUpToDate(rules: CaseRules): Promise<void> {
    const summary = await rebuildCaseViews(this.database(), rules, {
      wait: true,
      onlyIfBehind: true,
    });
    if (summary) this.logger.info({ rebuild: summary }, 'case_views rebuilt from the history');
  }

  private database(): RebuildDatabase {
    return {
      pool: executorOf(this.dataSource),
      connection: async (work) => {
        const runner = this.dataSource.createQueryRunner();
        await runner.connect();
        try {
          return await work(executorOf(runner.manager));
        } finally {
          await runner.release();
        }
      },
    };
  }
}
