import { DomainError } from '@satupintu/common';
import type {
  ApplicationsPageV1,
  Channel,
  ListApplicationsV1,
  Principal,
} from '@satupintu/contracts';
import { toZonedIso } from '@satupintu/domain';
import { decodeCursor, encodeCursor } from '@satupintu/persistence';

/** Whose applications to list, decided from the caller alone. */
export type ApplicationsOwner = { applicantId: string } | { clientId: string };

export interface ListedApplication {
  applicationId: string;
  trackingNo: string;
  serviceCode: string;
  agencyCode: string;
  agencyTimeZone: string;
  channel: Channel;
  submittedAt: Date;
}

export interface ListApplicationsPorts {
  /** Newest first, strictly before `before` (submitted_at, id) when given. */
  list(
    owner: ApplicationsOwner,
    before: { submittedAt: string; applicationId: string } | undefined,
    limit: number,
  ): Promise<ListedApplication[]>;
}

/**
 * An applicant sees their own applications; an API client with `applications:read` those it
 * submitted. Officers work from their agency's queue, not from this list.
 */
export function ownerOf(principal: Principal): ApplicationsOwner {
  if (principal.kind === 'applicant' && principal.subject)
    return { applicantId: principal.subject };
  if (
    principal.kind === 'client' &&
    principal.clientId &&
    principal.scopes.includes('applications:read')
  )
    return { clientId: principal.clientId };
  if (principal.kind === 'anonymous')
    throw new DomainError('unauthenticated', 401, [], { resource: 'applications' });
  throw new DomainError('forbidden', 403, [], { resource: 'applications' });
}

export async function listApplications(
  principal: Principal,
  request: ListApplicationsV1,
  ports: ListApplicationsPorts,
): Promise<ApplicationsPageV1> {
  const owner = ownerOf(principal);
  let before: { submittedAt: string; applicationId: string } | undefined;
  if (request.cursor) {
    const key = decodeCursor<[string, string]>(request.cursor, ['string', 'string']);
    if (!key) throw new DomainError('invalid_cursor', 400);
    before = { submittedAt: key[0], applicationId: key[1] };
  }
  const rows = await ports.list(owner, before, request.limit + 1);
  const page = rows.slice(0, request.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => ({
      applicationId: row.applicationId,
      trackingNo: row.trackingNo,
      serviceCode: row.serviceCode,
      agencyCode: row.agencyCode,
      channel: row.channel,
      submittedAt: toZonedIso(row.submittedAt, row.agencyTimeZone),
    })),
    ...(rows.length > request.limit && last
      ? { nextCursor: encodeCursor([last.submittedAt.toISOString(), last.applicationId]) }
      : {}),
  };
}
