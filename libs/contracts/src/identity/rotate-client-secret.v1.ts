import { IsDefined, IsString, Matches } from 'class-validator';
import { defineRequest } from '../contract';

/** A new secret for a client; the ones it had keep working until `previousSecretsExpireAt`. */
export class RotateClientSecretV1 {
  @IsDefined()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/, { context: { code: 'client_id_format' } })
  clientId: string;
}

export interface ClientSecretRotatedV1 {
  clientId: string;
  /** Shown once. */
  secret: string;
  previousSecretsExpireAt: string;
}

export const RotateClientSecret = defineRequest<RotateClientSecretV1, ClientSecretRotatedV1>({
  subject: 'identity.api-client-secret.rotate.v1',
  service: 'identity',
  payload: RotateClientSecretV1,
});
