import {
  ANONYMOUS,
  type ApplicationWithdrawnV1,
  type Principal,
  type Status,
} from '@satupintu/contracts';
import { domainErrorOf } from '@satupintu/testing';
import {
  getApplication,
  requirementsState,
  withdrawApplication,
  type GetApplicationPorts,
  type StoredApplication,
  type WithdrawApplicationPorts,
} from './follow-application';

const SITI: Principal = { kind: 'applicant', subject: 'siti', roles: [], scopes: [] };
const BUDI: Principal = { kind: 'applicant', subject: 'budi', roles: [], scopes: [] };
const PORTAL: Principal = {
  kind: 'client',
  subject: 'client-1',
  clientId: 'oss-portal',
  roles: [],
  scopes: ['applications:submit', 'applications:read'],
};
const NOW = new Date('2026-11-23T04:00:00.000Z');

function stored(overrides: Partial<StoredApplication> = {}): StoredApplication {
  return {
    applicationId: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
    trackingNo: 'K7M39QX2C',
    serviceCode: 'DUKCAPIL-KK',
    agencyCode: 'DUKCAPIL',
    agencyTimeZone: 'Asia/Makassar',
    channel: 'WEB',
    businessId: null,
    applicantId: 'siti',
    submittedByClient: 'oss-portal',
    status: 'VERIFYING',
    submittedAt: new Date('2026-11-23T03:00:00.000Z'),
    statusChangedAt: new Date('2026-11-23T03:00:01.000Z'),
    ...overrides,
  };
}

/** Ports over one application whose status moves through `statuses`, one per read. */
function ports(statuses: Status[], accept: boolean[] = [true]) {
  const withdrawn: { from: Status; event: ApplicationWithdrawnV1 }[] = [];
  let reads = 0;
  const fake: WithdrawApplicationPorts & GetApplicationPorts & { withdrawn: typeof withdrawn } = {
    withdrawn,
    // A service with no published standard: its application shows no requirements.
    standardOf: () => Promise.resolve(undefined),
    held: () => Promise.resolve({ formFields: [], documents: [], uploads: [] }),
    find: (trackingNo) =>
      Promise.resolve(
        trackingNo === 'K7M39QX2C'
          ? stored({ status: statuses[Math.min(reads++, statuses.length - 1)] })
          : undefined,
      ),
    withdraw: (_application, from, event) => {
      withdrawn.push({ from, event });
      return Promise.resolve(accept[withdrawn.length - 1] ?? false);
    },
    now: () => NOW,
  };
  return fake;
}

describe('getApplication', () => {
  it('shows the applicant their application, times in the agency’s zone', async () => {
    expect(await getApplication(SITI, 'K7M39QX2C', ports(['VERIFYING']))).toEqual({
      applicationId: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
      trackingNo: 'K7M39QX2C',
      serviceCode: 'DUKCAPIL-KK',
      agencyCode: 'DUKCAPIL',
      channel: 'WEB',
      status: 'VERIFYING',
      submittedAt: '2026-11-23T11:00:00.000+08:00',
      statusChangedAt: '2026-11-23T11:00:01.000+08:00',
    });
  });

  it('shows it to the client that submitted it', async () => {
    expect((await getApplication(PORTAL, 'K7M39QX2C', ports(['SUBMITTED']))).status).toBe(
      'SUBMITTED',
    );
  });

  it('answers another applicant as for a number nobody has', async () => {
    const theirs = await domainErrorOf(getApplication(BUDI, 'K7M39QX2C', ports(['VERIFYING'])));
    const nobodys = await domainErrorOf(getApplication(BUDI, '000000000', ports(['VERIFYING'])));
    expect([theirs.code, theirs.status]).toEqual(['application_not_found', 404]);
    expect(theirs.params).toEqual({ trackingNo: 'K7M39QX2C' });
    expect([nobodys.code, nobodys.status]).toEqual(['application_not_found', 404]);
  });
});

describe('requirementsState', () => {
  const upload = {
    documentId: 'd1',
    contentType: 'application/pdf',
    size: 1000,
    sha256: 'a'.repeat(64),
  };
  const kind = (name: string, mandatory: boolean) => ({
    kind: name,
    allowedTypes: ['application/pdf' as const],
    maxBytes: 1_000_000,
    mandatory,
  });

  it('shows each field given or not, and each document attached, from a step, or missing', () => {
    expect(
      requirementsState(
        [
          { name: 'reason', type: 'text', required: true },
          { name: 'phone', type: 'phone', required: false },
        ],
        [kind('F1_02', true), kind('AKTA', true), kind('KK_LAMA', false)],
        {
          formFields: ['reason'],
          documents: [
            { requirement: 'F1_02', documentId: 'd1' },
            { requirement: 'AKTA', fromStep: 'akta', fromApplication: 'X', outputNumber: 'AL-9' },
          ],
          uploads: [upload],
        },
      ),
    ).toEqual({
      fields: [
        { name: 'reason', required: true, given: true },
        { name: 'phone', required: false, given: false },
      ],
      documents: [
        { requirement: 'F1_02', mandatory: true, state: 'ATTACHED', document: upload },
        {
          requirement: 'AKTA',
          mandatory: true,
          state: 'FROM_STEP',
          fromStep: 'akta',
          outputNumber: 'AL-9',
        },
        { requirement: 'KK_LAMA', mandatory: false, state: 'MISSING' },
      ],
    });
  });
});

describe('withdrawApplication', () => {
  it('withdraws an undecided application and tells its agency, naming no one', async () => {
    const fake = ports(['NEEDS_REVISION']);
    const view = await withdrawApplication(SITI, 'K7M39QX2C', fake);
    expect(view).toMatchObject({
      status: 'WITHDRAWN',
      statusChangedAt: '2026-11-23T12:00:00.000+08:00',
    });
    expect(fake.withdrawn).toEqual([
      {
        from: 'NEEDS_REVISION',
        event: {
          applicationId: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
          trackingNo: 'K7M39QX2C',
          agencyCode: 'DUKCAPIL',
          withdrawnAt: '2026-11-23T04:00:00.000Z',
        },
      },
    ]);
  });

  it.each(['APPROVED', 'ISSUED', 'REJECTED', 'WITHDRAWN'] as Status[])(
    'refuses once it is %s (409), changing nothing',
    async (status) => {
      const fake = ports([status]);
      const error = await domainErrorOf(withdrawApplication(SITI, 'K7M39QX2C', fake));
      expect([error.code, error.status]).toEqual(['application_not_withdrawable', 409]);
      expect(error.params).toEqual({ trackingNo: 'K7M39QX2C', status });
      expect(fake.withdrawn).toEqual([]);
    },
  );

  it('decides again on the status an agency set meanwhile', async () => {
    const moved = ports(['VERIFYING', 'IN_REVIEW'], [false, true]);
    expect((await withdrawApplication(SITI, 'K7M39QX2C', moved)).status).toBe('WITHDRAWN');
    expect(moved.withdrawn.map((attempt) => attempt.from)).toEqual(['VERIFYING', 'IN_REVIEW']);

    const decided = ports(['IN_REVIEW', 'APPROVED'], [false]);
    const error = await domainErrorOf(withdrawApplication(SITI, 'K7M39QX2C', decided));
    expect(error.params).toEqual({ trackingNo: 'K7M39QX2C', status: 'APPROVED' });
  });

  it('lets only its applicant withdraw it', async () => {
    const other = await domainErrorOf(withdrawApplication(BUDI, 'K7M39QX2C', ports(['VERIFYING'])));
    expect(other.status).toBe(404);
    const client = await domainErrorOf(
      withdrawApplication(PORTAL, 'K7M39QX2C', ports(['VERIFYING'])),
    );
    expect(client.status).toBe(403);
    const anonymous = await domainErrorOf(
      withdrawApplication(ANONYMOUS, 'K7M39QX2C', ports(['VERIFYING'])),
    );
    expect(anonymous.status).toBe(401);
  });
});
