import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type OfficerV1, type OfficersPageV1, type Role } from '@satupintu/contracts';
import { AGENCY_CODE } from '../openapi/formats';
import { USERNAME, UUID } from './account-formats';
import { OFFICER_LIMITS } from './officer.request';

export class OfficerResponse {
  @ApiProperty(UUID)
  officerId: string;

  @ApiProperty(USERNAME)
  username: string;

  @ApiProperty({ maxLength: 200, example: 'Budi Santoso' })
  name: string;

  @ApiPropertyOptional(AGENCY_CODE)
  agencyCode?: string;

  @ApiProperty({
    enum: ROLES,
    enumName: 'Role',
    isArray: true,
    maxItems: ROLES.length,
    example: ['VERIFIER'],
  })
  roles: Role[];

  @ApiProperty({ example: true })
  active: boolean;

  @ApiProperty({ minimum: 1, maximum: 2147483647, example: 1 })
  version: number;
}

export class OfficersPageResponse {
  @ApiProperty({ type: [OfficerResponse], maxItems: OFFICER_LIMITS.pageSize })
  items: OfficerResponse[];

  @ApiPropertyOptional({
    description: 'Present when there are more: pass it as `cursor` for the next page',
    maxLength: OFFICER_LIMITS.cursor,
    pattern: `^[A-Za-z0-9_-]{1,${OFFICER_LIMITS.cursor}}$`,
  })
  nextCursor?: string;
}

export const toOfficerResponse = (officer: OfficerV1): OfficerResponse => ({
  officerId: officer.officerId,
  username: officer.username,
  name: officer.name,
  ...(officer.agencyCode ? { agencyCode: officer.agencyCode } : {}),
  roles: officer.roles,
  active: officer.active,
  version: officer.version,
});

export const toOfficersPageResponse = (page: OfficersPageV1): OfficersPageResponse => ({
  items: page.items.slice(0, OFFICER_LIMITS.pageSize).map(toOfficerResponse),
  ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
});

export const OFFICER_EXAMPLE: OfficerResponse = {
  officerId: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
  username: 'dukcapil.verifier',
  name: 'Budi Santoso',
  agencyCode: 'DUKCAPIL',
  roles: ['VERIFIER'],
  active: true,
  version: 1,
};
