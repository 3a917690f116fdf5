import type { Principal } from '@satupintu/contracts';
import { domainErrorOf } from '@satupintu/testing';
import { encodeCursor } from '@satupintu/persistence';
import {
  type CaseChangesQuery,
  type ChangedCase,
  type ReadCasePorts,
  listCaseChanges,
  readCase,
} from './read-case';

const system: Principal = {
  kind: 'client',
  subject: 'sys',
  clientId: 'sys',
  roles: [],
  scopes: ['agency:DUKCAPIL:work'],
};
const otherSystem: Principal = { ...system, scopes: ['agency:PUPR:work'] };

const at = new Date('2026-11-23T03:45:12.123Z');
const aCase = (applicationId: string, changedXid: string): ChangedCase => ({
  applicationId,
  trackingNo: 'K7M39QX2C',
  serviceCode: 'DUKCAPIL-KK',
  status: 'VERIFYING',
  channel: 'WEB',
  timeZone: 'Asia/Jakarta',
  submittedAt: at,
  receivedAt: at,
  deadline: null,
  claimedBy: null,
  claimedUntil: null,
  sequence: 1,
  changedAt: at,
  changedXid,
});
const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

describe('listCaseChanges', () => {
  it('asks after the cursor for one more than a page, and answers where to go on', async () => {
    const asked: CaseChangesQuery[] = [];
    const page = await listCaseChanges(
      'DUKCAPIL',
      system,
      { limit: 1, after: encodeCursor(['900', A]), status: ['VERIFYING'] },
      {
        changes: (query) => {
          asked.push(query);
          return Promise.resolve([aCase(B, '901'), aCase(A, '902')]);
        },
      },
    );
    expect(asked).toEqual([
      { after: { xid: '900', applicationId: A }, statuses: ['VERIFYING'], limit: 2 },
    ]);
    expect(page).toEqual({
      agencyCode: 'DUKCAPIL',
      items: [
        expect.objectContaining({ applicationId: B, changedAt: '2026-11-23T10:45:12.123+07:00' }),
      ],
      cursor: encodeCursor(['901', B]),
      more: true,
    });
  });

  it('answers the cursor it was given when nothing is new, and a start cursor without one', async () => {
    const none = { changes: () => Promise.resolve([]) };
    const given = encodeCursor(['900', A]);
    expect(await listCaseChanges('DUKCAPIL', system, { limit: 5, after: given }, none)).toEqual({
      agencyCode: 'DUKCAPIL',
      items: [],
      cursor: given,
      more: false,
    });
    const first = await listCaseChanges('DUKCAPIL', system, { limit: 5 }, none);
    expect(first.cursor).toBe(encodeCursor(['0', '00000000-0000-0000-0000-000000000000']));
  });

  it.each([
    ['not a cursor', 'bm9wZQ'],
    ['a transaction id that is not a number', encodeCursor(['9x', A])],
    ['a case id that is not a UUID', encodeCursor(['900', 'a'])],
  ])('refuses %s', async (_what, after) => {
    const error = await domainErrorOf(
      listCaseChanges(
        'DUKCAPIL',
        system,
        { limit: 5, after },
        { changes: () => Promise.resolve([]) },
      ),
    );
    expect([error.status, error.code]).toEqual([400, 'invalid_cursor']);
  });

  it("refuses another agency's system before reading anything", async () => {
    const error = await domainErrorOf(
      listCaseChanges(
        'DUKCAPIL',
        otherSystem,
        { limit: 5 },
        {
          changes: () => Promise.reject(new Error('read')),
        },
      ),
    );
    expect(error.status).toBe(403);
  });
});

describe('readCase', () => {
  const ports = (found?: ChangedCase): ReadCasePorts => ({
    find: () => Promise.resolve(found),
    history: () =>
      Promise.resolve([
        {
          sequence: 1,
          action: 'START_VERIFICATION',
          from: 'SUBMITTED',
          to: 'VERIFYING',
          actorKind: 'system',
          actorRole: null,
          reason: null,
          requirements: null,
          at,
        },
      ]),
    payment: () =>
      Promise.resolve({ code: '880800123456789012', amount: 50_000, expiresAt: at, paidAt: null }),
    output: () => Promise.resolve(undefined),
  });

  it("answers the case in the agency's time zone, with its history and fee", async () => {
    const found = await readCase('DUKCAPIL', system, 'K7M39QX2C', ports(aCase(A, '900')));
    expect(found).toMatchObject({
      applicationId: A,
      changedAt: '2026-11-23T10:45:12.123+07:00',
      history: [{ sequence: 1, actorKind: 'system', at: '2026-11-23T10:45:12.123+07:00' }],
      payment: {
        code: '880800123456789012',
        currency: 'IDR',
        expiresAt: '2026-11-23T10:45:12.123+07:00',
      },
    });
    expect(found.history[0]).not.toHaveProperty('actorRole');
    expect(found.payment).not.toHaveProperty('paidAt');
    expect(found).not.toHaveProperty('output');
  });

  it('answers a number it has no case for as unknown, and refuses strangers first', async () => {
    const unknown = await domainErrorOf(readCase('DUKCAPIL', system, 'K7M39QX2C', ports()));
    expect([unknown.status, unknown.code]).toEqual([404, 'application_not_found']);
    const stranger = await domainErrorOf(readCase('DUKCAPIL', otherSystem, 'K7M39QX2C', ports()));
    expect(stranger.status).toBe(403);
  });
});
