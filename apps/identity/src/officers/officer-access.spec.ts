import { ANONYMOUS, type Principal } from '@satupintu/contracts';
import { checkGrant, manages, officerManager } from './officer-access';

const officer = (roles: Principal['roles'], agency?: string): Principal => ({
  kind: 'officer',
  subject: 'o-1',
  roles,
  ...(agency ? { agency } : {}),
  scopes: [],
});
const mall = officerManager(officer(['MALL_ADMIN']));
const dukcapil = officerManager(officer(['AGENCY_ADMIN'], 'DUKCAPIL'));

describe('who manages officers', () => {
  it('is a mall admin (everyone) or an agency admin (their own agency)', () => {
    expect(mall).toEqual({ all: true });
    expect(dukcapil).toEqual({ all: false, agency: 'DUKCAPIL' });
  });

  it.each<[string, Principal, string]>([
    ['a verifier', officer(['VERIFIER'], 'DUKCAPIL'), 'forbidden'],
    ['a survey analyst', officer(['SURVEY_ANALYST']), 'forbidden'],
    ['an applicant', { kind: 'applicant', subject: 'a', roles: [], scopes: [] }, 'forbidden'],
    [
      'an API client',
      {
        kind: 'client',
        subject: 'c',
        clientId: 'c',
        roles: [],
        scopes: ['agency:DUKCAPIL:work'],
      },
      'forbidden',
    ],
    ['an anonymous caller', ANONYMOUS, 'unauthenticated'],
  ])('is not %s', (_, principal, code) => {
    expect(() => officerManager(principal)).toThrow(code);
  });

  it("lets an agency admin see only their own agency's officers, not the mall's people", () => {
    expect(manages(dukcapil, { agencyCode: 'DUKCAPIL', roles: ['VERIFIER'] })).toBe(true);
    expect(manages(dukcapil, { agencyCode: 'PUPR', roles: ['VERIFIER'] })).toBe(false);
    expect(manages(dukcapil, { roles: ['MALL_ADMIN'] })).toBe(false);
    expect(
      manages(dukcapil, { agencyCode: 'DUKCAPIL', roles: ['VERIFIER', 'SURVEY_ANALYST'] }),
    ).toBe(false);
    expect(manages(mall, { agencyCode: 'PUPR', roles: ['VERIFIER'] })).toBe(true);
  });

  it('lets a mall admin grant any role, agency roles within an agency', () => {
    expect(() => checkGrant(mall, { roles: ['MALL_ADMIN'] })).not.toThrow();
    expect(() => checkGrant(mall, { agencyCode: 'PUPR', roles: ['APPROVER'] })).not.toThrow();
    expect(() => checkGrant(mall, { roles: ['VERIFIER'] })).toThrow('unprocessable');
  });

  it('refuses an agency admin another agency and the mall roles, naming each', () => {
    expect(() =>
      checkGrant(dukcapil, { agencyCode: 'DUKCAPIL', roles: ['FRONT_DESK'] }),
    ).not.toThrow();
    try {
      checkGrant(dukcapil, {
        agencyCode: 'PUPR',
        roles: ['VERIFIER', 'MALL_ADMIN', 'SURVEY_ANALYST'],
      });
      throw new Error('granted');
    } catch (error) {
      expect(error).toMatchObject({
        code: 'forbidden',
        status: 403,
        errors: [
          { field: 'agencyCode', code: 'agency_not_allowed' },
          { field: 'roles', code: 'role_not_grantable', params: { role: 'MALL_ADMIN' } },
          { field: 'roles', code: 'role_not_grantable', params: { role: 'SURVEY_ANALYST' } },
        ],
      });
    }
  });
});
