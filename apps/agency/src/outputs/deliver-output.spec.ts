import { createHash } from 'node:crypto';
import { deliveredChange, type OutputDelivery } from './deliver-output';

const delivery: OutputDelivery = {
  change: {
    applicationId: '0b9f1f4e-3c1a-4d7e-9a51-2f0f6a1b7c11',
    trackingNo: 'A1B2C3D4E',
    agencyCode: 'DPMPTSP',
    agencyTimeZone: 'Asia/Jakarta',
    from: 'APPROVED',
    to: 'ISSUED',
    changedAt: '2026-12-03T10:00:00+07:00',
    sequence: 4,
    output: { number: 'DPMPTSP-2026-000001' },
  },
  documentId: '6f1c2a9e-8d3b-4c5f-a1e2-b3c4d5e6f708',
};

describe('deliveredChange', () => {
  const pdf = Buffer.from('%PDF-1.7 the output');

  it('names the stored document with the size and digest of the bytes stored', () => {
    expect(deliveredChange(delivery, pdf)).toEqual({
      ...delivery.change,
      output: {
        number: 'DPMPTSP-2026-000001',
        documentId: delivery.documentId,
        size: pdf.byteLength,
        sha256: createHash('sha256').update(pdf).digest('hex'),
      },
    });
  });

  it('is the same event on every attempt: a retry publishes what the first would have', () => {
    expect(deliveredChange(delivery, pdf)).toEqual(deliveredChange(delivery, Buffer.from(pdf)));
  });
});
