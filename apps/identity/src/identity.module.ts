import { type DynamicModule, Module } from '@nestjs/common';
import { databaseName } from '@satupintu/persistence';
import { serviceInfrastructure } from '@satupintu/platform';
import type { IdentityConfig } from './config';
import { IDENTITY_MIGRATIONS } from './migrations';
import { SessionsModule } from './sessions/sessions.module';

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
        SessionsModule.forRoot({
          issuer: config.PUBLIC_URL,
          keyEncryptionKey: config.IDENTITY_KEY_ENCRYPTION_KEY,
        }),
      ],
    };
  }
}
