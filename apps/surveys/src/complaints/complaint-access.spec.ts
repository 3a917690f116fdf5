import { DomainError } from '@satupintu/common';
import type { Principal } from '@satupintu/contracts';
import {
  followSecretDigest,
  holdsFollowSecret,
  requireComplaintActor,
  requireComplaintLister,
  requireComplaintOverseer,
  requireComplaintReader,
  requireReporterKind,
  type ComplaintParties,
} from './complaint-access';

const officer = (roles: Principal['roles'], agency?: string): Principal => ({
  kind: 'officer',
  subject: 'o',
  roles,
  scopes: [],
  ...(agency ? { agency } : {}),
});
const applicant = (subject: string): Principal => ({
  kind: 'applicant',
  subject,
  roles: [],
  scopes: [],
});
const nobody: Principal = { kind: 'anonymous', roles: [], scopes: [] };
const agencySystem: Principal = {
  kind: 'client',
  subject: 'sys',
  clientId: 'sys',
  roles: [],
  scopes: ['agency:DUKCAPIL:work'],
};
const SECRET = 'q3V9x2mB7kLp0ZrT4sWd1A';
const complaint: ComplaintParties = {
  complaintNo: 'ADUK7M39QX2C',
  agencyCode: 'DUKCAPIL',
  reporterId: 'siti',
  followSecretSha256: followSecretDigest(SECRET),
  status: 'ROUTED',
};

const outcome = (check: () => void) => {
  try {
    check();
    return 'allowed';
  } catch (error) {
    return error instanceof DomainError ? `${error.status} ${error.code}` : 'threw';
  }
};

describe('who may do what with a complaint', () => {
  it.each([
    ['its reporter', applicant('siti'), 'allowed'],
    ['a mall admin', officer(['MALL_ADMIN']), 'allowed'],
    ["the owning agency's verifier", officer(['VERIFIER'], 'DUKCAPIL'), 'allowed'],
    ['another applicant', applicant('budi'), '404 complaint_not_found'],
    ["another agency's admin", officer(['AGENCY_ADMIN'], 'PUPR'), '404 complaint_not_found'],
    ["the agency's own system", agencySystem, '404 complaint_not_found'],
    ['nobody', nobody, '404 complaint_not_found'],
  ])('reads it by number: %s → %s', (_who, principal, expected) => {
    expect(outcome(() => requireComplaintReader(principal, complaint))).toBe(expected);
  });

  it.each([
    ['ROUTE', 'a mall admin', officer(['MALL_ADMIN']), undefined, 'allowed'],
    [
      'ROUTE',
      "the agency's admin",
      officer(['AGENCY_ADMIN'], 'DUKCAPIL'),
      undefined,
      '403 forbidden',
    ],
    ['ROUTE', 'another applicant', applicant('budi'), undefined, '404 complaint_not_found'],
    [
      'ANSWER',
      "the agency's front desk",
      officer(['FRONT_DESK'], 'DUKCAPIL'),
      undefined,
      'allowed',
    ],
    ['ANSWER', 'a mall admin', officer(['MALL_ADMIN']), undefined, '403 forbidden'],
    [
      'ANSWER',
      "another agency's verifier",
      officer(['VERIFIER'], 'PUPR'),
      undefined,
      '404 complaint_not_found',
    ],
    ['ANSWER', 'its reporter', applicant('siti'), undefined, '403 forbidden'],
    ['DISPUTE', 'its reporter, signed in', applicant('siti'), undefined, 'allowed'],
    ['DISPUTE', 'anyone with the secret', nobody, SECRET, 'allowed'],
    [
      'DISPUTE',
      'anyone with another secret',
      nobody,
      `${SECRET.slice(0, 21)}B`,
      '404 complaint_not_found',
    ],
    [
      'DISPUTE',
      "the agency's verifier",
      officer(['VERIFIER'], 'DUKCAPIL'),
      undefined,
      '403 forbidden',
    ],
  ] as const)('%s by %s → %s', (action, _who, principal, secret, expected) => {
    expect(outcome(() => requireComplaintActor(principal, complaint, action, secret))).toBe(
      expected,
    );
  });

  it('keeps a complaint from its agency until the mall has routed it', () => {
    const unrouted = { ...complaint, status: 'SUBMITTED' };
    const verifier = officer(['VERIFIER'], 'DUKCAPIL');
    expect(outcome(() => requireComplaintReader(verifier, unrouted))).toBe(
      '404 complaint_not_found',
    );
    expect(outcome(() => requireComplaintActor(verifier, unrouted, 'ANSWER', undefined))).toBe(
      '404 complaint_not_found',
    );
    expect(outcome(() => requireComplaintReader(officer(['MALL_ADMIN']), unrouted))).toBe(
      'allowed',
    );
  });

  it('takes submissions from anyone and from applicants, not from officers or clients', () => {
    expect(outcome(() => requireReporterKind(nobody))).toBe('allowed');
    expect(outcome(() => requireReporterKind(applicant('siti')))).toBe('allowed');
    expect(outcome(() => requireReporterKind(officer(['FRONT_DESK'], 'DUKCAPIL')))).toBe(
      '403 forbidden',
    );
    expect(outcome(() => requireReporterKind(agencySystem))).toBe('403 forbidden');
  });

  it("lists an agency's complaints to its officers and the mall, every agency's to the mall", () => {
    expect(
      outcome(() => requireComplaintLister(officer(['VERIFIER'], 'DUKCAPIL'), 'DUKCAPIL')),
    ).toBe('allowed');
    expect(
      outcome(() => requireComplaintLister(officer(['VERIFIER'], 'DUKCAPIL'), undefined)),
    ).toBe('403 forbidden');
    expect(outcome(() => requireComplaintLister(officer(['MALL_ADMIN']), undefined))).toBe(
      'allowed',
    );
    expect(outcome(() => requireComplaintLister(agencySystem, 'DUKCAPIL'))).toBe('403 forbidden');
    expect(outcome(() => requireComplaintLister(nobody, undefined))).toBe('401 unauthenticated');
  });

  it('shows escalations and figures to agency admins (their own) and the mall', () => {
    const see = (principal: Principal, agency?: string) =>
      outcome(() => requireComplaintOverseer(principal, agency, 'complaint figures'));
    expect(see(officer(['AGENCY_ADMIN'], 'DUKCAPIL'), 'DUKCAPIL')).toBe('allowed');
    expect(see(officer(['VERIFIER'], 'DUKCAPIL'), 'DUKCAPIL')).toBe('403 forbidden');
    expect(see(officer(['AGENCY_ADMIN'], 'PUPR'), 'DUKCAPIL')).toBe('403 forbidden');
    expect(see(officer(['AGENCY_ADMIN'], 'DUKCAPIL'))).toBe('403 forbidden');
    expect(see(officer(['MALL_ADMIN']))).toBe('allowed');
  });

  it('compares the follow secret by its digest', () => {
    expect(holdsFollowSecret(complaint, SECRET)).toBe(true);
    expect(holdsFollowSecret(complaint, undefined)).toBe(false);
  });
});
