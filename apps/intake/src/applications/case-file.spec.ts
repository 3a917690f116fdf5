import type { Principal } from '@satupintu/contracts';
import { domainErrorOf } from '@satupintu/testing';
import { type CaseFilePorts, type FiledApplication, getCaseFile } from './case-file';

const verifier: Principal = {
  kind: 'officer',
  subject: 'v1',
  roles: ['VERIFIER'],
  agency: 'DUKCAPIL',
  scopes: [],
};
const mallAdmin: Principal = { kind: 'officer', subject: 'm1', roles: ['MALL_ADMIN'], scopes: [] };
const puprVerifier: Principal = { ...verifier, agency: 'PUPR' };

const application: FiledApplication = {
  applicationId: '00000000-0000-4000-8000-00000000000a',
  trackingNo: 'K7M39QX2C',
  serviceCode: 'DUKCAPIL-AKTA-LAHIR',
  agencyCode: 'DUKCAPIL',
  agencyTimeZone: 'Asia/Jakarta',
  channel: 'WEB',
  submittedAt: new Date('2026-11-23T03:45:12.123Z'),
  businessId: null,
  applicantId: 'siti',
  submittedByClient: null,
  status: 'VERIFYING',
  statusChangedAt: null,
  form: { childName: 'Ayu' },
  applicantNik: '3201014506900001',
  applicantName: 'Siti Rahayu',
  applicantBirthDate: '1990-06-05',
};

const ports: CaseFilePorts = {
  find: (trackingNo) =>
    Promise.resolve(trackingNo === application.trackingNo ? application : undefined),
  held: () =>
    Promise.resolve({
      formFields: ['childName'],
      documents: [
        { requirement: 'KK', documentId: 'd1' },
        { requirement: 'AKTA', fromStep: 'akta', fromApplication: 'X', outputNumber: 'N' },
      ],
      uploads: [
        { documentId: 'd1', contentType: 'application/pdf', size: 10, sha256: 'a'.repeat(64) },
        { documentId: 'd2', contentType: 'image/png', size: 5, sha256: 'b'.repeat(64) },
      ],
    }),
};

describe('getCaseFile', () => {
  it("answers the agency's officers the form, the whole NIK and the documents it names", async () => {
    expect(
      await getCaseFile(verifier, { trackingNo: 'K7M39QX2C', agencyCode: 'DUKCAPIL' }, ports),
    ).toEqual({
      applicationId: application.applicationId,
      trackingNo: 'K7M39QX2C',
      agencyCode: 'DUKCAPIL',
      applicant: { nik: '3201014506900001', name: 'Siti Rahayu', birthDate: '1990-06-05' },
      form: { childName: 'Ayu' },
      documents: [
        {
          documentId: 'd1',
          requirement: 'KK',
          contentType: 'application/pdf',
          size: 10,
          sha256: 'a'.repeat(64),
        },
      ],
    });
  });

  it('masks the NIK for a mall admin', async () => {
    const file = await getCaseFile(
      mallAdmin,
      { trackingNo: 'K7M39QX2C', agencyCode: 'DUKCAPIL' },
      ports,
    );
    expect(file.applicant?.nik).toBe('3201********0001');
  });

  it("refuses another agency's officer, and finds no application of another agency", async () => {
    const refused = await domainErrorOf(
      getCaseFile(puprVerifier, { trackingNo: 'K7M39QX2C', agencyCode: 'DUKCAPIL' }, ports),
    );
    expect(refused.status).toBe(403);
    const elsewhere = await domainErrorOf(
      getCaseFile(puprVerifier, { trackingNo: 'K7M39QX2C', agencyCode: 'PUPR' }, ports),
    );
    expect([elsewhere.status, elsewhere.code]).toEqual([404, 'application_not_found']);
  });
});
