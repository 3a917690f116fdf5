import { DomainError } from '@satupintu/common';
import { ANONYMOUS, type Principal } from '@satupintu/contracts';
import { dashboardScope } from './dashboard-access';

const officer = (roles: Principal['roles'], agency?: string): Principal => ({
  kind: 'officer',
  subject: '0b7e7c52-3f7a-4c1e-9d55-2f1f6a0c9e11',
  roles,
  ...(agency ? { agency } : {}),
  scopes: [],
});

const refusal = (principal: Principal, asked: object) => {
  try {
    dashboardScope(principal, asked);
  } catch (error) {
    if (error instanceof DomainError) return [error.status, error.code];
  }
  return 'allowed';
};

describe('dashboardScope', () => {
  it('lets a mall admin see the mall, any agency and any service', () => {
    const admin = officer(['MALL_ADMIN']);
    expect(dashboardScope(admin, {})).toEqual({});
    expect(dashboardScope(admin, { agencyCode: 'PUPR', serviceCode: 'PUPR-PBG' })).toEqual({
      agencyCode: 'PUPR',
      serviceCode: 'PUPR-PBG',
    });
    expect(dashboardScope(admin, { serviceCode: 'PUPR-PBG' })).toEqual({ serviceCode: 'PUPR-PBG' });
  });

  it("keeps an agency admin to their own agency's cases", () => {
    const admin = officer(['AGENCY_ADMIN'], 'DUKCAPIL');
    expect(dashboardScope(admin, {})).toEqual({ agencyCode: 'DUKCAPIL' });
    expect(dashboardScope(admin, { serviceCode: 'PUPR-PBG' })).toEqual({
      agencyCode: 'DUKCAPIL',
      serviceCode: 'PUPR-PBG',
    });
    expect(refusal(admin, { agencyCode: 'PUPR' })).toEqual([403, 'forbidden']);
  });

  it.each([
    ['a verifier', officer(['VERIFIER'], 'DUKCAPIL')],
    ['an applicant', { kind: 'applicant', subject: 'x', roles: [], scopes: [] }],
    [
      "an agency's system",
      { kind: 'client', subject: 'x', roles: [], scopes: ['agency:DUKCAPIL:work'] },
    ],
  ] as [string, Principal][])('refuses %s', (_label, principal) => {
    expect(refusal(principal, { agencyCode: 'DUKCAPIL' })).toEqual([403, 'forbidden']);
  });

  it('asks an anonymous caller to sign in', () => {
    expect(refusal(ANONYMOUS, {})).toEqual([401, 'unauthenticated']);
  });
});
