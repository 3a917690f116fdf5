import { ANONYMOUS, SYSTEM, type Principal } from '@satupintu/contracts';
import { decide, decideAgency, type AccessRule } from './access';

const applicant: Principal = { kind: 'applicant', subject: 'a1', roles: [], scopes: [] };
const verifier: Principal = {
  kind: 'officer',
  subject: 'o1',
  roles: ['VERIFIER'],
  agency: 'DUKCAPIL',
  scopes: [],
};
const frontDesk: Principal = { ...verifier, subject: 'o2', roles: ['FRONT_DESK'] };
const portal: Principal = {
  kind: 'client',
  subject: 'c1',
  clientId: 'oss',
  roles: [],
  scopes: ['applications:submit'],
};
const kiosk: Principal = { ...portal, subject: 'c2', clientId: 'kiosk', scopes: ['surveys:kiosk'] };

const submit: AccessRule = {
  public: false,
  callers: { applicant: true, officer: ['FRONT_DESK'], client: ['applications:submit'] },
};

describe('decide', () => {
  it.each([
    ['an applicant', 'allowed', applicant],
    ['a front-desk officer', 'allowed', frontDesk],
    ['a verifier (no FRONT_DESK role)', 'forbidden', verifier],
    ['a client with the scope', 'allowed', portal],
    ['a client without it', 'forbidden', kiosk],
    ['an anonymous caller', 'unauthenticated', ANONYMOUS],
    ['the system', 'forbidden', SYSTEM],
  ] as [string, string, Principal][])('lets %s submit: %s', (_label, expected, principal) => {
    expect(decide(submit, principal)).toBe(expected);
  });

  it('lets anyone through a public route', () => {
    for (const principal of [ANONYMOUS, applicant, verifier, portal])
      expect(decide({ public: true }, principal)).toBe('allowed');
  });

  it('takes `true` as any officer or any client', () => {
    const rule: AccessRule = { public: false, callers: { officer: true, client: true } };
    expect(decide(rule, verifier)).toBe('allowed');
    expect(decide(rule, kiosk)).toBe('allowed');
    expect(decide(rule, applicant)).toBe('forbidden');
  });
});

describe('decideAgency', () => {
  it.each([
    ['an officer of the agency', 'allowed', verifier],
    ['an officer of another agency', 'forbidden', { ...verifier, agency: 'DPMPTSP' }],
    ['a mall admin', 'allowed', { ...verifier, agency: 'MPP', roles: ['MALL_ADMIN'] }],
    [
      'a client with the agency’s work scope',
      'allowed',
      { ...portal, scopes: ['agency:DUKCAPIL:work'] },
    ],
    ['a client with another agency’s', 'forbidden', { ...portal, scopes: ['agency:DPMPTSP:work'] }],
    ['an applicant', 'forbidden', applicant],
    ['an anonymous caller', 'unauthenticated', ANONYMOUS],
  ] as [string, string, Principal][])(
    'lets %s at DUKCAPIL’s work: %s',
    (_label, expected, principal) => {
      expect(decideAgency(principal, 'DUKCAPIL')).toBe(expected);
    },
  );
});
