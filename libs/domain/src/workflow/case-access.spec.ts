import { agencyCaseAccess, worksAgencyCases } from './case-access';
import type { WorkflowCaller } from './workflow';

const officer = (roles: string[], agency?: string): WorkflowCaller => ({
  kind: 'officer',
  subject: 'o1',
  roles,
  ...(agency ? { agency } : {}),
  scopes: [],
});
const client = (scopes: string[]): WorkflowCaller => ({
  kind: 'client',
  subject: 'c1',
  roles: [],
  scopes,
});

describe('who reads an agency’s cases, and who sees a whole NIK in them', () => {
  it.each<[string, WorkflowCaller, string, boolean]>([
    ['a verifier of the agency', officer(['VERIFIER'], 'DUKCAPIL'), 'allowed', true],
    ['its front desk', officer(['FRONT_DESK'], 'DUKCAPIL'), 'allowed', true],
    ['its admin', officer(['AGENCY_ADMIN'], 'DUKCAPIL'), 'allowed', true],
    ['a mall admin', officer(['MALL_ADMIN']), 'allowed', false],
    ['a verifier of another agency', officer(['VERIFIER'], 'PUPR'), 'forbidden', false],
    ['a survey analyst of the agency', officer(['SURVEY_ANALYST'], 'DUKCAPIL'), 'forbidden', false],
    ["the agency's system", client(['agency:DUKCAPIL:work']), 'allowed', true],
    ["another agency's system", client(['agency:PUPR:work']), 'forbidden', false],
    ['a kiosk', client(['applications:submit']), 'forbidden', false],
    [
      'an applicant',
      { kind: 'applicant', subject: 'a', roles: [], scopes: [] },
      'forbidden',
      false,
    ],
    ['anonymous', { kind: 'anonymous', roles: [], scopes: [] }, 'unauthenticated', false],
    ['the system itself', { kind: 'system', roles: [], scopes: [] }, 'forbidden', false],
  ])('%s: %s, whole NIK %s', (_who, caller, access, whole) => {
    expect(agencyCaseAccess(caller, 'DUKCAPIL')).toBe(access);
    expect(worksAgencyCases(caller, 'DUKCAPIL')).toBe(whole);
  });
});
