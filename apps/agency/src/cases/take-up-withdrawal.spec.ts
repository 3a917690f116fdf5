import type { ApplicationCancelledV1, ApplicationWithdrawnV1 } from '@satupintu/contracts';
import { type CaseRecord, canTransition, verifyChain } from '@satupintu/domain';
import { takeUpCancellation, takeUpWithdrawal } from './take-up-withdrawal';
import type { LockedCase } from './transition-case';
import { chainOf, takeUpPorts } from './transition-case.spec-helpers';

const NOW = new Date('2026-11-24T12:30:00.000Z');
const APPLICATION_ID = '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b';
const WITHDRAWN: ApplicationWithdrawnV1 = {
  applicationId: APPLICATION_ID,
  trackingNo: 'K7M39QX2C',
  agencyCode: 'DUKCAPIL',
  withdrawnAt: NOW.toISOString(),
};
const CANCELLED: ApplicationCancelledV1 = {
  applicationId: APPLICATION_ID,
  trackingNo: 'K7M39QX2C',
  agencyCode: 'DUKCAPIL',
  cause: 'BUNDLE_FAILED',
  bundleCaseId: '0b7e3f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
  failedStep: 'akta',
  cancelledAt: NOW.toISOString(),
};

const lockedIn = (status: LockedCase['status']): LockedCase => ({
  applicationId: APPLICATION_ID,
  trackingNo: 'K7M39QX2C',
  serviceCode: 'DUKCAPIL-KK',
  status,
  timeZone: 'Asia/Jakarta',
});

const ports = (locked: LockedCase | undefined, history: CaseRecord[]) =>
  takeUpPorts(locked, history, NOW);

type Step = Parameters<typeof chainOf>[1][number];
const START: Step = ['SUBMITTED', 'VERIFYING', 'START_VERIFICATION'];
/** A history that ends in each status, the way the workflow gets there. */
const PATHS: Record<Exclude<LockedCase['status'], 'SUBMITTED'>, Step[]> = {
  VERIFYING: [START],
  NEEDS_REVISION: [START, ['VERIFYING', 'NEEDS_REVISION', 'REQUEST_REVISION']],
  AWAITING_PAYMENT: [START, ['VERIFYING', 'AWAITING_PAYMENT', 'COMPLETE_VERIFICATION']],
  IN_REVIEW: [START, ['VERIFYING', 'IN_REVIEW', 'COMPLETE_VERIFICATION']],
  APPROVED: [
    START,
    ['VERIFYING', 'IN_REVIEW', 'COMPLETE_VERIFICATION'],
    ['IN_REVIEW', 'APPROVED', 'APPROVE'],
  ],
  ISSUED: [
    START,
    ['VERIFYING', 'IN_REVIEW', 'COMPLETE_VERIFICATION'],
    ['IN_REVIEW', 'APPROVED', 'APPROVE'],
    ['APPROVED', 'ISSUED', 'ISSUE'],
  ],
  REJECTED: [START, ['VERIFYING', 'REJECTED', 'REJECT']],
  WITHDRAWN: [START, ['VERIFYING', 'WITHDRAWN', 'WITHDRAW']],
};
const verifying = chainOf(APPLICATION_ID, PATHS.VERIFYING);

describe('takeUpWithdrawal', () => {
  it('stops an undecided case: WITHDRAWN, recorded as the agency relaying the applicant', async () => {
    const fake = ports(lockedIn('VERIFYING'), verifying);
    const outcome = await takeUpWithdrawal('DUKCAPIL', WITHDRAWN, fake);
    expect(outcome).toMatchObject({ taken: { from: 'VERIFYING', to: 'WITHDRAWN', sequence: 2 } });
    expect(fake.moved[0].record).toMatchObject({
      sequence: 2,
      action: 'WITHDRAW',
      actor: { kind: 'system' },
      reason: 'withdrawn by the applicant',
    });
    expect(verifyChain([...verifying, fake.moved[0].record]).ok).toBe(true);
  });

  it.each(Object.keys(PATHS) as (keyof typeof PATHS)[])(
    'from %s: moves exactly when the status vocabulary lets a case be withdrawn',
    async (status) => {
      const fake = ports(lockedIn(status), chainOf(APPLICATION_ID, PATHS[status]));
      const outcome = await takeUpWithdrawal('DUKCAPIL', WITHDRAWN, fake);
      if (canTransition(status, 'WITHDRAWN')) expect(outcome).toHaveProperty('taken');
      else {
        expect(outcome).toEqual({ ignored: status });
        expect(fake.moved).toEqual([]);
      }
    },
  );

  it('leaves a case it does not have, and refuses another agency’s', async () => {
    expect(await takeUpWithdrawal('DUKCAPIL', WITHDRAWN, ports(undefined, []))).toEqual({
      ignored: 'NO_CASE',
    });
    await expect(takeUpWithdrawal('PUPR', WITHDRAWN, ports(undefined, []))).rejects.toThrow(
      /belongs to DUKCAPIL/,
    );
  });
});

describe('takeUpCancellation', () => {
  it('stops a step of a failed bundle, naming the step that failed', async () => {
    const fake = ports(lockedIn('VERIFYING'), verifying);
    expect(await takeUpCancellation('DUKCAPIL', CANCELLED, fake)).toHaveProperty('taken');
    expect(fake.moved[0].record).toMatchObject({
      to: 'WITHDRAWN',
      action: 'WITHDRAW',
      reason: 'bundle failed at step akta',
    });
  });

  it('leaves a step already decided as it is', async () => {
    const fake = ports(lockedIn('ISSUED'), chainOf(APPLICATION_ID, PATHS.ISSUED));
    expect(await takeUpCancellation('DUKCAPIL', CANCELLED, fake)).toEqual({ ignored: 'ISSUED' });
    expect(fake.moved).toEqual([]);
  });
});
