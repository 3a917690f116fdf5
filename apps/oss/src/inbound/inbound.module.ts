import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { JetStreamDocumentStore } from '@satupintu/messaging';
import { BusinessSync } from './business-sync';
import { InboundHandlers } from './inbound.handlers';
import { InboundRepository } from './inbound.repository';
import { OSS_INBOUND_SETTINGS, type OssInboundSettings } from './oss-inbound.settings';
import { PermitOpening } from './permit-opening';
import { OSS_FILE_POLICY, OSS_FILE_STORE, SignedFiles } from './signed-files';

/** receiveNIB and receiveFileDS (issue 10): what OSS sends, recorded and turned into applications. */
@Module({})
export class InboundModule implements OnApplicationShutdown {
  constructor(@Inject(OSS_FILE_STORE) private readonly store: JetStreamDocumentStore) {}

  static forRoot(settings: OssInboundSettings): DynamicModule {
    return {
      module: InboundModule,
      controllers: [InboundHandlers],
      providers: [
        InboundRepository,
        PermitOpening,
        BusinessSync,
        SignedFiles,
        { provide: OSS_FILE_POLICY, useValue: settings.files },
        {
          provide: OSS_FILE_STORE,
          // Connects on first use: the first file OSS delivers.
          useFactory: () =>
            new JetStreamDocumentStore({
              natsUrl: settings.store.natsUrl,
              namespace: settings.store.namespace,
              connectionName: 'oss-files',
            }),
        },
        { provide: OSS_INBOUND_SETTINGS, useValue: settings },
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
