import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { defineRequest } from '../contract';

export const API_CLIENT_KINDS = ['AGENCY_SYSTEM', 'KIOSK', 'PORTAL'] as const;
export type ApiClientKind = (typeof API_CLIENT_KINDS)[number];

/**
 * A mall admin adds an API client (an agency admin: an AGENCY_SYSTEM client of their own
 * agency). `clientId` is public; the secret is made by identity and answered once.
 */
export class CreateApiClientV1 {
  @IsDefined()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/, { context: { code: 'client_id_format' } })
  clientId: string;

  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @IsDefined()
  @IsIn(API_CLIENT_KINDS)
  kind: ApiClientKind;

  @IsOptional()
  @IsString()
  @Matches(/^[A-Z0-9-]{2,32}$/, { context: { code: 'agency_code_format' } })
  agencyCode?: string;

  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(16)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  scopes: string[];
}

export interface ApiClientV1 {
  clientId: string;
  name: string;
  kind: ApiClientKind;
  agencyCode?: string;
  scopes: string[];
  revokedAt?: string;
}

export interface ApiClientCreatedV1 {
  client: ApiClientV1;
  /** Shown once: identity keeps only its argon2id hash. */
  secret: string;
}

export const CreateApiClient = defineRequest<CreateApiClientV1, ApiClientCreatedV1>({
  subject: 'identity.api-client.create.v1',
  service: 'identity',
  payload: CreateApiClientV1,
});
