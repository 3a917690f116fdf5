import { ANONYMOUS, type Principal } from '@satupintu/contracts';
import { administeredAgency, applicantId, isMallAdmin, refuse } from './callers';

const applicant: Principal = {
  kind: 'applicant',
  subject: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
  roles: [],
  scopes: [],
};
const mallAdmin: Principal = { kind: 'officer', subject: 'o-1', roles: ['MALL_ADMIN'], scopes: [] };
const agencyAdmin: Principal = {
  kind: 'officer',
  subject: 'o-2',
  roles: ['AGENCY_ADMIN', 'VERIFIER'],
  agency: 'DUKCAPIL',
  scopes: [],
};
const verifier: Principal = { ...agencyAdmin, roles: ['VERIFIER'] };
const client: Principal = {
  kind: 'client',
  subject: 'c-1',
  clientId: 'kiosk-1',
  roles: ['MALL_ADMIN'],
  scopes: [],
};

describe('the callers identity recognises', () => {
  it('tells an anonymous caller to sign in and refuses anyone else', () => {
    expect([refuse(ANONYMOUS, 'x').code, refuse(ANONYMOUS, 'x').status]).toEqual([
      'unauthenticated',
      401,
    ]);
    expect([refuse(verifier, 'x').code, refuse(verifier, 'x').status]).toEqual(['forbidden', 403]);
  });

  it('answers the applicant id of a signed-in applicant only', () => {
    expect(applicantId(applicant, 'profile')).toBe('6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b');
    expect(() => applicantId(mallAdmin, 'profile')).toThrow('forbidden');
    expect(() => applicantId(ANONYMOUS, 'profile')).toThrow('unauthenticated');
    expect(() => applicantId({ ...applicant, subject: undefined }, 'profile')).toThrow(
      'unauthenticated',
    );
    expect(() => applicantId({ ...applicant, subject: 'a-1' }, 'profile')).toThrow(
      'unauthenticated',
    );
  });

  it('knows a mall admin by role, and only among officers', () => {
    expect(isMallAdmin(mallAdmin)).toBe(true);
    expect(isMallAdmin(agencyAdmin)).toBe(false);
    expect(isMallAdmin(client)).toBe(false);
  });

  it('knows the agency an agency admin administers', () => {
    expect(administeredAgency(agencyAdmin)).toBe('DUKCAPIL');
    expect(administeredAgency(verifier)).toBeUndefined();
    expect(administeredAgency(mallAdmin)).toBeUndefined();
    expect(administeredAgency({ ...client, roles: ['AGENCY_ADMIN'], agency: 'X' })).toBeUndefined();
  });
});
