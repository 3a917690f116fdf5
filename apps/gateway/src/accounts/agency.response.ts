import { ApiProperty } from '@nestjs/swagger';
import { AGENCY_TIME_ZONES, type AgencyTimeZone, type AgencyV1 } from '@satupintu/contracts';
import { AGENCY_CODE } from '../openapi/formats';

export class AgencyResponse {
  @ApiProperty(AGENCY_CODE)
  code: string;

  @ApiProperty({ maxLength: 200, example: 'Dinas Kependudukan dan Pencatatan Sipil' })
  name: string;

  @ApiProperty({ enum: AGENCY_TIME_ZONES, enumName: 'AgencyTimeZone', example: 'Asia/Jakarta' })
  timeZone: AgencyTimeZone;

  @ApiProperty({ example: true })
  active: boolean;

  @ApiProperty({
    description: 'Grows with every change',
    minimum: 1,
    maximum: 2147483647,
    example: 1,
  })
  version: number;
}

export class AgenciesResponse {
  @ApiProperty({ type: [AgencyResponse], maxItems: 500 })
  items: AgencyResponse[];
}

export const toAgencyResponse = (agency: AgencyV1): AgencyResponse => ({
  code: agency.code,
  name: agency.name,
  timeZone: agency.timeZone,
  active: agency.active,
  version: agency.version,
});

export const AGENCY_EXAMPLE: AgencyResponse = {
  code: 'DUKCAPIL',
  name: 'Dinas Kependudukan dan Pencatatan Sipil',
  timeZone: 'Asia/Jakarta',
  active: true,
  version: 1,
};
