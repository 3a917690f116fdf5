import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { KBLI_MAX_ITEMS, type BusinessV1, type MyBusinessesV1 } from '@satupintu/contracts';
import { AddressResponse, toAddressResponse } from './applicant.response';
import { UUID } from './account-formats';

const ROLE = { enum: ['OWNER', 'REPRESENTATIVE'], enumName: 'BusinessRole', example: 'OWNER' };

export class BusinessMemberResponse {
  @ApiProperty(UUID)
  applicantId: string;

  @ApiProperty(ROLE)
  role: 'OWNER' | 'REPRESENTATIVE';
}

export class BusinessResponse {
  @ApiProperty(UUID)
  businessId: string;

  @ApiProperty({ maxLength: 13, pattern: '^\\d{13}$', example: '9120000000001' })
  nib: string;

  @ApiProperty({ maxLength: 200, example: 'Warung Makan Sejahtera' })
  name: string;

  @ApiProperty({
    type: [String],
    maxItems: KBLI_MAX_ITEMS,
    items: { type: 'string', maxLength: 5 },
    example: ['56101'],
  })
  kbli: string[];

  @ApiProperty({ type: AddressResponse })
  address: AddressResponse;

  @ApiPropertyOptional({ maxLength: 16, example: '012345678901234' })
  npwp?: string;

  @ApiProperty({ ...ROLE, description: "The caller's role in it" })
  role: 'OWNER' | 'REPRESENTATIVE';

  @ApiProperty({ type: [BusinessMemberResponse], maxItems: 100 })
  members: BusinessMemberResponse[];

  @ApiProperty({ minimum: 1, maximum: 2147483647, example: 2 })
  version: number;
}

export class BusinessesResponse {
  @ApiProperty({ type: [BusinessResponse], maxItems: 100 })
  items: BusinessResponse[];
}

export const toBusinessResponse = (business: BusinessV1): BusinessResponse => ({
  businessId: business.businessId,
  nib: business.nib,
  name: business.name,
  kbli: business.kbli,
  address: toAddressResponse(business.address),
  ...(business.npwp ? { npwp: business.npwp } : {}),
  role: business.role,
  members: business.members.map(({ applicantId, role }) => ({ applicantId, role })),
  version: business.version,
});

export const toBusinessesResponse = (page: MyBusinessesV1): BusinessesResponse => ({
  items: page.items.slice(0, 100).map(toBusinessResponse),
});

export const BUSINESS_EXAMPLE: BusinessResponse = {
  businessId: '0f5d3c2e-8a41-4b7e-9c1d-2e6f7a8b9c0d',
  nib: '9120000000001',
  name: 'Warung Makan Sejahtera',
  kbli: ['56101'],
  address: { line: 'Jl. Raya Cibinong No. 5', districtCode: '32.01.01', postalCode: '16914' },
  npwp: '012345678901234',
  role: 'OWNER',
  members: [{ applicantId: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b', role: 'OWNER' }],
  version: 1,
};
