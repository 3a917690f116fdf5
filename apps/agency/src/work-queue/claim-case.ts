import { DomainError } from '@satupintu/common';
import type { CaseClaimV1, Principal } from '@satupintu/contracts';
import { rolesOfCaller, toZonedIso } from '@satupintu/domain';

/** A case as claiming sees it, locked for the transaction. */
export interface ClaimableCase {
  applicationId: string;
  trackingNo: string;
  timeZone: string;
  claimedBy: string | null;
  claimedUntil: Date | null;
}

export interface ClaimPorts {
  lockCase(trackingNo: string): Promise<ClaimableCase | undefined>;
  /** Sets (or, with null, clears) the case's claim. */
  setClaim(applicationId: string, claim: { by: string; until: Date } | null): Promise<void>;
  now(): Date;
}

/**
 * Who may claim: those who move the agency's cases (its verifiers, approvers and own system).
 * A principal without a subject cannot hold a claim: nobody could be named as its holder.
 */
function holderOf(principal: Principal, agencyCode: string, resource: string): string {
  if (principal.kind === 'anonymous')
    throw new DomainError('unauthenticated', 401, [], { resource });
  if (rolesOfCaller(principal, agencyCode).length === 0 || !principal.subject)
    throw new DomainError('forbidden', 403, [], { resource });
  return principal.subject;
}

async function lockedCase(ports: ClaimPorts, trackingNo: string): Promise<ClaimableCase> {
  const found = await ports.lockCase(trackingNo);
  if (!found) throw new DomainError('application_not_found', 404, [], { trackingNo });
  return found;
}

/** Held by someone else, and not lapsed: a 409 naming them and until when. */
function refuseIfHeldByAnother(found: ClaimableCase, holder: string, now: Date): void {
  if (!found.claimedBy || !found.claimedUntil || found.claimedBy === holder) return;
  if (found.claimedUntil.getTime() <= now.getTime()) return;
  throw new DomainError('case_claimed', 409, [], {
    trackingNo: found.trackingNo,
    holder: found.claimedBy,
    until: toZonedIso(found.claimedUntil, found.timeZone),
  });
}

/**
 * Claims a case for the caller for `minutes` from now: a case nobody holds, or whose claim
 * lapsed, or the caller's own (which extends it).
 */
export async function claimCase(
  agencyCode: string,
  principal: Principal,
  trackingNo: string,
  minutes: number,
  ports: ClaimPorts,
): Promise<CaseClaimV1> {
  const holder = holderOf(principal, agencyCode, `cases of ${agencyCode}`);
  const found = await lockedCase(ports, trackingNo);
  const now = ports.now();
  refuseIfHeldByAnother(found, holder, now);
  const until = new Date(now.getTime() + minutes * 60_000);
  await ports.setClaim(found.applicationId, { by: holder, until });
  return {
    agencyCode,
    applicationId: found.applicationId,
    trackingNo: found.trackingNo,
    claimedBy: holder,
    claimedUntil: toZonedIso(until, found.timeZone),
  };
}

/** Lets the caller's claim go; one held by another is theirs to let go (409 naming them). */
export async function releaseCase(
  agencyCode: string,
  principal: Principal,
  trackingNo: string,
  ports: ClaimPorts,
): Promise<{ released: true }> {
  const holder = holderOf(principal, agencyCode, `cases of ${agencyCode}`);
  const found = await lockedCase(ports, trackingNo);
  refuseIfHeldByAnother(found, holder, ports.now());
  if (found.claimedBy !== null) await ports.setClaim(found.applicationId, null);
  return { released: true };
}
