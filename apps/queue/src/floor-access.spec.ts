import { DomainError } from '@satupintu/common';
import type { Principal, Role } from '@satupintu/contracts';
import {
  managesFloorOf,
  requireApplicant,
  requireCounterOfficer,
  requireFloorManager,
  requireKiosk,
  requireSessionUser,
} from './floor-access';

const officer = (agency: string, roles: Role[], subject = 'o1'): Principal => ({
  kind: 'officer',
  subject,
  agency,
  roles,
  scopes: [],
});
const client = (scopes: string[]): Principal => ({
  kind: 'client',
  subject: 'c1',
  clientId: 'kiosk-lobby',
  roles: [],
  scopes,
});
const anonymous: Principal = { kind: 'anonymous', roles: [], scopes: [] };
const applicant: Principal = { kind: 'applicant', subject: 'a1', roles: [], scopes: [] };
const mallAdmin = officer('DPMPTSP', ['MALL_ADMIN'], 'm1');

const outcome = (check: () => unknown) => {
  try {
    check();
    return 'allowed';
  } catch (error) {
    return error instanceof DomainError ? `${error.status} ${error.code}` : 'threw';
  }
};

describe('the floor set-up (lines, counters, slots)', () => {
  it("is the agency admin's for their own agency, and the mall admin's for any", () => {
    expect(managesFloorOf(officer('DUKCAPIL', ['AGENCY_ADMIN']), 'DUKCAPIL')).toBe(true);
    expect(managesFloorOf(officer('PUPR', ['AGENCY_ADMIN']), 'DUKCAPIL')).toBe(false);
    expect(managesFloorOf(mallAdmin, 'DUKCAPIL')).toBe(true);
  });

  it("is not the agency's other officers', nor its system's", () => {
    expect(managesFloorOf(officer('DUKCAPIL', ['FRONT_DESK', 'VERIFIER']), 'DUKCAPIL')).toBe(false);
    expect(managesFloorOf(client(['agency:DUKCAPIL:work']), 'DUKCAPIL')).toBe(false);
  });

  it('refuses the anonymous with 401 and anyone else with 403', () => {
    expect(outcome(() => requireFloorManager(anonymous, 'DUKCAPIL', 'x'))).toBe(
      '401 unauthenticated',
    );
    expect(outcome(() => requireFloorManager(applicant, 'DUKCAPIL', 'x'))).toBe('403 forbidden');
  });
});

describe('kiosks', () => {
  it('are API clients holding queue:kiosk, known by their client id', () => {
    expect(requireKiosk(client(['queue:kiosk']), 'x')).toBe('kiosk-lobby');
  });

  it('are not clients without the scope, nor people', () => {
    for (const principal of [client(['surveys:kiosk']), applicant, mallAdmin])
      expect(outcome(() => requireKiosk(principal, 'x'))).toBe('403 forbidden');
    expect(outcome(() => requireKiosk(anonymous, 'x'))).toBe('401 unauthenticated');
  });
});

describe('bookings', () => {
  it('are made by a signed-in applicant, for themself', () => {
    expect(requireApplicant(applicant, 'x')).toBe('a1');
    expect(outcome(() => requireApplicant(officer('DUKCAPIL', ['FRONT_DESK']), 'x'))).toBe(
      '403 forbidden',
    );
  });
});

describe('counter sessions', () => {
  it("are opened by the agency's own officers at its counters", () => {
    expect(requireCounterOfficer(officer('DUKCAPIL', ['FRONT_DESK']), 'DUKCAPIL')).toBe('o1');
    expect(requireCounterOfficer(officer('DUKCAPIL', ['AGENCY_ADMIN']), 'DUKCAPIL')).toBe('o1');
  });

  it("are not opened by another agency's officers, a mall admin or a survey analyst", () => {
    for (const principal of [
      officer('PUPR', ['FRONT_DESK']),
      mallAdmin,
      officer('DUKCAPIL', ['SURVEY_ANALYST']),
    ])
      expect(outcome(() => requireCounterOfficer(principal, 'DUKCAPIL'))).toBe('403 forbidden');
  });

  const session = { id: 's1', agencyCode: 'DUKCAPIL', officerId: 'o1' };

  it('calls only through its own officer', () => {
    const own = officer('DUKCAPIL', ['FRONT_DESK'], 'o1');
    expect(outcome(() => requireSessionUser(own, session, 'call'))).toBe('allowed');
    const admin = officer('DUKCAPIL', ['AGENCY_ADMIN'], 'o2');
    expect(outcome(() => requireSessionUser(admin, session, 'call'))).toBe('403 forbidden');
  });

  it("is acted on and closed by its officer, its agency's admin or a mall admin", () => {
    for (const principal of [
      officer('DUKCAPIL', ['FRONT_DESK'], 'o1'),
      officer('DUKCAPIL', ['AGENCY_ADMIN'], 'o2'),
      mallAdmin,
    ])
      expect(outcome(() => requireSessionUser(principal, session, 'act'))).toBe('allowed');
  });

  it('is not there for anyone else, as a session nobody has', () => {
    for (const principal of [
      officer('DUKCAPIL', ['FRONT_DESK'], 'o3'),
      officer('PUPR', ['AGENCY_ADMIN'], 'o4'),
      applicant,
    ])
      expect(outcome(() => requireSessionUser(principal, session, 'act'))).toBe(
        '404 queue_session_not_found',
      );
  });
});
