import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { defineRequest } from '../contract';
import { AGENCY_TIME_ZONES, type AgencyTimeZone } from './agency-changed.v1';
import type { AgencyV1 } from './create-agency.v1';

/** A mall admin changes an agency: only the fields given change. */
export class UpdateAgencyV1 {
  @IsDefined()
  @IsString()
  @Matches(/^[A-Z0-9-]{2,32}$/, { context: { code: 'agency_code_format' } })
  code: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @IsOptional()
  @IsIn(AGENCY_TIME_ZONES)
  timeZone?: AgencyTimeZone;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export const UpdateAgency = defineRequest<UpdateAgencyV1, AgencyV1>({
  subject: 'identity.agency.update.v1',
  service: 'identity',
  payload: UpdateAgencyV1,
});
