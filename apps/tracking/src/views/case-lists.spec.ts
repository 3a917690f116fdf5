import type { Principal } from '@satupintu/contracts';
import { domainErrorOf } from '@satupintu/testing';
import {
  listMyBundles,
  listMyCases,
  listTrackedCases,
  riskOf,
  type CaseListPorts,
  type CaseRow,
} from './case-lists';

const NOW = new Date('2026-11-25T03:00:00.000Z');
const hours = (n: number) => new Date(NOW.getTime() + n * 3_600_000);

const siti: Principal = {
  kind: 'applicant',
  subject: 'b5a0c9d2-0000-4000-8000-000000000001',
  roles: [],
  scopes: [],
};
const officer = (agency: string, roles: string[]): Principal =>
  ({ kind: 'officer', subject: 'o-1', agency, roles, scopes: [] }) as unknown as Principal;

function row(overrides: Partial<CaseRow> = {}): CaseRow {
  return {
    applicationId: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
    trackingNo: 'K7M39QX2C',
    serviceCode: 'DUKCAPIL-KK',
    agencyCode: 'DUKCAPIL',
    agencyTimeZone: 'Asia/Jakarta',
    channel: 'WEB',
    status: 'VERIFYING',
    submittedAt: new Date('2026-11-23T03:45:12.123Z'),
    changedAt: new Date('2026-11-23T03:45:12.480Z'),
    deadline: new Date('2026-11-26T03:45:12.480Z'),
    atRiskFrom: new Date('2026-11-25T09:45:12.480Z'),
    revisions: 0,
    bundleCaseId: null,
    stepKey: null,
    reason: null,
    payment: null,
    ...overrides,
  };
}

/** Ports that answer with fixed rows and keep what they were asked. */
function ports(rows: CaseRow[]) {
  const asked: unknown[][] = [];
  const answer: CaseListPorts = {
    mine: (...args) => (asked.push(args), Promise.resolve(rows)),
    ofAgency: (...args) => (asked.push(args), Promise.resolve(rows)),
    myBundles: (...args) => (
      asked.push(args),
      Promise.resolve([{ bundleCaseId: 'bundle-1', startedAt: rows[0].submittedAt, steps: rows }])
    ),
  };
  return { asked, answer };
}

describe('riskOf: how a case stands against its deadline now', () => {
  it('is on track before its at-risk instant, at risk from it, overdue from its deadline', () => {
    const running = { atRiskFrom: hours(1), deadline: hours(5) };
    expect(riskOf(running, NOW)).toBe('ON_TRACK');
    expect(riskOf({ ...running, atRiskFrom: NOW }, NOW)).toBe('AT_RISK');
    expect(riskOf({ atRiskFrom: hours(-5), deadline: NOW }, NOW)).toBe('OVERDUE');
  });

  it('is neither while the clock does not run (waiting on the applicant, finished, no limit)', () => {
    expect(riskOf({ atRiskFrom: null, deadline: hours(-1) }, NOW)).toBeUndefined();
    expect(riskOf({ atRiskFrom: null, deadline: null }, NOW)).toBeUndefined();
  });
});

describe("listMyCases: the applicant's own cases", () => {
  it('answers in the agency’s time zone, with what is expected and the bundle step', async () => {
    const { asked, answer } = ports([
      row({
        status: 'NEEDS_REVISION',
        reason: 'Foto KTP tidak terbaca',
        bundleCaseId: 'b-1',
        stepKey: 'kk',
      }),
    ]);
    const page = await listMyCases(
      siti,
      { limit: 20, open: true, status: ['NEEDS_REVISION'] },
      answer,
    );
    expect(asked).toEqual([
      [siti.subject, { statuses: ['NEEDS_REVISION'], open: true }, undefined, 21],
    ]);
    expect(page).toEqual({
      items: [
        {
          applicationId: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
          trackingNo: 'K7M39QX2C',
          serviceCode: 'DUKCAPIL-KK',
          agencyCode: 'DUKCAPIL',
          channel: 'WEB',
          status: 'NEEDS_REVISION',
          submittedAt: '2026-11-23T10:45:12.123+07:00',
          changedAt: '2026-11-23T10:45:12.480+07:00',
          deadline: '2026-11-26T10:45:12.480+07:00',
          paused: true,
          bundle: { bundleCaseId: 'b-1', stepKey: 'kk' },
          expected: { action: 'REVISE', reason: 'Foto KTP tidak terbaca' },
        },
      ],
    });
  });

  it('gives a cursor after a full page, and starts the next page strictly after it', async () => {
    const older = row({ applicationId: '00000000-0000-4000-8000-000000000002' });
    const { answer } = ports([row(), older]);
    const first = await listMyCases(siti, { limit: 1 }, answer);
    expect(first.items).toHaveLength(1);
    const { asked, answer: again } = ports([older]);
    await listMyCases(siti, { limit: 1, cursor: first.nextCursor }, again);
    expect(asked[0][2]).toEqual({
      submittedAt: '2026-11-23T03:45:12.123Z',
      id: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
    });
  });

  it('refuses a cursor it did not make, an officer, and an anonymous caller', async () => {
    const { answer } = ports([]);
    expect(
      (await domainErrorOf(listMyCases(siti, { limit: 1, cursor: 'bm9wZQ' }, answer))).code,
    ).toBe('invalid_cursor');
    expect(
      (await domainErrorOf(listMyCases(officer('DUKCAPIL', ['MALL_ADMIN']), { limit: 1 }, answer)))
        .status,
    ).toBe(403);
    const anonymous = { kind: 'anonymous', roles: [], scopes: [] } as unknown as Principal;
    expect((await domainErrorOf(listMyBundles(anonymous, { limit: 1 }, answer))).status).toBe(401);
  });
});

describe("listMyBundles: the applicant's bundles", () => {
  it('is open while a step is not finished', async () => {
    const steps = [
      row({ status: 'ISSUED', bundleCaseId: 'bundle-1', stepKey: 'akta', atRiskFrom: null }),
      row({
        applicationId: '00000000-0000-4000-8000-000000000002',
        bundleCaseId: 'bundle-1',
        stepKey: 'kk',
      }),
    ];
    const page = await listMyBundles(siti, { limit: 5 }, ports(steps).answer);
    expect(
      page.items.map((b) => [b.bundleCaseId, b.open, b.steps.map((s) => s.expected.action)]),
    ).toEqual([['bundle-1', true, ['COLLECT', 'NONE']]]);
    const done = await listMyBundles(siti, { limit: 5 }, ports([steps[0]]).answer);
    expect(done.items[0].open).toBe(false);
  });
});

describe("listTrackedCases: one agency's cases", () => {
  it('lets its officers and the mall admin see them, with the risk judged now', async () => {
    for (const who of [officer('DUKCAPIL', ['FRONT_DESK']), officer('MPP', ['MALL_ADMIN'])]) {
      const { asked, answer } = ports([row({ atRiskFrom: hours(-1), revisions: 2 })]);
      const page = await listTrackedCases(
        who,
        { agencyCode: 'DUKCAPIL', limit: 10, risk: 'AT_RISK' },
        NOW,
        answer,
      );
      expect(asked[0]).toEqual(['DUKCAPIL', { risk: 'AT_RISK', now: NOW }, undefined, 11]);
      expect(page.items[0]).toMatchObject({
        risk: 'AT_RISK',
        atRiskFrom: '2026-11-25T09:00:00.000+07:00',
        revisions: 2,
      });
      expect(page.items[0]).not.toHaveProperty('expected');
    }
  });

  it("refuses another agency's officer and an applicant", async () => {
    const { asked, answer } = ports([row()]);
    for (const who of [officer('PUPR', ['VERIFIER']), siti])
      expect(
        (
          await domainErrorOf(
            listTrackedCases(who, { agencyCode: 'DUKCAPIL', limit: 10 }, NOW, answer),
          )
        ).code,
      ).toBe('forbidden');
    expect(asked).toEqual([]);
  });
});
