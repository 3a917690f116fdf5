import { PageLimitV1, PageCursorV1 } from '../paging';
import { IsOptional, IsString, Matches } from 'class-validator';
import { defineRequest } from '../contract';
import type { OfficerV1 } from './create-officer.v1';

/**
 * Officers by username, a page at a time. A mall admin sees every officer (or one agency's);
 * an agency admin only their own agency's, whatever `agencyCode` says.
 */
export class ListOfficersV1 {
  @PageLimitV1()
  limit: number;

  @PageCursorV1()
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
