import { type DynamicModule, Module } from '@nestjs/common';
import { keyEncryptionKeyFrom } from '@satupintu/common';
import { IdempotencySecrets } from './idempotency-secrets';

/** Identity's keys for the secrets of requests under an `Idempotency-Key`, for every feature. */
@Module({})
export class IdempotencySecretsModule {
  static forRoot(options: { keyEncryptionKey: string }): DynamicModule {
    return {
      module: IdempotencySecretsModule,
      global: true,
      providers: [
        {
          provide: IdempotencySecrets,
          useFactory: () => new IdempotencySecrets(keyEncryptionKeyFrom(options.keyEncryptionKey)),
        },
      ],
      exports: [IdempotencySecrets],
    };
  }
}
