import { DomainError } from '@satupintu/common';
import { ANONYMOUS, SYSTEM, type Principal } from '@satupintu/contracts';
import { encodeCursor } from '@satupintu/persistence';
import { alertQueryOf, alertsPage, requireAlertReader, type ListedAlert } from './deadline-alerts';

const officer = (roles: Principal['roles'], agency?: string): Principal => ({
  kind: 'officer',
  subject: 'o',
  roles,
  scopes: [],
  ...(agency ? { agency } : {}),
});
const agencySystem: Principal = {
  kind: 'client',
  subject: 'dukcapil-system',
  clientId: 'dukcapil-system',
  roles: [],
  scopes: ['agency:DUKCAPIL:work'],
};
const applicant: Principal = { kind: 'applicant', subject: 'a', roles: [], scopes: [] };

const outcome = (principal: Principal, agencyCode?: string) => {
  try {
    requireAlertReader(principal, agencyCode);
    return 'allowed';
  } catch (error) {
    return error instanceof DomainError ? `${error.status} ${error.code}` : 'threw';
  }
};

describe('requireAlertReader', () => {
  it.each([
    ["the agency's admin", 'allowed', officer(['AGENCY_ADMIN'], 'DUKCAPIL')],
    ['a mall administrator', 'allowed', officer(['MALL_ADMIN'])],
    ["another agency's admin", '403 forbidden', officer(['AGENCY_ADMIN'], 'PUPR')],
    ["the agency's verifier", '403 forbidden', officer(['VERIFIER'], 'DUKCAPIL')],
    ["the agency's own system", '403 forbidden', agencySystem],
    ['an applicant', '403 forbidden', applicant],
    ['the system', '403 forbidden', SYSTEM],
    ['nobody', '401 unauthenticated', ANONYMOUS],
  ])("one agency's alerts: %s → %s", (_who, expected, principal) => {
    expect(outcome(principal, 'DUKCAPIL')).toBe(expected);
  });

  it.each([
    ['a mall administrator', 'allowed', officer(['MALL_ADMIN'])],
    ['an agency admin', '403 forbidden', officer(['AGENCY_ADMIN'], 'DUKCAPIL')],
    ["an agency's own system", '403 forbidden', agencySystem],
    ['nobody', '401 unauthenticated', ANONYMOUS],
  ])("every agency's alerts: %s → %s", (_who, expected, principal) => {
    expect(outcome(principal)).toBe(expected);
  });
});

const alert = (n: number): ListedAlert => ({
  applicationId: `00000000-0000-4000-8000-00000000000${n}`,
  kind: 'OVERDUE',
  trackingNo: `K7M39QX2${n}`,
  serviceCode: 'DUKCAPIL-KK',
  agencyCode: 'DUKCAPIL',
  timeZone: 'Asia/Jayapura',
  deadline: new Date('2026-11-24T15:00:00.000Z'),
  raisedAt: new Date(`2026-11-25T0${n}:00:00.000Z`),
  status: 'IN_REVIEW',
});

describe('alertsPage', () => {
  it("gives times in the agency's zone and a cursor after the last item shown", () => {
    const page = alertsPage([alert(3), alert(2), alert(1)], 2);
    expect(page.items).toEqual([
      {
        trackingNo: 'K7M39QX23',
        serviceCode: 'DUKCAPIL-KK',
        agencyCode: 'DUKCAPIL',
        kind: 'OVERDUE',
        deadline: '2026-11-25T00:00:00.000+09:00',
        raisedAt: '2026-11-25T12:00:00.000+09:00',
        status: 'IN_REVIEW',
      },
      expect.objectContaining({ trackingNo: 'K7M39QX22' }),
    ]);
    expect(alertQueryOf({ limit: 2, cursor: page.nextCursor })).toEqual({
      after: {
        raisedAt: '2026-11-25T02:00:00.000Z',
        applicationId: alert(2).applicationId,
        kind: 'OVERDUE',
      },
      limit: 3,
    });
  });

  it('has no cursor on the last page', () => {
    expect(alertsPage([alert(1)], 2).nextCursor).toBeUndefined();
  });
});

describe('alertQueryOf', () => {
  it('passes the filters on, and asks for one more than the page', () => {
    expect(alertQueryOf({ agencyCode: 'PUPR', kind: 'AT_RISK', open: false, limit: 5 })).toEqual({
      agencyCode: 'PUPR',
      kind: 'AT_RISK',
      open: false,
      limit: 6,
    });
  });

  it.each([
    ['not base64 JSON', '!!'],
    ['of the wrong shape', encodeCursor(['2026-11-25T02:00:00.000Z', 'x'])],
    ['with a time that is not one', encodeCursor(['later', alert(1).applicationId, 'OVERDUE'])],
    ['with an id that is not one', encodeCursor(['2026-11-25T02:00:00Z', 'x', 'OVERDUE'])],
    ['with an unknown kind', encodeCursor(['2026-11-25T02:00:00Z', alert(1).applicationId, 'X'])],
  ])('refuses a cursor %s', (_what, cursor) => {
    expect(() => alertQueryOf({ limit: 5, cursor })).toThrow(
      expect.objectContaining({ code: 'invalid_cursor', status: 400 }) as Error,
    );
  });
});
