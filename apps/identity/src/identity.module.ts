import { type DynamicModule, Module } from '@nestjs/common';
import { databaseName } from '@satupintu/persistence';
import { serviceInfrastructure } from '@satupintu/platform';
import type { IdentityConfig } from './config';
import { KeysModule } from './keys/keys.module';
import { IDENTITY_MIGRATIONS } from './migrations';

/**
 * Applicants, officers, agencies, API clients and token issuance (JWT + JWKS) will live here.
 * For now it stands up its database and event plumbing so the platform is complete.
 */
@Module({})
export class IdentityModule {
  static forRoot(config: IdentityConfig): DynamicModule {
    return {
      module: IdentityModule,
      imports: [
        ...serviceInfrastructure({
          config,
          name: 'identity',
          database: databaseName(config.DB_PREFIX, 'identity'),
          migrations: IDENTITY_MIGRATIONS,
        }),
        KeysModule.forRoot({ keyEncryptionKey: config.IDENTITY_KEY_ENCRYPTION_KEY }),
      ],
    };
  }
}
