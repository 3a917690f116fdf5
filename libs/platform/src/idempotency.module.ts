import { Global, Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { LOGGER, type AppLogger } from '@satupintu/common';
import { IdempotencyKeys, pruneIdempotencyKeys } from '@satupintu/messaging';
import { JobRunner } from '@satupintu/scheduling';
import { definePruneJob, pruneHourly } from './pruning';

/** Forgets `Idempotency-Key`s past their 24 hours (ADR 0017), on one instance at a time. */
export const PruneIdempotencyKeys = definePruneJob<Record<string, never>>('idempotency-keys.prune');

@Injectable()
class IdempotencyKeyPruning implements OnModuleInit {
  constructor(
    private readonly runner: JobRunner,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  onModuleInit(): void {
    pruneHourly(this.runner, this.logger, PruneIdempotencyKeys, {}, (tx) =>
      pruneIdempotencyKeys(tx),
    );
  }
}

/**
 * `Idempotency-Key`s for a service that creates on them: `IdempotencyKeys` to inject, and the
 * hourly job that forgets expired ones. The service's migrations must include
 * `CreateIdempotencyKeys1765000000000`.
 */
@Global()
@Module({ providers: [IdempotencyKeys, IdempotencyKeyPruning], exports: [IdempotencyKeys] })
export class IdempotencyModule {}
