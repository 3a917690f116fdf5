import { type DomainError } from '@satupintu/common';
import type { Principal } from '@satupintu/contracts';
import { listedAgency, planManager, requireScopeManager } from './follow-up-access';

const officer = (roles: Principal['roles'], agency?: string): Principal => ({
  kind: 'officer',
  subject: 'o',
  roles,
  scopes: [],
  ...(agency ? { agency } : {}),
});
const statusOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return (error as DomainError).status;
  }
  return 200;
};

describe('who manages follow-up plans', () => {
  const mall = officer(['MALL_ADMIN'], 'MPP');
  const pupr = officer(['AGENCY_ADMIN'], 'PUPR');

  it('lets a mall admin manage every scope, an agency admin only the agency and its services', () => {
    expect(statusOf(() => requireScopeManager(mall, { kind: 'MALL' }))).toBe(200);
    expect(statusOf(() => requireScopeManager(mall, { kind: 'AGENCY', agencyCode: 'PUPR' }))).toBe(
      200,
    );
    expect(statusOf(() => requireScopeManager(pupr, { kind: 'AGENCY', agencyCode: 'PUPR' }))).toBe(
      200,
    );
    expect(
      statusOf(() => requireScopeManager(pupr, { kind: 'SERVICE', serviceCode: 'PUPR-PBG' })),
    ).toBe(200);
    expect(statusOf(() => requireScopeManager(pupr, { kind: 'MALL' }))).toBe(403);
    expect(
      statusOf(() => requireScopeManager(pupr, { kind: 'AGENCY', agencyCode: 'DUKCAPIL' })),
    ).toBe(403);
    expect(
      statusOf(() => requireScopeManager(pupr, { kind: 'SERVICE', serviceCode: 'DUKCAPIL-KK' })),
    ).toBe(403);
  });

  it('refuses the anonymous with 401 and everyone else with 403', () => {
    expect(statusOf(() => planManager({ kind: 'anonymous', roles: [], scopes: [] }))).toBe(401);
    expect(statusOf(() => planManager(officer(['VERIFIER'], 'PUPR')))).toBe(403);
    expect(statusOf(() => planManager(officer(['AGENCY_ADMIN'])))).toBe(403);
    expect(
      statusOf(() => planManager({ kind: 'applicant', subject: 'a', roles: [], scopes: [] })),
    ).toBe(403);
  });

  it("lists the agency admin's own agency whatever is asked, or refuses another", () => {
    expect(listedAgency(planManager(pupr), undefined)).toBe('PUPR');
    expect(listedAgency(planManager(pupr), 'PUPR')).toBe('PUPR');
    expect(statusOf(() => listedAgency(planManager(pupr), 'DUKCAPIL'))).toBe(403);
    expect(listedAgency(planManager(mall), undefined)).toBeUndefined();
    expect(listedAgency(planManager(mall), 'DUKCAPIL')).toBe('DUKCAPIL');
  });
});
