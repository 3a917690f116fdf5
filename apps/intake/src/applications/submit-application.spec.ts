import { DomainError } from '@satupintu/common';
import type { ApplicationSubmittedV2, SubmitApplicationV1 } from '@satupintu/contracts';
import { regionIndexOf } from '@satupintu/domain';
import { domainErrorOf } from '@satupintu/testing';
import {
  submitApplication,
  type NewApplication,
  type SubmitApplicationPorts,
} from './submit-application';

// 32.01.01, day 45 (a woman born on the 5th), June, '90, serial 0001.
const NIK = '3201014506900001';
const NOW = new Date('2025-11-23T03:00:00.000Z');
const ID = '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b';

const CATALOG: Record<string, { code: string; agencyCode: string; agencyTimeZone: string }> = {
  'DUKCAPIL-KK': { code: 'DUKCAPIL-KK', agencyCode: 'DUKCAPIL', agencyTimeZone: 'Asia/Jakarta' },
};

interface Fake extends SubmitApplicationPorts {
  added: NewApplication[];
  events: ApplicationSubmittedV2[];
  lookedUp: string[];
  idsMade: number;
}

/** Plain fake ports: `accept` says, per call to add, whether the tracking number is free. */
function fakePorts(accept: boolean[] = [true]): Fake {
  const trackingNos = [
    'TRACK0001',
    'TRACK0002',
    'TRACK0003',
    'TRACK0004',
    'TRACK0005',
    'TRACK0006',
  ];
  let next = 0;
  const ports: Fake = {
    added: [],
    events: [],
    lookedUp: [],
    idsMade: 0,
    regions: regionIndexOf(['32.01.01']),
    findService: (code) => {
      ports.lookedUp.push(code);
      return Promise.resolve(CATALOG[code]);
    },
    add: (application, event) => {
      ports.added.push(structuredClone(application));
      ports.events.push(structuredClone(event));
      return Promise.resolve(accept[ports.added.length - 1] ?? false);
    },
    newId: () => {
      ports.idsMade++;
      return ID;
    },
    newTrackingNo: () => trackingNos[next++],
    now: () => NOW,
  };
  return ports;
}

function input(overrides: Partial<SubmitApplicationV1> = {}): SubmitApplicationV1 {
  return {
    serviceCode: 'DUKCAPIL-KK',
    applicant: { nik: NIK, name: 'Siti Rahayu' },
    ...overrides,
  };
}

describe('submitApplication', () => {
  it('answers with a receipt for a valid application', async () => {
    const ports = fakePorts();
    const receipt = await submitApplication(input(), ports);
    expect(receipt).toEqual({
      applicationId: ID,
      trackingNo: 'TRACK0001',
      status: 'SUBMITTED',
      serviceCode: 'DUKCAPIL-KK',
      agencyCode: 'DUKCAPIL',
      channel: 'WEB',
      // The receipt is for people: in the agency's time zone (WIB).
      submittedAt: '2025-11-23T10:00:00.000+07:00',
    });
  });

  it('stores the submitted event for the owning agency', async () => {
    const ports = fakePorts();
    await submitApplication(input(), ports);
    expect(ports.added).toEqual([
      {
        applicationId: ID,
        trackingNo: 'TRACK0001',
        serviceCode: 'DUKCAPIL-KK',
        agencyCode: 'DUKCAPIL',
        agencyTimeZone: 'Asia/Jakarta',
        channel: 'WEB',
        applicant: { nik: NIK, name: 'Siti Rahayu' },
        submittedAt: '2025-11-23T03:00:00.000Z',
      },
    ]);
  });

  it('defaults the channel to WEB and keeps a given one', async () => {
    const web = fakePorts();
    await submitApplication(input(), web);
    expect(web.added[0].channel).toBe('WEB');

    const kiosk = fakePorts();
    const receipt = await submitApplication(input({ channel: 'KIOSK' }), kiosk);
    expect(kiosk.added[0].channel).toBe('KIOSK');
    expect(receipt.channel).toBe('KIOSK');
  });

  it('tells the agency which application, never who applied', async () => {
    const ports = fakePorts();
    await submitApplication(
      input({ applicant: { nik: NIK, name: 'Siti Rahayu', birthDate: '1990-06-05' } }),
      ports,
    );
    const { applicant, ...facts } = ports.added[0];
    expect(applicant).toEqual({ nik: NIK, name: 'Siti Rahayu', birthDate: '1990-06-05' });
    expect(ports.events).toEqual([facts]);
    expect(JSON.stringify(ports.events[0])).not.toMatch(/3201014506900001|Siti|1990-06-05/);
  });

  it('trims the applicant name', async () => {
    const ports = fakePorts();
    await submitApplication(input({ applicant: { nik: NIK, name: '  Siti Rahayu \t' } }), ports);
    expect(ports.added[0].applicant.name).toBe('Siti Rahayu');
  });

  it('stores the NIK without surrounding whitespace', async () => {
    const ports = fakePorts();
    await submitApplication(input({ applicant: { nik: ` ${NIK} `, name: 'Siti' } }), ports);
    expect(ports.added[0].applicant.nik).toBe(NIK);
  });

  it('includes the birth date only when it is given', async () => {
    const without = fakePorts();
    await submitApplication(input(), without);
    expect(without.added[0].applicant).not.toHaveProperty('birthDate');

    const withDate = fakePorts();
    const applicant = { nik: NIK, name: 'Siti', birthDate: '1990-06-05' };
    await submitApplication(input({ applicant }), withDate);
    expect(withDate.added[0].applicant.birthDate).toBe('1990-06-05');
  });

  it('refuses a NIK whose birth date differs from the stated one', async () => {
    const ports = fakePorts();
    const applicant = { nik: NIK, name: 'Siti', birthDate: '1990-06-06' };
    const error = await domainErrorOf(submitApplication(input({ applicant }), ports));
    expect(error.errors).toEqual([{ field: 'applicant.nik', code: 'nik_birth_date_mismatch' }]);
    expect(ports.added).toEqual([]);
  });

  it.each([
    ['nik_format', '32010145069000'],
    ['nik_region', '3202014506900001'],
    ['nik_birth_date', '3201017306900001'],
    ['nik_serial', '3201014506900000'],
  ])('refuses a NIK with %s as a 422 on applicant.nik', async (problem, nik) => {
    const ports = fakePorts();
    const error = await domainErrorOf(
      submitApplication(input({ applicant: { nik, name: 'S' } }), ports),
    );
    expect(error.status).toBe(422);
    expect(error.code).toBe('unprocessable');
    expect(error.errors).toEqual([{ field: 'applicant.nik', code: problem }]);
    expect(ports.added).toEqual([]);
  });

  it('refuses a service that is not in the catalog, naming it', async () => {
    const ports = fakePorts();
    const error = await domainErrorOf(submitApplication(input({ serviceCode: 'NOPE-1' }), ports));
    expect(error.status).toBe(422);
    expect(error.errors).toEqual([
      { field: 'serviceCode', code: 'unknown_service', params: { serviceCode: 'NOPE-1' } },
    ]);
    expect(ports.added).toEqual([]);
  });

  it('reports a NIK problem and an unknown service together in one 422', async () => {
    const ports = fakePorts();
    const error = await domainErrorOf(
      submitApplication(
        input({ serviceCode: 'NOPE-1', applicant: { nik: '123', name: 'S' } }),
        ports,
      ),
    );
    expect(error.code).toBe('unprocessable');
    expect(error.status).toBe(422);
    expect(error.errors).toEqual([
      { field: 'applicant.nik', code: 'nik_format' },
      { field: 'serviceCode', code: 'unknown_service', params: { serviceCode: 'NOPE-1' } },
    ]);
    expect(ports.lookedUp).toEqual(['NOPE-1']);
    expect(ports.added).toEqual([]);
    expect(ports.idsMade).toBe(0);
  });

  it('draws a new tracking number when one is taken, keeping the application id', async () => {
    const ports = fakePorts([false, false, true]);
    const receipt = await submitApplication(input(), ports);
    expect(receipt.trackingNo).toBe('TRACK0003');
    expect(ports.added.map((event) => event.trackingNo)).toEqual([
      'TRACK0001',
      'TRACK0002',
      'TRACK0003',
    ]);
    expect(new Set(ports.added.map((event) => event.applicationId))).toEqual(new Set([ID]));
    expect(new Set(ports.added.map((event) => event.submittedAt)).size).toBe(1);
    expect(ports.idsMade).toBe(1);
  });

  it('gives up after five taken tracking numbers', async () => {
    const ports = fakePorts([false, false, false, false, false, true]);
    await expect(submitApplication(input(), ports)).rejects.toThrow(
      'no free tracking number after 5 attempts',
    );
    expect(ports.added).toHaveLength(5);
  });

  it('does not present running out of tracking numbers as a client error', async () => {
    const ports = fakePorts([]);
    const error: unknown = await submitApplication(input(), ports).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(DomainError);
  });
});
