import { Global, Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { LOGGER, type AppLogger } from '@satupintu/common';
import { IdempotencyKeys, pruneIdempotencyKeys } from '@satupintu/messaging';
import { JobRunner, defineJob } from '@satupintu/scheduling';

/** Forgets `Idempotency-Key`s past their 24 hours (ADR 0013), on one instance at a time. */
export const PruneIdempotencyKeys = defineJob<Record<string, never>>({
  kind: 'idempotency-keys.prune',
  maxAttempts: 5,
  backoff: { baseMs: 60_000, maxMs: 15 * 60_000 },
});

export const IDEMPOTENCY_PRUNE_INTERVAL_MS = 60 * 60 * 1000;

@Injectable()
class IdempotencyKeyPruning implements OnModuleInit {
  constructor(
    private readonly runner: JobRunner,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  onModuleInit(): void {
    this.runner.register(PruneIdempotencyKeys, async (_payload, tx) => {
      const deleted = await pruneIdempotencyKeys(tx);
      if (deleted > 0) this.logger.info({ deleted }, 'idempotency keys pruned');
    });
    this.runner.every(PruneIdempotencyKeys, IDEMPOTENCY_PRUNE_INTERVAL_MS, {});
  }
}

/**
 * `Idempotency-Key`s for a service that creates on them: `IdempotencyKeys` to inject, and the
 * hourly job that forgets expired ones. The service's migrations must include
 * `CreateIdempotencyKeys1764600000000`.
 */
@Global()
@Module({ providers: [IdempotencyKeys, IdempotencyKeyPruning], exports: [IdempotencyKeys] })
export class IdempotencyModule {}
