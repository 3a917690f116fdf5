import type { Principal } from '@satupintu/contracts';
import { domainErrorOf } from '@satupintu/testing';
import {
  type CaseToCheck,
  checkHistory,
  checkHistoryFor,
  historyCheckAccess,
} from './check-history';
import { chainOf } from './transition-case.spec-helpers';

const NOW = new Date('2026-12-01T00:00:00.000Z');
const idOf = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function aCase(n: number): CaseToCheck {
  const records = chainOf(idOf(n), [
    ['SUBMITTED', 'VERIFYING', 'START_VERIFICATION'],
    ['VERIFYING', 'NEEDS_REVISION', 'REQUEST_REVISION'],
    ['NEEDS_REVISION', 'VERIFYING', 'RESUBMIT'],
  ]);
  return { applicationId: idOf(n), trackingNo: `TRACK${n}`, sequence: 3, records };
}

function pages(all: CaseToCheck[]) {
  return {
    cases: (after: string | undefined, limit: number) =>
      Promise.resolve(all.filter((c) => !after || c.applicationId > after).slice(0, limit)),
    now: () => NOW,
  };
}

const officer = (roles: Principal['roles'], agency?: string): Principal => ({
  kind: 'officer',
  subject: 'o',
  roles,
  ...(agency ? { agency } : {}),
  scopes: [],
});

describe('checkHistory', () => {
  it('counts intact cases and names each broken one, with its problem and where', async () => {
    const all = Array.from({ length: 450 }, (_, i) => aCase(i + 1));
    all[10].records[1] = { ...all[10].records[1], reason: 'edited afterwards' };
    all[20].records = [];
    all[20].sequence = 1;
    all[300].records = all[300].records.slice(0, 2);
    all[400].records = [all[400].records[0], all[400].records[2]];
    const result = await checkHistory('DUKCAPIL', pages(all));
    expect(result).toMatchObject({
      agencyCode: 'DUKCAPIL',
      checkedAt: NOW.toISOString(),
      cases: 450,
      records: 450 * 3 - 3 - 1 - 1,
      intact: 446,
    });
    expect(result.broken).toEqual([
      {
        applicationId: idOf(11),
        trackingNo: 'TRACK11',
        problem: 'hash_mismatch',
        sequence: 2,
        expectedSequence: 2,
      },
      {
        applicationId: idOf(21),
        trackingNo: 'TRACK21',
        problem: 'history_missing',
        sequence: 1,
        expectedSequence: 1,
      },
      {
        applicationId: idOf(301),
        trackingNo: 'TRACK301',
        problem: 'history_shorter_than_case',
        sequence: 2,
        expectedSequence: 3,
      },
      {
        applicationId: idOf(401),
        trackingNo: 'TRACK401',
        problem: 'sequence_gap',
        sequence: 3,
        expectedSequence: 2,
      },
    ]);
  });

  it("is for the agency's admin and mall admins only", async () => {
    expect(historyCheckAccess(officer(['AGENCY_ADMIN'], 'DUKCAPIL'), 'DUKCAPIL')).toBe('allowed');
    expect(historyCheckAccess(officer(['MALL_ADMIN']), 'DUKCAPIL')).toBe('allowed');
    expect(historyCheckAccess(officer(['AGENCY_ADMIN'], 'PUPR'), 'DUKCAPIL')).toBe('forbidden');
    expect(historyCheckAccess(officer(['APPROVER'], 'DUKCAPIL'), 'DUKCAPIL')).toBe('forbidden');
    const system: Principal = { kind: 'client', roles: [], scopes: ['agency:DUKCAPIL:work'] };
    expect(historyCheckAccess(system, 'DUKCAPIL')).toBe('forbidden');
    const refused = await domainErrorOf(
      checkHistoryFor('DUKCAPIL', { kind: 'anonymous', roles: [], scopes: [] }, pages([])),
    );
    expect([refused.status, refused.code]).toEqual([401, 'unauthenticated']);
  });
});
