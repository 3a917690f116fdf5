import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { defineRequest } from '../contract';
import type { OfficerV1 } from './create-officer.v1';

/**
 * Officers by username, a page at a time. A mall admin sees every officer (or one agency's);
 * an agency admin only their own agency's, whatever `agencyCode` says.
 */
export class ListOfficersV1 {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number;

  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/)
  cursor?: string;

  @IsOptional()
  @IsString()
  @Matches(/^[A-Z0-9-]{2,32}$/, { context: { code: 'agency_code_format' } })
  agencyCode?: string;
}

export interface OfficersPageV1 {
  items: OfficerV1[];
  nextCursor?: string;
}

export const ListOfficers = defineRequest<ListOfficersV1, OfficersPageV1>({
  subject: 'identity.officer.list.v1',
  service: 'identity',
  payload: ListOfficersV1,
});
