import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { LOGGER, type AppLogger } from '@satupintu/common';
import type { DocumentStore } from '@satupintu/messaging';
import { JobRunner, defineJob } from '@satupintu/scheduling';
import { unregisteredObjects } from './abandoned-documents';
import { DocumentsRepository } from './documents.repository';

export const DOCUMENT_STORE = Symbol('DOCUMENT_STORE');
export const DOCUMENT_SWEEP_OPTIONS = Symbol('DOCUMENT_SWEEP_OPTIONS');

export interface DocumentSweepOptions {
  intervalMs: number;
  /** A document unattached this long, or an object unregistered this long, is abandoned. */
  abandonedAfterSeconds: number;
}

/** Forgets abandoned uploads: their registry rows and their bytes. */
export const SweepDocuments = defineJob<{ abandonedAfterSeconds: number }>({
  kind: 'documents.sweep',
  maxAttempts: 10,
  backoff: { baseMs: 60_000, maxMs: 30 * 60_000 },
});

/** Documents removed per run; a larger backlog is taken by the next runs. */
const SWEEP_BATCH = 500;

/**
 * "An upload that fails or is abandoned leaves nothing behind": the gateway deletes what a
 * failed upload stored, and this recurring job removes the rest, on one intake at a time. A
 * document never attached to an application is removed, row and bytes, after
 * `abandonedAfterSeconds`; so is an object the registry never heard of (its gateway died
 * between storing and registering), and the chunks of a write its gateway died in the middle of.
 */
@Injectable()
export class DocumentSweeper implements OnModuleInit {
  constructor(
    private readonly runner: JobRunner,
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
    @Inject(DOCUMENT_SWEEP_OPTIONS) private readonly options: DocumentSweepOptions,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  onModuleInit(): void {
    this.runner.register(SweepDocuments, async ({ abandonedAfterSeconds }, tx) => {
      const cutoff = new Date(Date.now() - abandonedAfterSeconds * 1000);
      // Rows go first, in this transaction: if removing bytes fails, the rows come back and the
      // next run tries again; a row never outlives its bytes unnoticed.
      const abandoned = await DocumentsRepository.takeAbandoned(tx, cutoff, SWEEP_BATCH);
      for (const name of abandoned) await this.store.remove(name);
      const objects = await this.store.list();
      const registered = await DocumentsRepository.registered(
        tx,
        objects.map((object) => object.name),
      );
      const orphans = unregisteredObjects(objects, registered, cutoff);
      for (const object of orphans) await this.store.remove(object.name);
      const unfinished = await this.store.removeUnfinished(cutoff);
      if (abandoned.length + orphans.length + unfinished > 0)
        this.logger.info(
          {
            documents: abandoned.length,
            unregisteredObjects: orphans.length,
            unfinishedWrites: unfinished,
          },
          'abandoned uploads removed',
        );
    });
    this.runner.every(SweepDocuments, this.options.intervalMs, {
      abandonedAfterSeconds: this.options.abandonedAfterSeconds,
    });
  }
}
