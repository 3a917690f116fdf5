import type { Principal } from '@satupintu/contracts';
import { domainErrorOf } from '@satupintu/testing';
import { decodeCursor, encodeCursor } from '@satupintu/persistence';
import { type ListedCase, type WorkQueueQuery, listWorkQueue } from './list-work-queue';

const system: Principal = {
  kind: 'client',
  subject: 'sys',
  clientId: 'sys',
  roles: [],
  scopes: ['agency:DUKCAPIL:work'],
};
const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const aCase = (applicationId: string, submittedAt: string): ListedCase => ({
  applicationId,
  trackingNo: 'K7M39QX2C',
  serviceCode: 'DUKCAPIL-KK',
  status: 'VERIFYING',
  channel: 'WEB',
  timeZone: 'Asia/Jakarta',
  submittedAt: new Date(submittedAt),
  receivedAt: new Date(submittedAt),
  deadline: null,
  claimedBy: null,
  claimedUntil: null,
  cursorKey: { deadline: null, submittedAt },
});

describe('listWorkQueue', () => {
  it('carries the last row’s instants to the microsecond into the next cursor, and back', async () => {
    const asked: WorkQueueQuery[] = [];
    const cases = (query: WorkQueueQuery) => {
      asked.push(query);
      return Promise.resolve([
        aCase(A, '2026-11-23T03:45:12.123456+00:00'),
        aCase(B, '2026-11-23T03:45:12.123457+00:00'),
      ]);
    };
    const page = await listWorkQueue('DUKCAPIL', system, { limit: 1 }, { cases });
    expect(page.items.map((item) => item.applicationId)).toEqual([A]);
    expect(decodeCursor(page.nextCursor!, ['string', 'string', 'string'])).toEqual([
      '',
      '2026-11-23T03:45:12.123456+00:00',
      A,
    ]);
    await listWorkQueue('DUKCAPIL', system, { limit: 1, cursor: page.nextCursor }, { cases });
    expect(asked[1].after).toEqual({
      deadline: null,
      submittedAt: '2026-11-23T03:45:12.123456+00:00',
      applicationId: A,
    });
  });

  it.each([
    ['not an instant', ['', 'yesterday', A]],
    ['a deadline that is not an instant', ['soon', '2026-11-23T03:45:12Z', A]],
    ['not an id', ['', '2026-11-23T03:45:12Z', 'x']],
  ])('refuses a cursor whose key is %s, before asking the database', async (_what, key) => {
    let asked = false;
    const error = await domainErrorOf(
      listWorkQueue(
        'DUKCAPIL',
        system,
        { limit: 1, cursor: encodeCursor(key) },
        {
          cases: () => {
            asked = true;
            return Promise.resolve([]);
          },
        },
      ),
    );
    expect(error).toMatchObject({ code: 'invalid_cursor', status: 400 });
    expect(asked).toBe(false);
  });
});
