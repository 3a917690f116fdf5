import { PageLimitV1, PageCursorV1 } from '../paging';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { Channel } from '../channels';
import { defineRequest } from '../contract';
import {
  SERVICE_CATEGORIES,
  type FeeV1,
  type LabelTextV1,
  type LongTextV1,
  type ServiceCategory,
  type ServiceStandardV1,
  type TimeLimitV1,
} from '../agency/service-standard-published.v1';

/** The longest text search: a few words. */
export const SERVICE_SEARCH_MAX_LENGTH = 100;

/**
 * The mall's catalog, a page at a time, ordered by service code: the active services of active
 * agencies, optionally those whose names or descriptions (in either language) hold every word
 * of `q`, of one agency, or of one category. Anyone may ask.
 */
export class ListServicesV1 {
  @IsOptional()
  @IsString()
  @MaxLength(SERVICE_SEARCH_MAX_LENGTH)
  q?: string;

  @IsOptional()
  @IsString()
  @Matches(/^[A-Z0-9-]{2,32}$/, { context: { code: 'agency_code_format' } })
  agency?: string;

  @IsOptional()
  @IsIn(SERVICE_CATEGORIES)
  category?: ServiceCategory;

  @PageLimitV1()
  limit: number;

  /** Opaque: the `nextCursor` of the previous page. */
  @PageCursorV1()
  cursor?: string;
}

/** What a list of services shows of each: enough to choose one; the rest is one GET away. */
export interface ServiceSummaryV1 {
  code: string;
  agencyCode: string;
  names: LabelTextV1;
  description: LongTextV1;
  categories: ServiceCategory[];
  timeLimit: TimeLimitV1;
  fee: FeeV1;
  channels: Channel[];
  version: number;
}

/** The summary a list shows of a published standard. */
export function serviceSummaryOf(standard: ServiceStandardV1): ServiceSummaryV1 {
  return {
    code: standard.code,
    agencyCode: standard.agencyCode,
    names: standard.names,
    description: standard.description,
    categories: standard.categories,
    timeLimit: standard.timeLimit,
    fee: standard.fee,
    channels: standard.channels,
    version: standard.version,
  };
}

export interface ServicesPageV1 {
  items: ServiceSummaryV1[];
  nextCursor?: string;
}

export const ListServices = defineRequest<ListServicesV1, ServicesPageV1>({
  subject: 'intake.service.list.v1',
  service: 'intake',
  payload: ListServicesV1,
});

/** One service of the catalog with its whole standard; unknown or withdrawn is a 404. */
export class GetServiceV1 {
  @IsString()
  @MaxLength(64)
  code: string;
}

export const GetService = defineRequest<GetServiceV1, ServiceStandardV1>({
  subject: 'intake.service.get.v1',
  service: 'intake',
  payload: GetServiceV1,
});
