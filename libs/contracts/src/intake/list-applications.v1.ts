import { PageLimitV1, PageCursorV1 } from '../paging';
import type { Channel } from '../channels';
import { defineRequest } from '../contract';

/**
 * The caller's own applications, newest first, a page at a time: an applicant's, or those an
 * API client submitted. Whose they are comes from the caller, never from the payload.
 */
export class ListApplicationsV1 {
  @PageLimitV1()
  limit: number;

  /** Opaque: the `nextCursor` of the previous page. */
  @PageCursorV1()
  cursor?: string;
}

export interface ApplicationSummaryV1 {
  applicationId: string;
  trackingNo: string;
  serviceCode: string;
  agencyCode: string;
  channel: Channel;
  /** ISO 8601 in the agency's time zone. */
  submittedAt: string;
}

export interface ApplicationsPageV1 {
  items: ApplicationSummaryV1[];
  nextCursor?: string;
}

export const ListApplications = defineRequest<ListApplicationsV1, ApplicationsPageV1>({
  subject: 'intake.application.list.v1',
  service: 'intake',
  payload: ListApplicationsV1,
});
