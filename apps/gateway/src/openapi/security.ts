import type { SecurityRequirementObject } from '@nestjs/swagger';
import type { CallerRule } from '../auth/access';

/** The security schemes the document declares, by name. */
export const BEARER_SCHEME = 'bearer';
export const OAUTH2_SCHEME = 'oauth2';

/** Scopes an API client can be given (clientCredentials), and what each lets it do. */
export const CLIENT_SCOPES: Record<string, string> = {
  'applications:submit':
    'Submit applications on behalf of applicants (the national portal, kiosks)',
  'applications:read': 'Follow the applications the client submitted',
  'agency:<CODE>:work':
    "Work one agency's queue (its own system); `<CODE>` is the agency code, e.g. `agency:DUKCAPIL:work`",
  'surveys:kiosk': 'Collect satisfaction surveys at a kiosk',
  'queue:kiosk': "Issue the mall floor's queue numbers and check booked visitors in, at a kiosk",
};

/**
 * An operation's `security` from the rule its route states, so the two cannot disagree: people
 * (applicants, officers) present a bearer JWT from `POST /v1/auth/login`; API clients one from
 * `POST /v1/oauth/token` (client credentials), with one of the scopes the rule names.
 */
export function securityOf(rule: CallerRule): SecurityRequirementObject[] {
  const requirements: SecurityRequirementObject[] = [];
  if (rule.applicant || rule.officer) requirements.push({ [BEARER_SCHEME]: [] });
  if (rule.client) {
    const scopes = rule.client === true ? [] : [...rule.client];
    requirements.push({ [OAUTH2_SCHEME]: scopes });
  }
  return requirements;
}
