import { SetMetadata } from '@nestjs/common';
import type { Principal, Role } from '@satupintu/contracts';

/**
 * Who may call a route, stated on the route (`@Public()` or `@Callers({...})`). The gateway's
 * guard enforces it before anything is asked of a service; the service that owns the data then
 * decides on the particular record (an applicant's own application, an officer's own agency).
 */
export interface CallerRule {
  /** Any signed-in applicant. */
  applicant?: true;
  /** Any officer (`true`), or one holding at least one of these roles. */
  officer?: true | readonly Role[];
  /** Any API client (`true`), or one holding at least one of these scopes. */
  client?: true | readonly string[];
}

export type AccessRule = { public: true } | { public: false; callers: CallerRule };

export const ACCESS_RULE = Symbol('ACCESS_RULE');

/** Anyone, signed in or not. */
export const Public = () => SetMetadata(ACCESS_RULE, { public: true } satisfies AccessRule);

/** Only these kinds of caller; anyone else is refused (401 without a token, 403 with one). */
export const Callers = (callers: CallerRule) =>
  SetMetadata(ACCESS_RULE, { public: false, callers } satisfies AccessRule);

export type Decision = 'allowed' | 'unauthenticated' | 'forbidden';

/** The rule applied to a caller: pure, so it is tested once for every kind and role. */
export function decide(rule: AccessRule, principal: Principal): Decision {
  if (rule.public) return 'allowed';
  const { callers } = rule;
  switch (principal.kind) {
    case 'anonymous':
      return 'unauthenticated';
    case 'applicant':
      return callers.applicant ? 'allowed' : 'forbidden';
    case 'officer': {
      const wanted = callers.officer;
      if (!wanted) return 'forbidden';
      return wanted === true || principal.roles.some((role) => wanted.includes(role))
        ? 'allowed'
        : 'forbidden';
    }
    case 'client': {
      const wanted = callers.client;
      if (!wanted) return 'forbidden';
      return wanted === true || principal.scopes.some((scope) => wanted.includes(scope))
        ? 'allowed'
        : 'forbidden';
    }
    case 'system':
      return 'forbidden';
  }
}

export const AGENCY_PARAM = Symbol('AGENCY_PARAM');

/**
 * The route is about one agency, named by this path parameter: an officer must belong to it
 * (a mall admin to the mall, so to any agency of it), a client must hold `agency:<CODE>:work`.
 * The agency's own deployment decides again; the gateway only refuses the obvious early.
 */
export const OfAgency = (param: string) => SetMetadata(AGENCY_PARAM, param);

/** The agency part of a rule, for a caller `decide` has already let through. */
export function decideAgency(principal: Principal, agencyCode: string): Decision {
  switch (principal.kind) {
    case 'officer':
      return principal.roles.includes('MALL_ADMIN') || principal.agency === agencyCode
        ? 'allowed'
        : 'forbidden';
    case 'client':
      return principal.scopes.includes(`agency:${agencyCode}:work`) ? 'allowed' : 'forbidden';
    case 'anonymous':
      return 'unauthenticated';
    case 'applicant':
    case 'system':
      return 'forbidden';
  }
}
