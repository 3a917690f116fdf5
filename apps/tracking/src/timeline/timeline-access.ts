import type { Principal } from '@satupintu/contracts';

/** What tracking knows of an application's owners (from its submission event). */
export interface ApplicationOwners {
  agencyCode: string;
  applicantId?: string | null;
  submittedByClient?: string | null;
}

/**
 * Who may read an application's timeline: its applicant; the owning agency's officers and its
 * system (scope `agency:<CODE>:work`); front-desk officers of any agency (they answer the call
 * center); mall administrators; and the API client that submitted it, with `applications:read`.
 * Anyone else is told the application does not exist, exactly as for an unknown number.
 */
export function mayReadTimeline(principal: Principal, owners: ApplicationOwners): boolean {
  switch (principal.kind) {
    case 'applicant':
      return !!owners.applicantId && principal.subject === owners.applicantId;
    case 'officer':
      return (
        principal.roles.includes('MALL_ADMIN') ||
        principal.roles.includes('FRONT_DESK') ||
        principal.agency === owners.agencyCode
      );
    case 'client':
      return (
        principal.scopes.includes(`agency:${owners.agencyCode}:work`) ||
        (principal.scopes.includes('applications:read') &&
          !!owners.submittedByClient &&
          principal.clientId === owners.submittedByClient)
      );
    case 'anonymous':
    case 'system':
      return false;
  }
}
