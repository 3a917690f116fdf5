import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { ROLES, type Role } from '../caller/principal';
import { defineRequest } from '../contract';
import type { OfficerV1 } from './create-officer.v1';

/** Changes an officer's name, roles, or whether they may sign in; only the fields given. */
export class UpdateOfficerV1 {
  @IsDefined()
  @IsUUID()
  officerId: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export const UpdateOfficer = defineRequest<UpdateOfficerV1, OfficerV1>({
  subject: 'identity.officer.update.v1',
  service: 'identity',
  payload: UpdateOfficerV1,
});
