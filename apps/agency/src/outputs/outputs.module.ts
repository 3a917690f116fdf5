import { type DynamicModule, Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import {
  INSECURE_DEVELOPMENT_KEY_ENCRYPTION_KEY,
  LOGGER,
  keyEncryptionKeyFrom,
  type AppLogger,
} from '@satupintu/common';
import { JetStreamDocumentStore } from '@satupintu/messaging';
import { OUTPUT_DOCUMENT_STORE, OutputDeliveries } from './output-deliveries';
import {
  OUTPUT_KEY_ENCRYPTION_KEY,
  OUTPUT_KEY_ENCRYPTION_KEY_VARIABLE,
  OutputSigningKeys,
} from './output-signing-keys';
import { OUTPUTS_OPTIONS, Outputs, type OutputsOptions } from './outputs';
import { OutputsHandlers } from './outputs.handlers';

const KEY_ENCRYPTION_KEY_IS_PUBLIC = Symbol('KEY_ENCRYPTION_KEY_IS_PUBLIC');

@Injectable()
class PublicKeyWarning implements OnModuleInit {
  constructor(
    @Inject(KEY_ENCRYPTION_KEY_IS_PUBLIC) private readonly insecure: boolean,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  onModuleInit(): void {
    if (this.insecure) {
      this.logger.warn(
        `the output signing key is sealed with the public development key: set ${OUTPUT_KEY_ENCRYPTION_KEY_VARIABLE} (and NODE_ENV=production) in any deployment`,
      );
    }
  }
}

/**
 * Issued outputs: numbering, the PDF, the agency's signature, their delivery to the mall as
 * documents, verification, revocation.
 */
@Module({})
export class OutputsModule {
  static forRoot(
    options: OutputsOptions & { keyEncryptionKey: string; natsUrl: string; namespace: string },
  ): DynamicModule {
    const { keyEncryptionKey, natsUrl, namespace, ...outputs } = options;
    return {
      module: OutputsModule,
      controllers: [OutputsHandlers],
      // The workflow issues outputs when a case reaches ISSUED.
      global: true,
      providers: [
        { provide: OUTPUTS_OPTIONS, useValue: outputs },
        { provide: OUTPUT_KEY_ENCRYPTION_KEY, useValue: keyEncryptionKeyFrom(keyEncryptionKey) },
        {
          provide: KEY_ENCRYPTION_KEY_IS_PUBLIC,
          useValue: keyEncryptionKey === INSECURE_DEVELOPMENT_KEY_ENCRYPTION_KEY,
        },
        OutputSigningKeys,
        Outputs,
        PublicKeyWarning,
        {
          provide: OUTPUT_DOCUMENT_STORE,
          // Connects on first use: the first output delivered.
          useFactory: () =>
            new JetStreamDocumentStore({
              natsUrl,
              namespace,
              connectionName: `agency-${outputs.agencyCode.toLowerCase()}-outputs`,
            }),
        },
        OutputDeliveries,
      ],
      exports: [Outputs, OutputDeliveries],
    };
  }
}
