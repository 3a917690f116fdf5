import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  API_CLIENT_KINDS,
  type ApiClientCreatedV1,
  type ApiClientKind,
  type ApiClientV1,
  type ClientSecretRotatedV1,
} from '@satupintu/contracts';
import { AGENCY_CODE } from '../openapi/formats';
import { CLIENT_ID } from './account-formats';

const SECRET = {
  type: String,
  description: 'Shown this once: SatuPintu keeps only its hash. Store it in a secret manager.',
  maxLength: 64,
  example: 'sps_Hx3V0c9Q2rJmYbT8kP1sLwZ4nE7aFgU6dC5iRoXyMqA',
};

export class ApiClientResponse {
  @ApiProperty(CLIENT_ID)
  clientId: string;

  @ApiProperty({ maxLength: 200, example: 'SIMDUK Dukcapil' })
  name: string;

  @ApiProperty({ enum: API_CLIENT_KINDS, enumName: 'ApiClientKind', example: 'AGENCY_SYSTEM' })
  kind: ApiClientKind;

  @ApiPropertyOptional(AGENCY_CODE)
  agencyCode?: string;

  @ApiProperty({
    type: [String],
    maxItems: 16,
    items: { type: 'string', maxLength: 64 },
    example: ['agency:DUKCAPIL:work'],
  })
  scopes: string[];

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    maxLength: 30,
    description: 'When it was revoked',
  })
  revokedAt?: string;
}

export class ApiClientCreatedResponse {
  @ApiProperty({ type: ApiClientResponse })
  client: ApiClientResponse;

  @ApiProperty(SECRET)
  secret: string;
}

export class SecretRotatedResponse {
  @ApiProperty(CLIENT_ID)
  clientId: string;

  @ApiProperty(SECRET)
  secret: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    maxLength: 30,
    description: 'Until then the previous secrets still work; switch before',
    example: '2026-12-03T03:04:05.678Z',
  })
  previousSecretsExpireAt: string;
}

export const toApiClientResponse = (client: ApiClientV1): ApiClientResponse => ({
  clientId: client.clientId,
  name: client.name,
  kind: client.kind,
  ...(client.agencyCode ? { agencyCode: client.agencyCode } : {}),
  scopes: client.scopes,
  ...(client.revokedAt ? { revokedAt: client.revokedAt } : {}),
});

export const toApiClientCreatedResponse = (
  created: ApiClientCreatedV1,
): ApiClientCreatedResponse => ({
  client: toApiClientResponse(created.client),
  secret: created.secret,
});

export const toSecretRotatedResponse = (rotated: ClientSecretRotatedV1): SecretRotatedResponse => ({
  clientId: rotated.clientId,
  secret: rotated.secret,
  previousSecretsExpireAt: rotated.previousSecretsExpireAt,
});

export const CLIENT_EXAMPLE: ApiClientResponse = {
  clientId: 'dukcapil-simduk',
  name: 'SIMDUK Dukcapil',
  kind: 'AGENCY_SYSTEM',
  agencyCode: 'DUKCAPIL',
  scopes: ['agency:DUKCAPIL:work'],
};
