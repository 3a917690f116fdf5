import { DomainError } from '@satupintu/common';
import { ANONYMOUS, SYSTEM, type Principal, type Role } from '@satupintu/contracts';
import { outputRevoker } from './output-revocation-access';

const officer = (agency: string, roles: Role[]): Principal => ({
  kind: 'officer',
  subject: `officer-${agency}-${roles.join('-')}`,
  roles,
  agency,
  scopes: [],
});

function refusal(principal: Principal): [string, number] | 'allowed' {
  try {
    outputRevoker(principal, 'DUKCAPIL');
    return 'allowed';
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return [error.code, error.status];
  }
}

describe('who may revoke an output', () => {
  it("is the agency's own admin or a mall admin, named by their subject", () => {
    expect(outputRevoker(officer('DUKCAPIL', ['AGENCY_ADMIN']), 'DUKCAPIL')).toBe(
      'officer-DUKCAPIL-AGENCY_ADMIN',
    );
    expect(outputRevoker(officer('MPP', ['MALL_ADMIN']), 'DUKCAPIL')).toBe(
      'officer-MPP-MALL_ADMIN',
    );
  });

  it.each<[string, Principal, [string, number]]>([
    ['an anonymous caller', ANONYMOUS, ['unauthenticated', 401]],
    ['a verifier of the agency', officer('DUKCAPIL', ['VERIFIER']), ['forbidden', 403]],
    ['an approver of the agency', officer('DUKCAPIL', ['APPROVER']), ['forbidden', 403]],
    ["another agency's admin", officer('DPMPTSP', ['AGENCY_ADMIN']), ['forbidden', 403]],
    [
      "the agency's own system",
      {
        kind: 'client',
        subject: 'client-1',
        clientId: 'client-1',
        roles: [],
        scopes: ['agency:DUKCAPIL:work'],
      },
      ['forbidden', 403],
    ],
    [
      'an applicant',
      { kind: 'applicant', subject: 'a-1', roles: [], scopes: [] },
      ['forbidden', 403],
    ],
    ['the system', SYSTEM, ['forbidden', 403]],
    [
      'an admin without a subject',
      { kind: 'officer', roles: ['AGENCY_ADMIN'], agency: 'DUKCAPIL', scopes: [] },
      ['forbidden', 403],
    ],
  ])('refuses %s', (_who, principal, expected) => {
    expect(refusal(principal)).toEqual(expected);
  });
});
