import { ANONYMOUS, type Principal } from '@satupintu/contracts';
import { agencyChangedEvent, changeAgency, newAgency, requireAgencyManager } from './agency';

const officer = (roles: Principal['roles'], agency?: string): Principal => ({
  kind: 'officer',
  subject: 'o-1',
  roles,
  ...(agency ? { agency } : {}),
  scopes: [],
});

describe('agencies', () => {
  it('are managed by mall admins only', () => {
    expect(() => requireAgencyManager(officer(['MALL_ADMIN']))).not.toThrow();
    expect(() => requireAgencyManager(officer(['AGENCY_ADMIN'], 'DUKCAPIL'))).toThrow('forbidden');
    expect(() => requireAgencyManager(officer(['SURVEY_ANALYST']))).toThrow('forbidden');
    expect(() =>
      requireAgencyManager({ kind: 'applicant', subject: 'a', roles: [], scopes: [] }),
    ).toThrow('forbidden');
    expect(() => requireAgencyManager(ANONYMOUS)).toThrow('unauthenticated');
  });

  const bpjs = newAgency({ code: 'BPJS', name: ' BPJS Kesehatan ', timeZone: 'Asia/Jakarta' });

  it('start active at version 1', () => {
    expect(bpjs).toEqual({
      code: 'BPJS',
      name: 'BPJS Kesehatan',
      timeZone: 'Asia/Jakarta',
      active: true,
      version: 1,
    });
  });

  it('get a new version with every change, and none without one', () => {
    const moved = changeAgency(bpjs, { code: 'BPJS', timeZone: 'Asia/Makassar' });
    expect([moved.changed, moved.next.timeZone, moved.next.version]).toEqual([
      true,
      'Asia/Makassar',
      2,
    ]);
    const same = changeAgency(bpjs, { code: 'BPJS', name: 'BPJS Kesehatan', active: true });
    expect([same.changed, same.next.version]).toEqual([false, 1]);
    expect(() => changeAgency(bpjs, { code: 'BPJS' })).toThrow('validation_failed');
  });

  it('are published with their version', () => {
    expect(agencyChangedEvent(bpjs, new Date(0))).toEqual({
      code: 'BPJS',
      name: 'BPJS Kesehatan',
      timeZone: 'Asia/Jakarta',
      active: true,
      version: 1,
      changedAt: '1970-01-01T00:00:00.000Z',
    });
  });
});
