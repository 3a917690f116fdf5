import type { ApplicationStatusChangedV1, ApplicationSubmittedV2 } from '@satupintu/contracts';
import { type CaseRecord, GENESIS_HASH, verifyChain, workingDayCalendar } from '@satupintu/domain';
import type { ServiceTerms } from './case-records';
import {
  receiveApplication,
  type NewCase,
  type ReceiveApplicationPorts,
} from './receive-application';

const NOW = new Date('2025-11-23T04:00:00.000Z');

const SUBMITTED: ApplicationSubmittedV2 = {
  applicationId: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
  trackingNo: 'K7M39QX2C',
  serviceCode: 'DUKCAPIL-KK',
  agencyCode: 'DUKCAPIL',
  agencyTimeZone: 'Asia/Jakarta',
  channel: 'COUNTER',
  submittedAt: '2025-11-23T03:00:00.000Z',
};

interface Call {
  newCase: NewCase;
  record: CaseRecord;
  change: ApplicationStatusChangedV1;
}

const KK_TERMS: ServiceTerms = {
  timeLimit: { value: 1, unit: 'WORKING_DAYS' },
  feeApplies: false,
  categories: [],
  kbliFields: [],
  requiresNib: false,
  requirements: ['headName', 'KK'],
};

function fakePorts(
  alreadyThere = false,
  terms: ServiceTerms | null = KK_TERMS,
): ReceiveApplicationPorts & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    addCase: (newCase, record, change) => {
      calls.push({ newCase, record, change });
      return Promise.resolve(!alreadyThere);
    },
    terms: () => Promise.resolve(terms ?? undefined),
    calendar: () => workingDayCalendar([]),
    now: () => NOW,
  };
}

describe('receiveApplication', () => {
  const expectedChange: ApplicationStatusChangedV1 = {
    applicationId: SUBMITTED.applicationId,
    trackingNo: 'K7M39QX2C',
    agencyCode: 'DUKCAPIL',
    agencyTimeZone: 'Asia/Jakarta',
    from: 'SUBMITTED',
    to: 'VERIFYING',
    changedAt: '2025-11-23T04:00:00.000Z',
    sequence: 1,
    // Sunday 23 November 2025 (no day off in this calendar): one working day is Monday's.
    deadline: '2025-11-25T00:00:00.000+07:00',
  };

  it('opens a case in VERIFYING and answers with the status change', async () => {
    const ports = fakePorts();
    const change = await receiveApplication('DUKCAPIL', SUBMITTED, ports);
    expect(change).toEqual(expectedChange);
    expect(ports.calls).toHaveLength(1);
    expect(ports.calls[0].change).toEqual(expectedChange);
  });

  it("writes record 1 of the case's history: SUBMITTED → VERIFYING by the agency's process", async () => {
    const ports = fakePorts();
    await receiveApplication('DUKCAPIL', SUBMITTED, ports);
    const { record } = ports.calls[0];
    expect(record).toMatchObject({
      applicationId: SUBMITTED.applicationId,
      sequence: 1,
      from: 'SUBMITTED',
      to: 'VERIFYING',
      action: 'START_VERIFICATION',
      actor: { kind: 'system' },
      at: '2025-11-23T11:00:00.000+07:00',
      deadline: '2025-11-25T00:00:00.000+07:00',
      previousHash: GENESIS_HASH,
    });
    expect(verifyChain([record]).ok).toBe(true);
  });

  it('opens a case without a deadline when the agency states no standard for the service', async () => {
    const ports = fakePorts(false, null);
    const change = await receiveApplication('DUKCAPIL', SUBMITTED, ports);
    expect(change).not.toHaveProperty('deadline');
    expect(ports.calls[0].record).not.toHaveProperty('deadline');
    expect(change?.sequence).toBe(1);
  });

  it('copies the application into the new case', async () => {
    const ports = fakePorts();
    await receiveApplication('DUKCAPIL', SUBMITTED, ports);
    expect(ports.calls[0].newCase).toEqual({
      applicationId: SUBMITTED.applicationId,
      trackingNo: 'K7M39QX2C',
      serviceCode: 'DUKCAPIL-KK',
      channel: 'COUNTER',
      timeZone: 'Asia/Jakarta',
      submittedAt: '2025-11-23T03:00:00.000Z',
    });
  });

  it('stamps the change with the current time, not the submission time', async () => {
    const change = await receiveApplication('DUKCAPIL', SUBMITTED, fakePorts());
    expect(change?.changedAt).toBe(NOW.toISOString());
  });

  it('has no reason on the change', async () => {
    const change = await receiveApplication('DUKCAPIL', SUBMITTED, fakePorts());
    expect(change).not.toHaveProperty('reason');
  });

  it('answers undefined when the agency already has the case', async () => {
    const ports = fakePorts(true);
    expect(await receiveApplication('DUKCAPIL', SUBMITTED, ports)).toBeUndefined();
    expect(ports.calls).toHaveLength(1);
  });

  it('refuses an application for another agency without opening a case', async () => {
    const ports = fakePorts();
    await expect(receiveApplication('BPN', SUBMITTED, ports)).rejects.toThrow(
      `application ${SUBMITTED.applicationId} belongs to DUKCAPIL, not BPN`,
    );
    expect(ports.calls).toEqual([]);
  });

  it('compares agency codes exactly', async () => {
    const ports = fakePorts();
    await expect(receiveApplication('dukcapil', SUBMITTED, ports)).rejects.toThrow(/belongs to/);
    expect(ports.calls).toEqual([]);
  });
});
