import { ANONYMOUS, type Principal } from '@satupintu/contracts';
import { workQueueAccess } from './work-queue-access';

const officer = (overrides: Partial<Principal>): Principal => ({
  kind: 'officer',
  subject: 'officer-1',
  roles: ['VERIFIER'],
  agency: 'DUKCAPIL',
  scopes: [],
  ...overrides,
});

describe('workQueueAccess', () => {
  it.each([
    ['a verifier of the agency', 'allowed', officer({})],
    ['a front-desk officer of the agency', 'allowed', officer({ roles: ['FRONT_DESK'] })],
    ['an approver of the agency', 'allowed', officer({ roles: ['APPROVER'] })],
    ['an agency admin of the agency', 'allowed', officer({ roles: ['AGENCY_ADMIN'] })],
    ['a mall admin', 'allowed', officer({ roles: ['MALL_ADMIN'], agency: undefined })],
    ['a verifier of another agency', 'forbidden', officer({ agency: 'PUPR' })],
    ['an officer without an agency', 'forbidden', officer({ agency: undefined })],
    ['a survey analyst of the agency', 'forbidden', officer({ roles: ['SURVEY_ANALYST'] })],
    ['an officer with no roles', 'forbidden', officer({ roles: [] })],
    [
      "the agency's system",
      'allowed',
      { kind: 'client', clientId: 'c1', roles: [], scopes: ['agency:DUKCAPIL:work'] },
    ],
    [
      "another agency's system",
      'forbidden',
      { kind: 'client', clientId: 'c2', roles: [], scopes: ['agency:PUPR:work'] },
    ],
    [
      'a kiosk',
      'forbidden',
      { kind: 'client', clientId: 'k1', roles: [], scopes: ['surveys:kiosk'] },
    ],
    ['an applicant', 'forbidden', { kind: 'applicant', subject: 'a1', roles: [], scopes: [] }],
    ['the system itself', 'forbidden', { kind: 'system', roles: [], scopes: [] }],
    ['an anonymous caller', 'unauthenticated', ANONYMOUS],
  ] as [string, string, Principal][])('lets %s: %s', (_label, expected, principal) => {
    expect(workQueueAccess(principal, 'DUKCAPIL')).toBe(expected);
  });
});
