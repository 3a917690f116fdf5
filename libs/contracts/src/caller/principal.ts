/**
 * Who is calling, as the gateway verified it. It travels beside every request and, through the
 * outbox, beside the events the request caused, so the service that owns a decision can make it
 * (an agency checks that an officer is its own). Services trust it because only the gateway
 * speaks for outside callers on NATS; nothing outside the deployment can publish there.
 */
export const PRINCIPAL_KINDS = ['anonymous', 'applicant', 'officer', 'client', 'system'] as const;
export type PrincipalKind = (typeof PRINCIPAL_KINDS)[number];

export const ROLES = [
  'FRONT_DESK',
  'VERIFIER',
  'APPROVER',
  'AGENCY_ADMIN',
  'MALL_ADMIN',
  'SURVEY_ANALYST',
] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  kind: PrincipalKind;
  /** The applicant's, officer's or client's id; absent for anonymous callers. */
  subject?: string;
  roles: Role[];
  /** The agency an officer or an agency's API client belongs to. */
  agency?: string;
  /** What an API client may do (`applications:submit`, `agency:DUKCAPIL:work`). */
  scopes: string[];
  /** The API client the call came through (a kiosk, an agency system, the national portal). */
  clientId?: string;
}

export const ANONYMOUS: Principal = Object.freeze({
  kind: 'anonymous',
  roles: [],
  scopes: [],
});

/** Work a service does on its own account (a timer, a replay), not for a caller. */
export const SYSTEM: Principal = Object.freeze({
  kind: 'system',
  roles: [],
  scopes: [],
});

const ID = /^[A-Za-z0-9_.:@-]{1,128}$/;
const AGENCY = /^[A-Z0-9-]{2,32}$/;
const SCOPE = /^[a-z][a-z0-9-]*(:[A-Za-z0-9_-]+){1,3}$/;

/** The header form: compact JSON, ASCII only (NATS headers are not for free text). */
export function encodePrincipal(principal: Principal): string {
  return JSON.stringify({
    kind: principal.kind,
    ...(principal.subject ? { subject: principal.subject } : {}),
    roles: principal.roles,
    ...(principal.agency ? { agency: principal.agency } : {}),
    scopes: principal.scopes,
    ...(principal.clientId ? { clientId: principal.clientId } : {}),
  });
}

/**
 * Reads a principal header. Anything malformed is a bug on our side of the wire; it is answered
 * with `undefined` so the caller falls back to the least privilege (anonymous), never more.
 */
export function decodePrincipal(header: string | undefined): Principal | undefined {
  if (!header || header.length > 4096) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(header);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const kind = v.kind as PrincipalKind;
  if (!PRINCIPAL_KINDS.includes(kind)) return undefined;
  const roles = v.roles;
  const scopes = v.scopes;
  if (!Array.isArray(roles) || roles.length > ROLES.length) return undefined;
  if (!roles.every((role) => ROLES.includes(role as Role))) return undefined;
  if (!Array.isArray(scopes) || scopes.length > 64) return undefined;
  if (!scopes.every((scope) => typeof scope === 'string' && SCOPE.test(scope))) return undefined;
  const optional = (key: string, pattern: RegExp): string | undefined | false => {
    const field = v[key];
    if (field === undefined) return undefined;
    return typeof field === 'string' && pattern.test(field) ? field : false;
  };
  const subject = optional('subject', ID);
  const agency = optional('agency', AGENCY);
  const clientId = optional('clientId', ID);
  if (subject === false || agency === false || clientId === false) return undefined;
  return {
    kind,
    ...(subject ? { subject } : {}),
    roles: roles as Role[],
    ...(agency ? { agency } : {}),
    scopes: scopes as string[],
    ...(clientId ? { clientId } : {}),
  };
}
