import { type DynamicModule, Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import {
  INSECURE_DEVELOPMENT_KEY_ENCRYPTION_KEY,
  LOGGER,
  keyEncryptionKeyFrom,
  type AppLogger,
} from '@satupintu/common';
import { JobRunner, defineJob } from '@satupintu/scheduling';
import { KeysHandlers } from './keys.handlers';
import { KEY_ENCRYPTION_KEY, SigningKeys } from './signing-keys';

/** Moves the signing keys along their states (next → active → retiring → retired). */
export const RotateSigningKeys = defineJob<Record<string, never>>({
  kind: 'signing-keys.rotate',
  maxAttempts: 5,
  backoff: { baseMs: 5_000, maxMs: 60_000 },
});

/** Often enough that each step happens within a minute of its time (the policy counts hours). */
export const SIGNING_KEYS_CHECK_INTERVAL_MS = 60_000;

const KEY_ENCRYPTION_KEY_IS_PUBLIC = Symbol('KEY_ENCRYPTION_KEY_IS_PUBLIC');

@Injectable()
class KeyRotation implements OnModuleInit {
  constructor(
    private readonly runner: JobRunner,
    private readonly keys: SigningKeys,
    @Inject(KEY_ENCRYPTION_KEY_IS_PUBLIC) private readonly insecure: boolean,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  onModuleInit(): void {
    if (this.insecure) {
      this.logger.warn(
        'signing keys are sealed with the public development key: set IDENTITY_KEY_ENCRYPTION_KEY (and NODE_ENV=production) in any deployment',
      );
    }
    this.runner.register(RotateSigningKeys, async (_payload, tx) => {
      await this.keys.rotate(tx);
    });
    this.runner.every(RotateSigningKeys, SIGNING_KEYS_CHECK_INTERVAL_MS, {});
  }
}

@Module({})
export class KeysModule {
  static forRoot(options: { keyEncryptionKey: string }): DynamicModule {
    return {
      module: KeysModule,
      controllers: [KeysHandlers],
      providers: [
        { provide: KEY_ENCRYPTION_KEY, useValue: keyEncryptionKeyFrom(options.keyEncryptionKey) },
        {
          provide: KEY_ENCRYPTION_KEY_IS_PUBLIC,
          useValue: options.keyEncryptionKey === INSECURE_DEVELOPMENT_KEY_ENCRYPTION_KEY,
        },
        SigningKeys,
        KeyRotation,
      ],
      exports: [SigningKeys],
    };
  }
}
