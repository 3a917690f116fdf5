import { ANONYMOUS, SYSTEM, type Principal } from '@satupintu/contracts';
import { mayReadTimeline, type ApplicationOwners } from './timeline-access';

const owners: ApplicationOwners = {
  agencyCode: 'DUKCAPIL',
  applicantId: 'applicant-1',
  submittedByClient: 'oss-portal',
};
const officer = (roles: Principal['roles'], agency?: string): Principal => ({
  kind: 'officer',
  subject: 'o',
  roles,
  scopes: [],
  ...(agency ? { agency } : {}),
});
const client = (clientId: string, scopes: string[]): Principal => ({
  kind: 'client',
  subject: clientId,
  clientId,
  roles: [],
  scopes,
});

describe('mayReadTimeline', () => {
  it.each([
    ['its applicant', true, { kind: 'applicant', subject: 'applicant-1', roles: [], scopes: [] }],
    [
      'another applicant',
      false,
      { kind: 'applicant', subject: 'applicant-2', roles: [], scopes: [] },
    ],
    ['a verifier of the owning agency', true, officer(['VERIFIER'], 'DUKCAPIL')],
    ['a verifier of another agency', false, officer(['VERIFIER'], 'PUPR')],
    ['a front-desk officer of another agency', true, officer(['FRONT_DESK'], 'PUPR')],
    ['a mall admin', true, officer(['MALL_ADMIN'])],
    ['a survey analyst', false, officer(['SURVEY_ANALYST'])],
    ['the client that submitted it', true, client('oss-portal', ['applications:read'])],
    ['that client without applications:read', false, client('oss-portal', ['applications:submit'])],
    ['another client with applications:read', false, client('kiosk-1', ['applications:read'])],
    ["the owning agency's system", true, client('dukcapil-sys', ['agency:DUKCAPIL:work'])],
    ["another agency's system", false, client('pupr-sys', ['agency:PUPR:work'])],
    ['an anonymous caller', false, ANONYMOUS],
    ['the system', false, SYSTEM],
  ] as [string, boolean, Principal][])('lets %s read it: %s', (_label, expected, principal) => {
    expect(mayReadTimeline(principal, owners)).toBe(expected);
  });

  it('lets no applicant read an application that names none', () => {
    const applicant: Principal = { kind: 'applicant', subject: 'x', roles: [], scopes: [] };
    expect(mayReadTimeline(applicant, { agencyCode: 'DUKCAPIL', applicantId: null })).toBe(false);
  });
});
