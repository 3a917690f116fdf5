import { DomainError } from '@satupintu/common';
import { revocationReason, signedOutputOf, verificationAnswer } from './output-verification';
import type { OutputRecord } from './outputs.repository';

const aRecord = (overrides: Partial<OutputRecord> = {}): OutputRecord => ({
  documentNo: 'DUKCAPIL-2026-000042',
  applicationId: 'a1',
  serviceCode: 'DUKCAPIL-AKTA-LAHIR',
  serviceName: { id: 'Akta Kelahiran', en: 'Birth Certificate' },
  agencyName: 'Dinas Kependudukan dan Pencatatan Sipil',
  timeZone: 'Asia/Makassar',
  issuedAt: new Date('2026-11-23T03:45:12.123Z'),
  issuedBy: 'officer-1',
  pdfSha256: 'ab'.repeat(32),
  statement: '{"agencyCode":"DUKCAPIL","documentNo":"DUKCAPIL-2026-000042"}',
  signature: 'c2ln',
  keyId: 'kid-1',
  ...overrides,
});

describe('the public verification answer', () => {
  it('says VALID, who issued what and when on the agency clock, and carries the signed statement', () => {
    expect(verificationAnswer(aRecord(), 'DUKCAPIL')).toEqual({
      documentNo: 'DUKCAPIL-2026-000042',
      status: 'VALID',
      agency: { code: 'DUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil' },
      service: {
        code: 'DUKCAPIL-AKTA-LAHIR',
        name: { id: 'Akta Kelahiran', en: 'Birth Certificate' },
      },
      issuedAt: '2026-11-23T11:45:12.123+08:00',
      signed: {
        algorithm: 'EdDSA',
        keyId: 'kid-1',
        pdfSha256: 'ab'.repeat(32),
        statement: '{"agencyCode":"DUKCAPIL","documentNo":"DUKCAPIL-2026-000042"}',
        signature: 'c2ln',
      },
    });
  });

  it('says REVOKED and when, but neither why nor by whom', () => {
    const answer = verificationAnswer(
      aRecord({
        revoked: { at: new Date('2026-12-01T01:00:00Z'), reason: 'Siti asked', by: 'admin-1' },
      }),
      'DUKCAPIL',
    );
    expect(answer).toMatchObject({ status: 'REVOKED', revokedAt: '2026-12-01T09:00:00.000+08:00' });
    expect(JSON.stringify(answer)).not.toMatch(/Siti asked|admin-1/);
  });

  it('names nobody: not the holder, not the officer, not the application', () => {
    const text = JSON.stringify(verificationAnswer(aRecord(), 'DUKCAPIL'));
    expect(text).not.toMatch(/officer-1|"a1"|applicationId|issuedBy/);
  });

  it('rebuilds the signed record from the stored statement and signature', () => {
    expect(signedOutputOf(aRecord())).toEqual({
      agencyCode: 'DUKCAPIL',
      documentNo: 'DUKCAPIL-2026-000042',
      signature: 'c2ln',
    });
  });
});

describe('a revocation reason', () => {
  it('is kept trimmed', () => {
    expect(revocationReason('  issued to the wrong holder ')).toBe('issued to the wrong holder');
  });

  it.each([
    ['blank', '   ', 'required'],
    ['overlong', 'x'.repeat(501), 'max_length'],
  ])('is refused when %s', (_case, reason, code) => {
    try {
      revocationReason(reason);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).errors).toEqual([
        expect.objectContaining({ field: 'reason', code }),
      ]);
    }
  });
});
