import { type DynamicModule, Module, type OnApplicationShutdown, Inject } from '@nestjs/common';
import { JetStreamDocumentStore } from '@satupintu/messaging';
import type { IntakeConfig } from '../config';
import {
  DOCUMENT_STORE,
  DOCUMENT_SWEEP_OPTIONS,
  DocumentSweeper,
  type DocumentSweepOptions,
} from './document-sweeper';
import { DocumentsHandlers } from './documents.handlers';
import { DocumentsRepository } from './documents.repository';

/** Intake's registry of uploaded documents (their bytes are in the object store, ADR 0014). */
@Module({})
export class DocumentsModule implements OnApplicationShutdown {
  constructor(@Inject(DOCUMENT_STORE) private readonly store: JetStreamDocumentStore) {}

  static forRoot(config: IntakeConfig): DynamicModule {
    const sweep: DocumentSweepOptions = {
      intervalMs: config.DOCUMENT_SWEEP_INTERVAL_SECONDS * 1000,
      abandonedAfterSeconds: config.DOCUMENT_ABANDONED_AFTER_SECONDS,
    };
    return {
      module: DocumentsModule,
      controllers: [DocumentsHandlers],
      providers: [
        DocumentsRepository,
        DocumentSweeper,
        { provide: DOCUMENT_SWEEP_OPTIONS, useValue: sweep },
        {
          provide: DOCUMENT_STORE,
          useFactory: () =>
            new JetStreamDocumentStore({
              natsUrl: config.NATS_URL,
              namespace: config.SP_NAMESPACE,
              connectionName: 'intake-documents',
            }),
        },
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
