import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { JetStreamDocumentStore } from '@satupintu/messaging';
import type { GatewayConfig } from '../config';
import { DOCUMENT_STORE, DocumentsController } from './documents.controller';

/** Uploads and downloads: the bytes stream between the client and the object store (ADR 0014). */
@Module({})
export class DocumentsModule implements OnApplicationShutdown {
  constructor(@Inject(DOCUMENT_STORE) private readonly store: JetStreamDocumentStore) {}

  static forRoot(config: Pick<GatewayConfig, 'NATS_URL' | 'SP_NAMESPACE'>): DynamicModule {
    return {
      module: DocumentsModule,
      controllers: [DocumentsController],
      providers: [
        {
          provide: DOCUMENT_STORE,
          // Connects on first use: the OpenAPI build makes this module without NATS.
          useFactory: () =>
            new JetStreamDocumentStore({
              natsUrl: config.NATS_URL,
              namespace: config.SP_NAMESPACE,
              connectionName: 'gateway-documents',
            }),
        },
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
