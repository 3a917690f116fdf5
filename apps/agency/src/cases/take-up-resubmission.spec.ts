import type { ApplicationResubmittedV1, ApplicationStatusChangedV1 } from '@satupintu/contracts';
import { takeUpResubmission, type CaseStanding } from './take-up-resubmission';

const NOW = new Date('2026-11-24T12:30:00.000Z');
const RESUBMITTED: ApplicationResubmittedV1 = {
  applicationId: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
  trackingNo: 'K7M39QX2C',
  agencyCode: 'DUKCAPIL',
  fields: ['birthDate'],
  requirements: [],
  resubmittedAt: NOW.toISOString(),
};

function ports(standing: CaseStanding | undefined, accept = true) {
  const moved: ApplicationStatusChangedV1[] = [];
  return {
    moved,
    findCase: () => Promise.resolve(standing),
    moveCase: (change: ApplicationStatusChangedV1) => {
      moved.push(change);
      return Promise.resolve(accept);
    },
    now: () => NOW,
  };
}

describe('takeUpResubmission', () => {
  it('verifies a case it sent back again, on the shared timeline', async () => {
    const fake = ports({ status: 'NEEDS_REVISION', timeZone: 'Asia/Makassar' });
    const change: ApplicationStatusChangedV1 = {
      applicationId: RESUBMITTED.applicationId,
      trackingNo: 'K7M39QX2C',
      agencyCode: 'DUKCAPIL',
      agencyTimeZone: 'Asia/Makassar',
      from: 'NEEDS_REVISION',
      to: 'VERIFYING',
      reason: 'resubmitted',
      changedAt: NOW.toISOString(),
    };
    expect(await takeUpResubmission('DUKCAPIL', RESUBMITTED, fake)).toEqual({ taken: change });
    expect(fake.moved).toEqual([change]);
  });

  it('leaves a case it did not send back, or does not have, as it is', async () => {
    const verifying = ports({ status: 'VERIFYING', timeZone: 'Asia/Jakarta' });
    expect(await takeUpResubmission('DUKCAPIL', RESUBMITTED, verifying)).toEqual({
      ignored: 'VERIFYING',
    });
    expect(verifying.moved).toEqual([]);
    expect(await takeUpResubmission('DUKCAPIL', RESUBMITTED, ports(undefined))).toEqual({
      ignored: 'NO_CASE',
    });
    const raced = ports({ status: 'NEEDS_REVISION', timeZone: 'Asia/Jakarta' }, false);
    expect(await takeUpResubmission('DUKCAPIL', RESUBMITTED, raced)).toEqual({
      ignored: 'NEEDS_REVISION',
    });
  });

  it("refuses another agency's application", async () => {
    await expect(takeUpResubmission('PUPR', RESUBMITTED, ports(undefined))).rejects.toThrow(
      /belongs to DUKCAPIL/,
    );
  });
});
