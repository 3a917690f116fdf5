import type { ApplicationResubmittedV1, ApplicationStatusChangedV1 } from '@satupintu/contracts';
import { type CaseRecord, verifyChain } from '@satupintu/domain';
import { takeUpResubmission } from './take-up-resubmission';
import type { LockedCase } from './transition-case';
import { chainOf, takeUpPorts } from './transition-case.spec-helpers';

const NOW = new Date('2026-11-24T12:30:00.000Z');
const RESUBMITTED: ApplicationResubmittedV1 = {
  applicationId: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
  trackingNo: 'K7M39QX2C',
  agencyCode: 'DUKCAPIL',
  fields: ['birthDate'],
  requirements: [],
  resubmittedAt: NOW.toISOString(),
};

const lockedIn = (status: LockedCase['status']): LockedCase => ({
  applicationId: RESUBMITTED.applicationId,
  trackingNo: 'K7M39QX2C',
  serviceCode: 'DUKCAPIL-KK',
  status,
  timeZone: 'Asia/Makassar',
});

const ports = (locked: LockedCase | undefined, history: CaseRecord[]) =>
  takeUpPorts(locked, history, NOW);

describe('takeUpResubmission', () => {
  const sentBack = chainOf(RESUBMITTED.applicationId, [
    ['SUBMITTED', 'VERIFYING', 'START_VERIFICATION'],
    ['VERIFYING', 'NEEDS_REVISION', 'REQUEST_REVISION'],
  ]);

  it('verifies a case it sent back again: the next record, on the shared timeline', async () => {
    const fake = ports(lockedIn('NEEDS_REVISION'), sentBack);
    const change: ApplicationStatusChangedV1 = {
      applicationId: RESUBMITTED.applicationId,
      trackingNo: 'K7M39QX2C',
      agencyCode: 'DUKCAPIL',
      agencyTimeZone: 'Asia/Makassar',
      from: 'NEEDS_REVISION',
      to: 'VERIFYING',
      reason: 'resubmitted',
      changedAt: NOW.toISOString(),
      sequence: 3,
    };
    expect(await takeUpResubmission('DUKCAPIL', RESUBMITTED, fake)).toEqual({ taken: change });
    expect(fake.moved).toHaveLength(1);
    expect(fake.moved[0].change).toEqual(change);
    expect(fake.moved[0].record).toMatchObject({
      sequence: 3,
      action: 'RESUBMIT',
      actor: { kind: 'system' },
      at: '2026-11-24T20:30:00.000+08:00',
    });
    expect(verifyChain([...sentBack, fake.moved[0].record]).ok).toBe(true);
  });

  it('leaves a case it did not send back, or does not have, as it is', async () => {
    const verifying = ports(lockedIn('VERIFYING'), sentBack.slice(0, 1));
    expect(await takeUpResubmission('DUKCAPIL', RESUBMITTED, verifying)).toEqual({
      ignored: 'VERIFYING',
    });
    expect(verifying.moved).toEqual([]);
    expect(await takeUpResubmission('DUKCAPIL', RESUBMITTED, ports(undefined, []))).toEqual({
      ignored: 'NO_CASE',
    });
  });

  it("refuses another agency's application", async () => {
    await expect(takeUpResubmission('PUPR', RESUBMITTED, ports(undefined, []))).rejects.toThrow(
      /belongs to DUKCAPIL/,
    );
  });
});
