import type { OutputPublicJwkV1 } from '@satupintu/contracts';
import { generateKeyPairSync } from 'node:crypto';
import { issueOutput, type IssueOutputCommand, type IssuedOutput } from './issue-output';
import { pdfDigest, verifyOutput } from './output-signature';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const publicJwk: OutputPublicJwkV1 = {
  kty: 'OKP',
  crv: 'Ed25519',
  x: publicKey.export({ format: 'jwk' }).x!,
  kid: 'kid-1',
  alg: 'EdDSA',
  use: 'sig',
};

const issuer = {
  agency: { code: 'DUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil' },
  timeZone: 'Asia/Jakarta',
  publicUrl: 'https://mpp.example.go.id',
};

const aCommand = (overrides: Partial<IssueOutputCommand> = {}): IssueOutputCommand => ({
  applicationId: 'a1',
  service: { code: 'DUKCAPIL-AKTA-LAHIR', name: { id: 'Akta Kelahiran', en: 'Birth Certificate' } },
  holder: { name: 'Siti Rahayu', nik: '3201014506900001' },
  facts: [],
  issuedBy: 'officer-1',
  issuedAt: new Date('2026-11-23T03:45:12.123Z'),
  ...overrides,
});

function fakePorts(issued: Record<string, string> = {}) {
  const sequences = new Map<number, number>();
  const saved: IssuedOutput[] = [];
  return {
    saved,
    sequences,
    ports: {
      issuedFor: (applicationId: string) => Promise.resolve(issued[applicationId]),
      nextSequence: (year: number) => {
        sequences.set(year, (sequences.get(year) ?? 0) + 1);
        return Promise.resolve(sequences.get(year)!);
      },
      signingKey: () => Promise.resolve({ kid: 'kid-1', privateKey }),
      save: (output: IssuedOutput) => Promise.resolve(void saved.push(output)),
    },
  };
}

describe('issueOutput', () => {
  it('numbers, renders and signs the output, and saves it', async () => {
    const { ports, saved } = fakePorts();
    const result = await issueOutput(aCommand(), issuer, ports);
    expect(result.created).toBe(true);
    const [output] = saved;
    expect(output).toMatchObject({
      documentNo: 'DUKCAPIL-2026-000001',
      agencyCode: 'DUKCAPIL',
      serviceCode: 'DUKCAPIL-AKTA-LAHIR',
      issuedAt: '2026-11-23T03:45:12.123Z',
      keyId: 'kid-1',
      applicationId: 'a1',
      issuedBy: 'officer-1',
      agencyName: issuer.agency.name,
      timeZone: 'Asia/Jakarta',
    });
    expect(output.pdfSha256).toBe(pdfDigest(output.pdf));
    expect(verifyOutput(output.pdf, output, publicJwk)).toEqual({ authentic: true });
  });

  it('gives each output of a year the next number', async () => {
    const { ports, saved } = fakePorts();
    await issueOutput(aCommand({ applicationId: 'a1' }), issuer, ports);
    await issueOutput(aCommand({ applicationId: 'a2' }), issuer, ports);
    expect(saved.map((output) => output.documentNo)).toEqual([
      'DUKCAPIL-2026-000001',
      'DUKCAPIL-2026-000002',
    ]);
  });

  it("starts the new year's numbers at the agency's midnight", async () => {
    const { ports, saved } = fakePorts();
    await issueOutput(
      aCommand({ issuedAt: new Date('2026-12-31T17:30:00Z') }),
      { ...issuer, timeZone: 'Asia/Jakarta' },
      ports,
    );
    expect(saved[0].documentNo).toBe('DUKCAPIL-2027-000001');
  });

  it('issues an application once: a second call answers the number it has and spends none', async () => {
    const { ports, saved, sequences } = fakePorts({ a1: 'DUKCAPIL-2026-000007' });
    const result = await issueOutput(aCommand(), issuer, ports);
    expect(result).toEqual({ created: false, documentNo: 'DUKCAPIL-2026-000007' });
    expect(saved).toEqual([]);
    expect(sequences.size).toBe(0);
  });
});
