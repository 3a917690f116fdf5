import type { ApplicationStatusChangedV1, ApplicationSubmittedV2 } from '@satupintu/contracts';
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
  status: 'VERIFYING';
  change: ApplicationStatusChangedV1;
}

function fakePorts(alreadyThere = false): ReceiveApplicationPorts & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    addCase: (newCase, status, change) => {
      calls.push({ newCase, status, change });
      return Promise.resolve(!alreadyThere);
    },
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
  };

  it('opens a case in VERIFYING and answers with the status change', async () => {
    const ports = fakePorts();
    const change = await receiveApplication('DUKCAPIL', SUBMITTED, ports);
    expect(change).toEqual(expectedChange);
    expect(ports.calls).toHaveLength(1);
    expect(ports.calls[0].status).toBe('VERIFYING');
    expect(ports.calls[0].change).toEqual(expectedChange);
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
