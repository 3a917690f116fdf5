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
import { ROLES, type Role } from '../caller/principal';
import { defineRequest } from '../contract';

/** A mall admin (any agency) or an agency admin (their own) adds an officer. */
export class CreateOfficerV1 {
  @IsDefined()
  @IsString()
  @Matches(/^[a-z0-9._-]{3,64}$/, { context: { code: 'username_format' } })
  username: string;

  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  /** Required for agency roles; absent for the mall's own (MALL_ADMIN, SURVEY_ANALYST). */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z0-9-]{2,32}$/, { context: { code: 'agency_code_format' } })
  agencyCode?: string;

  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles: Role[];

  @IsDefined()
  @IsString()
  @MaxLength(1024)
  password: string;
}

export interface OfficerV1 {
  officerId: string;
  username: string;
  name: string;
  agencyCode?: string;
  roles: Role[];
  active: boolean;
  version: number;
}

export const CreateOfficer = defineRequest<CreateOfficerV1, OfficerV1>({
  subject: 'identity.officer.create.v1',
  service: 'identity',
  payload: CreateOfficerV1,
});
