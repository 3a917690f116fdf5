import { IsDefined, IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { defineRequest } from '../contract';
import { AGENCY_TIME_ZONES, type AgencyTimeZone } from './agency-changed.v1';

/** A mall admin adds an agency to the mall. */
export class CreateAgencyV1 {
  @IsDefined()
  @IsString()
  @Matches(/^[A-Z0-9-]{2,32}$/, { context: { code: 'agency_code_format' } })
  code: string;

  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @IsDefined()
  @IsIn(AGENCY_TIME_ZONES)
  timeZone: AgencyTimeZone;
}

export interface AgencyV1 {
  code: string;
  name: string;
  timeZone: AgencyTimeZone;
  active: boolean;
  version: number;
}

export const CreateAgency = defineRequest<CreateAgencyV1, AgencyV1>({
  subject: 'identity.agency.create.v1',
  service: 'identity',
  payload: CreateAgencyV1,
});
