import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { API_CLIENT_KINDS, type ApiClientKind, type CreateApiClientV1 } from '@satupintu/contracts';
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
import { AGENCY_CODE } from '../openapi/formats';
import { CLIENT_ID } from './account-formats';

export class CreateApiClientRequest {
  @ApiProperty({
    ...CLIENT_ID,
    description: 'The public client id (HTTP Basic user name at the token endpoint)',
  })
  @IsDefined()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/, { context: { code: 'client_id_format' } })
  clientId: string;

  @ApiProperty({ type: String, minLength: 1, maxLength: 200, example: 'SIMDUK Dukcapil' })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: API_CLIENT_KINDS, enumName: 'ApiClientKind', example: 'AGENCY_SYSTEM' })
  @IsDefined()
  @IsIn(API_CLIENT_KINDS)
  kind: ApiClientKind;

  @ApiPropertyOptional({
    ...AGENCY_CODE,
    description: 'The agency an AGENCY_SYSTEM client belongs to',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z0-9-]{2,32}$/, { context: { code: 'agency_code_format' } })
  agencyCode?: string;

  @ApiProperty({
    type: [String],
    description:
      'AGENCY_SYSTEM: `agency:<its CODE>:work`, `applications:read`; KIOSK: `applications:submit`, ' +
      '`applications:read`, `surveys:kiosk`, `queue:kiosk`; PORTAL: `applications:submit`, `applications:read`',
    minItems: 1,
    maxItems: 16,
    items: { type: 'string', maxLength: 64 },
    example: ['agency:DUKCAPIL:work'],
  })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(16)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  scopes: string[];
}

export const toCreateApiClientV1 = (body: CreateApiClientRequest): CreateApiClientV1 => ({
  clientId: body.clientId,
  name: body.name,
  kind: body.kind,
  ...(body.agencyCode !== undefined ? { agencyCode: body.agencyCode } : {}),
  scopes: [...body.scopes],
});
