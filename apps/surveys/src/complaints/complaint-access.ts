import { DomainError } from '@satupintu/common';
import type { Principal } from '@satupintu/contracts';
import { agencyCaseAccess } from '@satupintu/domain';
import { createHash, timingSafeEqual } from 'node:crypto';

/** What the access rules need of a complaint. */
export interface ComplaintParties {
  complaintNo: string;
  agencyCode: string;
  /** The signed-in applicant who submitted it; null when anonymous. */
  reporterId: string | null;
  followSecretSha256: Buffer;
  /** SUBMITTED: the mall has not verified and routed it yet; the agency does not see it. */
  status: string;
}

const isMallAdmin = (p: Principal) => p.kind === 'officer' && p.roles.includes('MALL_ADMIN');
const AGENCY_OFFICERS = new Set(['FRONT_DESK', 'VERIFIER', 'APPROVER', 'AGENCY_ADMIN']);
const AGENCY_ADMINS = new Set(['AGENCY_ADMIN']);

export const followSecretDigest = (secret: string): Buffer =>
  createHash('sha256').update(secret, 'utf8').digest();

/** Constant time: a wrong secret costs what a right one does. */
export function holdsFollowSecret(
  complaint: ComplaintParties,
  secret: string | undefined,
): boolean {
  return (
    secret !== undefined &&
    timingSafeEqual(followSecretDigest(secret), complaint.followSecretSha256)
  );
}

export const isReporter = (principal: Principal, complaint: ComplaintParties): boolean =>
  principal.kind === 'applicant' &&
  complaint.reporterId !== null &&
  principal.subject === complaint.reporterId;

/**
 * Officers of the owning agency (any officer role), once the mall has routed the complaint to
 * them: not an API client, not a mall admin.
 */
const isOwningOfficer = (principal: Principal, complaint: ComplaintParties): boolean =>
  complaint.status !== 'SUBMITTED' &&
  principal.kind === 'officer' &&
  principal.agency === complaint.agencyCode &&
  principal.roles.some((role) => AGENCY_OFFICERS.has(role));

const notFound = (complaintNo: string) =>
  new DomainError('complaint_not_found', 404, [], { complaintNo });

/** Submitted by anyone (no token) or a signed-in applicant; officers and API clients do not. */
export function requireReporterKind(principal: Principal): void {
  if (principal.kind === 'anonymous' || principal.kind === 'applicant') return;
  throw new DomainError('forbidden', 403, [], { resource: 'complaints' });
}

/**
 * Who reads a complaint by its number alone (signed in): its reporter, the mall's admins, the
 * owning agency's officers. Anyone else is told it does not exist, whether it does or not.
 */
export function requireComplaintReader(principal: Principal, complaint: ComplaintParties): void {
  if (
    isReporter(principal, complaint) ||
    isMallAdmin(principal) ||
    isOwningOfficer(principal, complaint)
  )
    return;
  throw notFound(complaint.complaintNo);
}

/**
 * ROUTE: the mall's admins (they verify and route). ANSWER: the owning agency's officers.
 * DISPUTE: the reporter, signed in or by the follow secret. A caller who may not even read it
 * is told it does not exist; one who may read it but not act is refused.
 */
export function requireComplaintActor(
  principal: Principal,
  complaint: ComplaintParties,
  action: 'ROUTE' | 'ANSWER' | 'DISPUTE',
  followSecret: string | undefined,
): void {
  const byReporter = isReporter(principal, complaint) || holdsFollowSecret(complaint, followSecret);
  const allowed =
    action === 'ROUTE'
      ? isMallAdmin(principal)
      : action === 'ANSWER'
        ? isOwningOfficer(principal, complaint)
        : byReporter;
  if (allowed) return;
  if (byReporter || isMallAdmin(principal) || isOwningOfficer(principal, complaint))
    throw new DomainError('forbidden', 403, [], { resource: `complaint ${complaint.complaintNo}` });
  throw notFound(complaint.complaintNo);
}

/** An agency's complaints: its officers and mall admins; every agency's: mall admins. */
export function requireComplaintLister(principal: Principal, agencyCode: string | undefined): void {
  decide(principal, agencyCode, AGENCY_OFFICERS, 'complaints');
}

/**
 * Escalations and handling figures: an agency's, its admins and mall admins; every agency's, mall
 * admins (mall management).
 */
export function requireComplaintOverseer(
  principal: Principal,
  agencyCode: string | undefined,
  resource: string,
): void {
  decide(principal, agencyCode, AGENCY_ADMINS, resource);
}

function decide(
  principal: Principal,
  agencyCode: string | undefined,
  roles: ReadonlySet<string>,
  resource: string,
): void {
  const access =
    principal.kind === 'client'
      ? 'forbidden'
      : agencyCode !== undefined
        ? agencyCaseAccess(principal, agencyCode, roles)
        : principal.kind === 'anonymous'
          ? 'unauthenticated'
          : isMallAdmin(principal)
            ? 'allowed'
            : 'forbidden';
  if (access === 'allowed') return;
  throw new DomainError(access, access === 'unauthenticated' ? 401 : 403, [], {
    resource: agencyCode ? `${resource} of ${agencyCode}` : resource,
  });
}
