import { ANONYMOUS, type Principal } from '@satupintu/contracts';
import { domainErrorOf } from '@satupintu/testing';
import { listApplications, ownerOf, type ListedApplication } from './list-applications';

const applicant: Principal = { kind: 'applicant', subject: 'a-1', roles: [], scopes: [] };
const portal: Principal = {
  kind: 'client',
  subject: 'c-1',
  clientId: 'oss-portal',
  roles: [],
  scopes: ['applications:submit', 'applications:read'],
};

function rows(n: number): ListedApplication[] {
  return Array.from({ length: n }, (_, i) => ({
    applicationId: `00000000-0000-4000-8000-00000000000${i}`,
    trackingNo: `TRACK000${i}`,
    serviceCode: 'DUKCAPIL-KK',
    agencyCode: 'DUKCAPIL',
    agencyTimeZone: 'Asia/Makassar',
    channel: 'WEB',
    submittedAt: new Date(Date.UTC(2026, 10, 23, 3, 0, 10 - i)),
  }));
}

describe('ownerOf', () => {
  it('lists an applicant’s own and a reading client’s own submissions', () => {
    expect(ownerOf(applicant)).toEqual({ applicantId: 'a-1' });
    expect(ownerOf(portal)).toEqual({ clientId: 'oss-portal' });
  });

  it.each([
    [
      'an officer',
      { kind: 'officer', subject: 'o', roles: ['VERIFIER'], agency: 'PUPR', scopes: [] },
      403,
    ],
    ['a client without applications:read', { ...portal, scopes: ['applications:submit'] }, 403],
    ['an anonymous caller', ANONYMOUS, 401],
  ] as [string, Principal, number][])('refuses %s', (_label, principal, status) => {
    let thrown: unknown;
    try {
      ownerOf(principal);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ status });
  });
});

describe('listApplications', () => {
  it('answers a page with a cursor when there is more, times in the agency’s zone', async () => {
    const asked: unknown[] = [];
    const page = await listApplications(
      applicant,
      { limit: 2 },
      {
        list: (owner, before, limit) => (
          asked.push({ owner, before, limit }),
          Promise.resolve(rows(3))
        ),
      },
    );
    expect(asked).toEqual([{ owner: { applicantId: 'a-1' }, before: undefined, limit: 3 }]);
    expect(page.items.map((item) => item.trackingNo)).toEqual(['TRACK0000', 'TRACK0001']);
    expect(page.items[0].submittedAt).toBe('2026-11-23T11:00:10.000+08:00');
    expect(page.nextCursor).toBeDefined();

    const next: unknown[] = [];
    await listApplications(
      applicant,
      { limit: 2, cursor: page.nextCursor },
      {
        list: (_owner, before) => (next.push(before), Promise.resolve([])),
      },
    );
    expect(next).toEqual([
      {
        submittedAt: '2026-11-23T03:00:09.000Z',
        applicationId: '00000000-0000-4000-8000-000000000001',
      },
    ]);
  });

  it('answers no cursor on the last page, and refuses a cursor it did not make', async () => {
    const page = await listApplications(
      applicant,
      { limit: 5 },
      { list: () => Promise.resolve(rows(2)) },
    );
    expect(page.nextCursor).toBeUndefined();
    const error = await domainErrorOf(
      listApplications(
        applicant,
        { limit: 5, cursor: 'bm9wZQ' },
        { list: () => Promise.resolve([]) },
      ),
    );
    expect([error.code, error.status]).toEqual(['invalid_cursor', 400]);
  });
});
