import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ROLES,
  type CreateOfficerV1,
  type ListOfficersV1,
  type Role,
  type UpdateOfficerV1,
} from '@satupintu/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { AGENCY_CODE } from '../openapi/formats';
import { NAME, PASSWORD, USERNAME } from './account-formats';

export const OFFICER_LIMITS = { pageSize: 100, defaultPageSize: 20, cursor: 200 } as const;

const ROLE_LIST = {
  enum: ROLES,
  enumName: 'Role',
  isArray: true,
  minItems: 1,
  maxItems: ROLES.length,
  example: ['VERIFIER'],
};

export class CreateOfficerRequest {
  @ApiProperty({ ...USERNAME, description: 'What the officer signs in with' })
  @IsDefined()
  @IsString()
  @Matches(/^[a-z0-9._-]{3,64}$/, { context: { code: 'username_format' } })
  username: string;

  @ApiProperty({ ...NAME, example: 'Budi Santoso' })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({
    ...AGENCY_CODE,
    description: "The officer's agency: needed for agency roles, absent for the mall's own people",
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z0-9-]{2,32}$/, { context: { code: 'agency_code_format' } })
  agencyCode?: string;

  @ApiProperty({
    ...ROLE_LIST,
    description:
      'FRONT_DESK, VERIFIER, APPROVER, AGENCY_ADMIN (of an agency); MALL_ADMIN, SURVEY_ANALYST (the mall)',
  })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles: Role[];

  @ApiProperty({
    ...PASSWORD,
    description: 'The first password; the officer changes it after signing in',
  })
  @IsDefined()
  @IsString()
  @MaxLength(1024)
  password: string;
}

export const toCreateOfficerV1 = (body: CreateOfficerRequest): CreateOfficerV1 => ({
  username: body.username,
  name: body.name,
  ...(body.agencyCode !== undefined ? { agencyCode: body.agencyCode } : {}),
  roles: [...body.roles],
  password: body.password,
});

export class UpdateOfficerRequest {
  @ApiPropertyOptional({ ...NAME, example: 'Budi Santoso' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional(ROLE_LIST)
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional({ description: 'false: the officer may no longer sign in', example: false })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export const toUpdateOfficerV1 = (
  officerId: string,
  body: UpdateOfficerRequest,
): UpdateOfficerV1 => ({
  officerId,
  ...(body.name !== undefined ? { name: body.name } : {}),
  ...(body.roles !== undefined ? { roles: [...body.roles] } : {}),
  ...(body.active !== undefined ? { active: body.active } : {}),
});

export class ListOfficersRequest {
  @ApiPropertyOptional({
    description: 'Officers per page',
    minimum: 1,
    maximum: OFFICER_LIMITS.pageSize,
    default: OFFICER_LIMITS.defaultPageSize,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(OFFICER_LIMITS.pageSize)
  limit?: number;

  @ApiPropertyOptional({
    description: 'The `nextCursor` of the previous page, as it was given',
    maxLength: OFFICER_LIMITS.cursor,
    pattern: `^[A-Za-z0-9_-]{1,${OFFICER_LIMITS.cursor}}$`,
  })
  @IsOptional()
  @IsString()
  @Matches(new RegExp(`^[A-Za-z0-9_-]{1,${OFFICER_LIMITS.cursor}}$`))
  cursor?: string;

  @ApiPropertyOptional({
    ...AGENCY_CODE,
    description: "Only this agency's (mall admins; an agency admin always gets their own)",
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z0-9-]{2,32}$/, { context: { code: 'agency_code_format' } })
  agencyCode?: string;
}

export const toListOfficersV1 = (query: ListOfficersRequest): ListOfficersV1 => ({
  limit: query.limit ?? OFFICER_LIMITS.defaultPageSize,
  ...(query.cursor ? { cursor: query.cursor } : {}),
  ...(query.agencyCode ? { agencyCode: query.agencyCode } : {}),
});
