import { IsDefined, IsString, Matches } from 'class-validator';
import { defineRequest } from '../contract';
import type { ApiClientV1 } from './create-api-client.v1';

/** Ends a client at once: every secret of it stops working. Revoking twice changes nothing. */
export class RevokeApiClientV1 {
  @IsDefined()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/, { context: { code: 'client_id_format' } })
  clientId: string;
}

export const RevokeApiClient = defineRequest<RevokeApiClientV1, ApiClientV1>({
  subject: 'identity.api-client.revoke.v1',
  service: 'identity',
  payload: RevokeApiClientV1,
});
