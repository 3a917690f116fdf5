import { type DynamicModule, Module } from '@nestjs/common';
import { KeysModule } from '../keys/keys.module';
import { CredentialsRepository } from './credentials.repository';
import { SessionPruning } from './session-pruning';
import { SessionsHandlers } from './sessions.handlers';
import { SessionsRepository } from './sessions.repository';
import { TOKEN_ISSUER, TokenIssuer } from './token-issuer';

/** Sign-in, client credentials, refresh, sign-out and password change: token issuance. */
@Module({})
export class SessionsModule {
  static forRoot(options: { issuer: string; keyEncryptionKey: string }): DynamicModule {
    return {
      module: SessionsModule,
      imports: [KeysModule.forRoot({ keyEncryptionKey: options.keyEncryptionKey })],
      controllers: [SessionsHandlers],
      providers: [
        { provide: TOKEN_ISSUER, useValue: options.issuer },
        CredentialsRepository,
        SessionsRepository,
        TokenIssuer,
        SessionPruning,
      ],
    };
  }
}
