import type { ApplicationStatusChangedV1 } from '@satupintu/contracts';
import { issuedOutputOf } from './issued-outputs';

const issued: ApplicationStatusChangedV1 = {
  applicationId: '0b9f1f4e-3c1a-4d7e-9a51-2f0f6a1b7c11',
  trackingNo: 'A1B2C3D4E',
  agencyCode: 'DPMPTSP',
  agencyTimeZone: 'Asia/Jakarta',
  from: 'APPROVED',
  to: 'ISSUED',
  changedAt: '2026-12-03T10:00:00+07:00',
  output: {
    number: 'DPMPTSP-2026-000001',
    documentId: '6f1c2a9e-8d3b-4c5f-a1e2-b3c4d5e6f708',
    size: 2048,
    sha256: 'a'.repeat(64),
  },
};

describe('issuedOutputOf', () => {
  it("makes the delivered PDF the agency's document, stored under its id", () => {
    expect(issuedOutputOf(issued)).toEqual({
      applicationId: issued.applicationId,
      agencyCode: 'DPMPTSP',
      number: 'DPMPTSP-2026-000001',
      document: {
        documentId: '6f1c2a9e-8d3b-4c5f-a1e2-b3c4d5e6f708',
        owner: { kind: 'agency', subject: 'DPMPTSP' },
        objectName: '6f1c2a9e-8d3b-4c5f-a1e2-b3c4d5e6f708',
        contentType: 'application/pdf',
        size: 2048,
        sha256: 'a'.repeat(64),
      },
    });
  });

  it('keeps only the number when the event names no file', () => {
    expect(issuedOutputOf({ ...issued, output: { number: 'DPMPTSP-2026-000001' } })).toEqual({
      applicationId: issued.applicationId,
      agencyCode: 'DPMPTSP',
      number: 'DPMPTSP-2026-000001',
    });
  });

  it('takes nothing from a change other than ISSUED, or one without an output', () => {
    expect(issuedOutputOf({ ...issued, to: 'APPROVED', from: 'VERIFYING' })).toBeUndefined();
    expect(issuedOutputOf({ ...issued, output: undefined })).toBeUndefined();
  });
});
