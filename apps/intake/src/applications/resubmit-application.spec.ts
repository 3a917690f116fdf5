import type { ApplicationV1, Principal, ResubmitApplicationV1 } from '@satupintu/contracts';
import { regionIndexOf } from '@satupintu/domain';
import { domainErrorOf } from '@satupintu/testing';
import type { AttachableDocument } from '../documents/document-access';
import {
  resubmitApplication,
  type Resubmission,
  type ResubmitApplicationPorts,
  type RevisableApplication,
} from './resubmit-application';

const SITI: Principal = { kind: 'applicant', subject: 'siti', roles: [], scopes: [] };
const BUDI: Principal = { kind: 'applicant', subject: 'budi', roles: [], scopes: [] };
const PORTAL: Principal = {
  kind: 'client',
  subject: 'client-1',
  clientId: 'oss-portal',
  roles: [],
  scopes: ['applications:submit'],
};
const READING_PORTAL: Principal = { ...PORTAL, scopes: ['applications:read'] };
const FRONT_DESK: Principal = {
  kind: 'officer',
  subject: 'ani',
  agency: 'DUKCAPIL',
  roles: ['FRONT_DESK'],
  scopes: [],
};
const NOW = new Date('2026-11-24T12:30:00.000Z');
const NEW_KTP = '11111111-1111-4111-8111-111111111111';
const BUDIS_SCAN = '22222222-2222-4222-8222-222222222222';
const ATTACHED_SCAN = '33333333-3333-4333-8333-333333333333';

const FIELDS = [
  { name: 'childName', type: 'text', required: true, maxLength: 100 },
  { name: 'birthDate', type: 'date', required: true },
  { name: 'birthWeightGrams', type: 'number', required: false, min: 300, max: 7000 },
] as const;

const DOCUMENTS = ['KTP', 'KK'].map((kind) => ({
  kind,
  allowedTypes: ['application/pdf' as const],
  maxBytes: 1_048_576,
  mandatory: true,
}));

function stored(overrides: Partial<RevisableApplication> = {}): RevisableApplication {
  return {
    applicationId: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
    trackingNo: 'K7M39QX2C',
    serviceCode: 'DUKCAPIL-AKTA-LAHIR',
    agencyCode: 'DUKCAPIL',
    agencyTimeZone: 'Asia/Jakarta',
    channel: 'WEB',
    businessId: null,
    applicantId: 'siti',
    submittedByClient: null,
    status: 'NEEDS_REVISION',
    submittedAt: new Date('2026-11-23T03:00:00.000Z'),
    statusChangedAt: new Date('2026-11-24T02:00:00.000Z'),
    form: { childName: 'Ayu', birthDate: '2026-11-02' },
    ...overrides,
  };
}

function ports(application: RevisableApplication | undefined, accept = true) {
  const written: { resubmission: Resubmission; answer: ApplicationV1 }[] = [];
  const documents: AttachableDocument[] = [
    {
      documentId: NEW_KTP,
      owner: { kind: 'applicant', subject: 'siti' },
      attached: false,
      contentType: 'application/pdf',
      size: 1000,
    },
    {
      documentId: BUDIS_SCAN,
      owner: { kind: 'applicant', subject: 'budi' },
      attached: false,
      contentType: 'application/pdf',
      size: 1000,
    },
    {
      documentId: ATTACHED_SCAN,
      owner: { kind: 'applicant', subject: 'siti' },
      attached: true,
      contentType: 'application/pdf',
      size: 1000,
    },
  ];
  const fake: ResubmitApplicationPorts & { written: typeof written } = {
    written,
    regions: regionIndexOf(['32.01.01']),
    find: (trackingNo) => Promise.resolve(trackingNo === 'K7M39QX2C' ? application : undefined),
    findService: () => Promise.resolve({ fields: FIELDS, documents: DOCUMENTS }),
    findDocuments: (ids) =>
      Promise.resolve(documents.filter((document) => ids.includes(document.documentId))),
    resubmit: (resubmission, answer) => {
      written.push({ resubmission, answer });
      return Promise.resolve(accept);
    },
    now: () => NOW,
  };
  return fake;
}

const request = (overrides: Partial<ResubmitApplicationV1> = {}): ResubmitApplicationV1 => ({
  trackingNo: 'K7M39QX2C',
  ...overrides,
});

describe('resubmitApplication', () => {
  it('merges the corrected fields, replaces documents by requirement and tells the agency what changed', async () => {
    const fake = ports(stored());
    const answer = await resubmitApplication(
      SITI,
      request({
        form: { birthDate: '2026-11-01' },
        documents: [{ requirement: 'KTP', documentId: NEW_KTP }],
      }),
      fake,
    );
    expect(answer).toMatchObject({
      trackingNo: 'K7M39QX2C',
      status: 'NEEDS_REVISION',
      resubmittedAt: '2026-11-24T19:30:00.000+07:00',
    });
    expect(fake.written).toHaveLength(1);
    const { resubmission } = fake.written[0];
    expect(resubmission.corrected).toEqual({ birthDate: '2026-11-01' });
    expect(resubmission.uploader).toEqual({ kind: 'applicant', subject: 'siti' });
    // Names only: no value of the form reaches the event.
    expect(resubmission.event).toEqual({
      applicationId: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
      trackingNo: 'K7M39QX2C',
      agencyCode: 'DUKCAPIL',
      fields: ['birthDate'],
      requirements: ['KTP'],
      resubmittedAt: NOW.toISOString(),
    });
  });

  it('checks the merged form as a whole against the standard, per field', async () => {
    const fake = ports(stored());
    const error = await domainErrorOf(
      resubmitApplication(
        SITI,
        request({ form: { birthDate: 'kemarin', birthWeightGrams: 10 } }),
        fake,
      ),
    );
    expect(error.status).toBe(422);
    expect(error.errors.map(({ field, code }) => [field, code])).toEqual([
      ['form.birthDate', 'must_be_date'],
      ['form.birthWeightGrams', 'number_min'],
    ]);
    expect(fake.written).toHaveLength(0);

    // A form stored without a required field must be completed by the corrections.
    const incomplete = ports(stored({ form: null }));
    const missing = await domainErrorOf(
      resubmitApplication(SITI, request({ form: { childName: 'Ayu' } }), incomplete),
    );
    expect(missing.errors).toEqual([
      expect.objectContaining({ field: 'form.birthDate', code: 'required' }),
    ]);
  });

  it('refuses documents that are not the caller’s, attached already, or two for one requirement', async () => {
    const fake = ports(stored());
    const error = await domainErrorOf(
      resubmitApplication(
        SITI,
        request({
          documents: [
            { requirement: 'KTP', documentId: BUDIS_SCAN },
            { requirement: 'KK', documentId: ATTACHED_SCAN },
            { requirement: 'KTP', documentId: NEW_KTP },
          ],
        }),
        fake,
      ),
    );
    expect(error.errors.map(({ field, code }) => [field, code])).toEqual([
      ['documents[0].documentId', 'document_not_found'],
      ['documents[1].documentId', 'document_already_attached'],
      ['documents[2].requirement', 'requirement_offered_twice'],
    ]);
    expect(fake.written).toHaveLength(0);
  });

  it('wants something to resubmit', async () => {
    const error = await domainErrorOf(
      resubmitApplication(SITI, request({ form: {}, documents: [] }), ports(stored())),
    );
    expect([error.status, error.errors]).toEqual([
      422,
      [{ field: 'form', code: 'nothing_to_resubmit' }],
    ]);
  });

  it('takes corrections only while the application is NEEDS_REVISION', async () => {
    const error = await domainErrorOf(
      resubmitApplication(
        SITI,
        request({ form: { childName: 'Ayu Lestari' } }),
        ports(stored({ status: 'VERIFYING' })),
      ),
    );
    expect([error.status, error.code, error.params]).toEqual([
      409,
      'application_not_resubmittable',
      { trackingNo: 'K7M39QX2C', status: 'VERIFYING' },
    ]);

    // The agency took it up between the read and the write.
    const raced = await domainErrorOf(
      resubmitApplication(SITI, request({ form: { childName: 'Ayu Lestari' } }), {
        ...ports(stored({ status: 'NEEDS_REVISION' }), false),
      }),
    );
    expect([raced.status, raced.code]).toEqual([409, 'application_not_resubmittable']);
  });

  it('answers another applicant as for a number nobody has, and refuses the front desk', async () => {
    const other = await domainErrorOf(
      resubmitApplication(BUDI, request({ form: { childName: 'X' } }), ports(stored())),
    );
    expect([other.status, other.code]).toEqual([404, 'application_not_found']);
    const nobody = await domainErrorOf(
      resubmitApplication(SITI, request({ trackingNo: 'AAAAAAAAA' }), ports(stored())),
    );
    expect(nobody.status).toBe(404);
    const officer = await domainErrorOf(
      resubmitApplication(FRONT_DESK, request({ form: { childName: 'X' } }), ports(stored())),
    );
    expect(officer.status).toBe(403);
  });

  it('lets the API client that submitted it resubmit, with submitting scope', async () => {
    const portals = stored({ applicantId: null, submittedByClient: 'oss-portal' });
    const fake = ports(portals);
    await resubmitApplication(PORTAL, request({ form: { childName: 'Ayu Lestari' } }), fake);
    expect(fake.written[0].resubmission.uploader).toEqual({
      kind: 'client',
      subject: 'client-1',
      clientId: 'oss-portal',
    });
    const readOnly = await domainErrorOf(
      resubmitApplication(READING_PORTAL, request({ form: { childName: 'X' } }), ports(portals)),
    );
    expect(readOnly.status).toBe(403);
  });
});
