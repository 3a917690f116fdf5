import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ApplicationStatusChanged, type ApplicationStatusChangedV1 } from '@satupintu/contracts';
import { JetStreamDocumentStore, failpoint, type Transaction } from '@satupintu/messaging';
import type { Executor } from '@satupintu/persistence';
import { JobQueue, JobRunner, defineJob } from '@satupintu/scheduling';
import { randomUUID } from 'node:crypto';
import { deliveredChange, type OutputDelivery } from './deliver-output';
import { OutputsRepository } from './outputs.repository';

export const OUTPUT_DOCUMENT_STORE = Symbol('OUTPUT_DOCUMENT_STORE');

/**
 * Stores an issued output's PDF as a document and then publishes its ISSUED change. Retried
 * for about a day (the wait grows to ten minutes): the documents store may be away that long,
 * and a dead job leaves the case ISSUED here but not yet for anyone else.
 */
export const DeliverOutput = defineJob<OutputDelivery>({
  kind: 'outputs.deliver',
  maxAttempts: 150,
  backoff: { baseMs: 1000, maxMs: 10 * 60_000 },
});

/**
 * Delivers issued outputs to the mall (ADR 0021): the move to ISSUED commits with a durable job
 * instead of its event; the job writes the PDF into the documents store under the id the move
 * drew, then publishes the event naming it, in the job's own transaction. A crash before that
 * commits runs the job again, which writes the same bytes under the same name and publishes
 * once: the event and the job's end commit together. Intake registers the document as the
 * application's output when it follows the event.
 */
@Injectable()
export class OutputDeliveries implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly runner: JobRunner,
    private readonly queue: JobQueue,
    @Inject(OUTPUT_DOCUMENT_STORE) private readonly store: JetStreamDocumentStore,
  ) {}

  onModuleInit(): void {
    this.runner.register(DeliverOutput, (delivery, tx) => this.deliver(delivery, tx));
  }

  /** In the transaction that moves the case to ISSUED: its change waits for the PDF. */
  async defer(
    tx: Executor,
    change: ApplicationStatusChangedV1 & { output: { number: string } },
  ): Promise<void> {
    await this.queue.enqueue(tx, DeliverOutput, { change, documentId: randomUUID() });
  }

  private async deliver(delivery: OutputDelivery, tx: Transaction): Promise<void> {
    const pdf = await OutputsRepository.pdf(tx, delivery.change.output.number);
    if (!pdf) throw new Error(`output ${delivery.change.output.number} is not in the register`);
    await this.store.write(delivery.documentId, new Blob([new Uint8Array(pdf)]).stream());
    failpoint('output-stored-before-publish');
    tx.publish(ApplicationStatusChanged, deliveredChange(delivery, pdf));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
