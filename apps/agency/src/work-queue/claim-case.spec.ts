import type { Principal } from '@satupintu/contracts';
import { domainErrorOf } from '@satupintu/testing';
import { type ClaimableCase, claimCase, releaseCase } from './claim-case';

const NOW = new Date('2026-11-23T03:00:00.000Z');
const officer = (subject: string, roles: Principal['roles'] = ['VERIFIER']): Principal => ({
  kind: 'officer',
  subject,
  roles,
  agency: 'DUKCAPIL',
  scopes: [],
});

function ports(claim: { by: string; until: Date } | null) {
  const state: ClaimableCase = {
    applicationId: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
    trackingNo: 'K7M39QX2C',
    timeZone: 'Asia/Jakarta',
    claimedBy: claim?.by ?? null,
    claimedUntil: claim?.until ?? null,
  };
  return {
    state,
    lockCase: (trackingNo: string) =>
      Promise.resolve(trackingNo === state.trackingNo ? { ...state } : undefined),
    setClaim: (_id: string, next: { by: string; until: Date } | null) => {
      state.claimedBy = next?.by ?? null;
      state.claimedUntil = next?.until ?? null;
      return Promise.resolve();
    },
    now: () => NOW,
  };
}

const minutesAfter = (n: number) => new Date(NOW.getTime() + n * 60_000);

describe('claimCase and releaseCase', () => {
  it('claims a free case for 30 minutes, and extends its own claim', async () => {
    const fake = ports(null);
    expect(await claimCase('DUKCAPIL', officer('ani'), 'K7M39QX2C', 30, fake)).toEqual({
      agencyCode: 'DUKCAPIL',
      applicationId: fake.state.applicationId,
      trackingNo: 'K7M39QX2C',
      claimedBy: 'ani',
      claimedUntil: '2026-11-23T10:30:00.000+07:00',
    });
    const mine = ports({ by: 'ani', until: minutesAfter(5) });
    await claimCase('DUKCAPIL', officer('ani'), 'K7M39QX2C', 30, mine);
    expect(mine.state.claimedUntil).toEqual(minutesAfter(30));
  });

  it("refuses another's live claim naming who and until when; a lapsed one is taken over", async () => {
    const held = ports({ by: 'ani', until: minutesAfter(10) });
    const refused = await domainErrorOf(
      claimCase('DUKCAPIL', officer('budi'), 'K7M39QX2C', 30, held),
    );
    expect([refused.status, refused.code, refused.params]).toEqual([
      409,
      'case_claimed',
      { trackingNo: 'K7M39QX2C', holder: 'ani', until: '2026-11-23T10:10:00.000+07:00' },
    ]);
    const notReleased = await domainErrorOf(
      releaseCase('DUKCAPIL', officer('budi'), 'K7M39QX2C', held),
    );
    expect(notReleased.code).toBe('case_claimed');
    expect(held.state.claimedBy).toBe('ani');

    const lapsed = ports({ by: 'ani', until: NOW });
    await claimCase('DUKCAPIL', officer('budi'), 'K7M39QX2C', 30, lapsed);
    expect(lapsed.state.claimedBy).toBe('budi');
  });

  it('lets its holder release it; releasing a free case is done already', async () => {
    const held = ports({ by: 'ani', until: minutesAfter(10) });
    expect(await releaseCase('DUKCAPIL', officer('ani'), 'K7M39QX2C', held)).toEqual({
      released: true,
    });
    expect([held.state.claimedBy, held.state.claimedUntil]).toEqual([null, null]);
    expect(await releaseCase('DUKCAPIL', officer('ani'), 'K7M39QX2C', held)).toEqual({
      released: true,
    });
  });

  it('is for those who move cases: not a front desk, not another agency; unknown cases are 404', async () => {
    const fake = ports(null);
    const frontDesk = await domainErrorOf(
      claimCase('DUKCAPIL', officer('citra', ['FRONT_DESK']), 'K7M39QX2C', 30, fake),
    );
    expect([frontDesk.status, frontDesk.code]).toEqual([403, 'forbidden']);
    const stranger = await domainErrorOf(claimCase('PUPR', officer('ani'), 'K7M39QX2C', 30, fake));
    expect(stranger.status).toBe(403);
    const unknown = await domainErrorOf(
      claimCase('DUKCAPIL', officer('ani'), 'K7M39QX2D', 30, fake),
    );
    expect([unknown.status, unknown.code]).toEqual([404, 'application_not_found']);
  });
});
