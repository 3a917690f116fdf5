import { toFieldErrors } from '@satupintu/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { OutputIssued, OutputIssuedV1 } from './output-issued.v1';
import { RevokeOutputV1 } from './revoke-output.v1';
import { VerifyOutputV1 } from './verify-output.v1';

function refused<T extends object>(type: new () => T, payload: object): string[] {
  const errors = validateSync(plainToInstance(type, payload), {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  return toFieldErrors(errors).map((error) => `${error.field} ${error.code}`);
}

describe('output contracts', () => {
  it('take a document number as the gateway routes it', () => {
    expect(refused(VerifyOutputV1, { documentNo: 'DUKCAPIL-2026-000042' })).toEqual([]);
  });

  it.each([
    ['a NIK typed into the wrong box', '3201014506900001'],
    ['lower case (the gateway upper-cases first)', 'dukcapil-2026-000042'],
    ['a path', '../DUKCAPIL-2026-000042'],
  ])('refuse %s as a document number', (_case, documentNo) => {
    expect(refused(VerifyOutputV1, { documentNo })).toEqual(['documentNo document_no_format']);
  });

  it('take a PDF as its SHA-256 in lower-case hex, or none', () => {
    const documentNo = 'DUKCAPIL-2026-000042';
    expect(refused(VerifyOutputV1, { documentNo, pdfSha256: 'ab'.repeat(32) })).toEqual([]);
    expect(refused(VerifyOutputV1, { documentNo, pdfSha256: 'AB'.repeat(32) })).toEqual([
      'pdfSha256 sha256_format',
    ]);
    expect(refused(VerifyOutputV1, { documentNo, pdfSha256: 'ab' })).toEqual([
      'pdfSha256 sha256_format',
    ]);
  });

  it('need a reason to revoke, of at most 500 characters', () => {
    const documentNo = 'DUKCAPIL-2026-000042';
    expect(refused(RevokeOutputV1, { documentNo, reason: 'issued in error' })).toEqual([]);
    expect(refused(RevokeOutputV1, { documentNo })).toEqual(['reason required']);
    expect(refused(RevokeOutputV1, { documentNo, reason: 'x'.repeat(501) })).toEqual([
      'reason max_length',
    ]);
  });

  it('route OutputIssued by agency and order it per application', () => {
    const event: OutputIssuedV1 = {
      documentNo: 'DUKCAPIL-2026-000042',
      applicationId: '7f1c1f0e-4c44-4a53-9d53-2f1f0f3e6a10',
      agencyCode: 'DUKCAPIL',
      serviceCode: 'DUKCAPIL-AKTA-LAHIR',
      issuedAt: '2026-11-23T03:45:12.123Z',
      pdfSha256: 'ab'.repeat(32),
      keyId: 'kid-1',
    };
    expect(refused(OutputIssuedV1, event)).toEqual([]);
    expect(OutputIssued.subject).toBe('agency.output.issued.v1');
    expect(OutputIssued.routingKey(event)).toBe('DUKCAPIL');
    expect(OutputIssued.orderingKey(event)).toBe(event.applicationId);
  });
});
