import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { FormBodyParser } from './form-body';
import { JwksController } from './jwks.controller';
import { OAuthController } from './oauth.controller';

/** Signing in and out, the OAuth token endpoint and the public keys: identity answers them. */
@Module({
  controllers: [AuthController, OAuthController, JwksController],
  providers: [FormBodyParser],
})
export class SessionsModule {}
