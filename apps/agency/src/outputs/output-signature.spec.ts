import type { OutputPublicJwkV1 } from '@satupintu/contracts';
import { calculateJwkThumbprint } from 'jose';
import { generateKeyPairSync, verify, type KeyObject } from 'node:crypto';
import { renderOutputPdf, verificationUrl } from './output-pdf';
import {
  OUTPUT_STATEMENT_FORMAT,
  canonicalStatement,
  pdfDigest,
  signOutput,
  verifyOutput,
  verifyOutputDigest,
  type OutputStatement,
} from './output-signature';

async function anAgencyKey(): Promise<{ privateKey: KeyObject; publicJwk: OutputPublicJwkV1 }> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const { x } = publicKey.export({ format: 'jwk' });
  const kid = await calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x });
  return {
    privateKey,
    publicJwk: { kty: 'OKP', crv: 'Ed25519', x: x!, kid, alg: 'EdDSA', use: 'sig' },
  };
}

const documentNo = 'DUKCAPIL-2026-000042';
const issuedAt = new Date('2026-11-23T03:45:12.123Z');

async function anIssuedPdf(): Promise<Uint8Array> {
  return renderOutputPdf({
    documentNo,
    verificationUrl: verificationUrl('https://mpp.example.go.id', documentNo),
    agency: { code: 'DUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil' },
    service: {
      code: 'DUKCAPIL-AKTA-LAHIR',
      name: { id: 'Akta Kelahiran', en: 'Birth Certificate' },
    },
    issuedAt,
    timeZone: 'Asia/Jakarta',
    holder: { name: 'Siti Rahayu', nik: '3201014506900001' },
    facts: [],
  });
}

const statementFor = (pdf: Uint8Array, keyId: string): OutputStatement => ({
  format: OUTPUT_STATEMENT_FORMAT,
  documentNo,
  agencyCode: 'DUKCAPIL',
  serviceCode: 'DUKCAPIL-AKTA-LAHIR',
  issuedAt: issuedAt.toISOString(),
  pdfSha256: pdfDigest(pdf),
  keyId,
});

describe('signed outputs', () => {
  let pdf: Uint8Array;
  let dukcapil: Awaited<ReturnType<typeof anAgencyKey>>;
  let pupr: Awaited<ReturnType<typeof anAgencyKey>>;

  beforeAll(async () => {
    [pdf, dukcapil, pupr] = await Promise.all([anIssuedPdf(), anAgencyKey(), anAgencyKey()]);
  });

  it("verifies with the issuing agency's published key", () => {
    const signed = signOutput(statementFor(pdf, dukcapil.publicJwk.kid), dukcapil.privateKey);
    expect(verifyOutput(pdf, signed, dukcapil.publicJwk)).toEqual({ authentic: true });
  });

  it('checks a PDF given by its SHA-256 as it checks its bytes', () => {
    const signed = signOutput(statementFor(pdf, dukcapil.publicJwk.kid), dukcapil.privateKey);
    expect(verifyOutputDigest(pdfDigest(pdf), signed, dukcapil.publicJwk)).toEqual({
      authentic: true,
    });
    const tampered = Uint8Array.from(pdf);
    tampered[0] ^= 0x01;
    expect(verifyOutputDigest(pdfDigest(tampered), signed, dukcapil.publicJwk)).toEqual({
      authentic: false,
      reason: 'digest_mismatch',
    });
    expect(verifyOutputDigest(pdfDigest(pdf), signed, pupr.publicJwk)).toEqual({
      authentic: false,
      reason: 'wrong_key',
    });
  });

  it('fails on a changed byte anywhere in the PDF', () => {
    const signed = signOutput(statementFor(pdf, dukcapil.publicJwk.kid), dukcapil.privateKey);
    // Every byte position, one flipped bit each: the header, the objects, the streams, the trailer.
    for (let at = 0; at < pdf.length; at++) {
      const tampered = Uint8Array.from(pdf);
      tampered[at] ^= 0x01;
      expect(verifyOutput(tampered, signed, dukcapil.publicJwk)).toEqual({
        authentic: false,
        reason: 'digest_mismatch',
      });
    }
  });

  it('fails on a byte added or cut at the end', () => {
    const signed = signOutput(statementFor(pdf, dukcapil.publicJwk.kid), dukcapil.privateKey);
    const longer = Buffer.concat([pdf, Buffer.from('\n')]);
    expect(verifyOutput(longer, signed, dukcapil.publicJwk)).toMatchObject({
      reason: 'digest_mismatch',
    });
    expect(verifyOutput(pdf.subarray(0, -1), signed, dukcapil.publicJwk)).toMatchObject({
      reason: 'digest_mismatch',
    });
  });

  it("fails when another agency signed it, under its own key id or the issuer's", () => {
    const ownKid = signOutput(statementFor(pdf, pupr.publicJwk.kid), pupr.privateKey);
    expect(verifyOutput(pdf, ownKid, dukcapil.publicJwk)).toEqual({
      authentic: false,
      reason: 'wrong_key',
    });
    const borrowedKid = signOutput(statementFor(pdf, dukcapil.publicJwk.kid), pupr.privateKey);
    expect(verifyOutput(pdf, borrowedKid, dukcapil.publicJwk)).toEqual({
      authentic: false,
      reason: 'bad_signature',
    });
  });

  it.each([
    ['the number', { documentNo: 'DUKCAPIL-2026-000043' }],
    ['the service', { serviceCode: 'DUKCAPIL-KTP' }],
    ['the issue time', { issuedAt: '2025-11-23T03:45:12.123Z' }],
    ['the agency', { agencyCode: 'PUPR' }],
  ])('fails when %s in the record was changed after signing', (_what, change) => {
    const signed = signOutput(statementFor(pdf, dukcapil.publicJwk.kid), dukcapil.privateKey);
    expect(verifyOutput(pdf, { ...signed, ...change }, dukcapil.publicJwk)).toEqual({
      authentic: false,
      reason: 'bad_signature',
    });
  });

  it('fails on a signature that is not one', () => {
    const signed = signOutput(statementFor(pdf, dukcapil.publicJwk.kid), dukcapil.privateKey);
    expect(verifyOutput(pdf, { ...signed, signature: 'AAAA' }, dukcapil.publicJwk)).toMatchObject({
      reason: 'bad_signature',
    });
    expect(
      verifyOutput(pdf, { ...signed, format: 'other' } as never, dukcapil.publicJwk),
    ).toMatchObject({ reason: 'malformed' });
  });

  it('signs the canonical JSON: sorted members, no whitespace, checkable with node:crypto alone', () => {
    const statement = statementFor(pdf, dukcapil.publicJwk.kid);
    const canonical = canonicalStatement(statement).toString('utf8');
    const sortedKeys = Object.fromEntries(
      Object.entries(statement).sort(([a], [b]) => (a < b ? -1 : 1)),
    );
    expect(canonical).toBe(JSON.stringify(sortedKeys));
    // The same statement in another member order signs the same bytes.
    const reordered = Object.fromEntries(Object.entries(statement).reverse()) as OutputStatement;
    expect(canonicalStatement(reordered).equals(canonicalStatement(statement))).toBe(true);
    const { signature } = signOutput(statement, dukcapil.privateKey);
    expect(
      verify(
        null,
        Buffer.from(canonical),
        dukcapil.privateKey,
        Buffer.from(signature, 'base64url'),
      ),
    ).toBe(true);
  });

  it('hashes the PDF as sha256sum does', () => {
    expect(pdfDigest(Buffer.from('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
