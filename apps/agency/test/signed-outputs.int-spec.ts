import { Test, type TestingModule } from '@nestjs/testing';
import {
  CoreModule,
  ServiceMetrics,
  baseEnv,
  createLogger,
  keyEncryptionKeyFrom,
  loadConfig,
  openSealedJwk,
} from '@satupintu/common';
import { UnitOfWork } from '@satupintu/messaging';
import { databaseName, executorOf, sql, type Executor } from '@satupintu/persistence';
import { serviceInfrastructure } from '@satupintu/platform';
import { domainErrorOf, testEnvironment } from '@satupintu/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AGENCY_MIGRATIONS } from '../src/migrations';
import type { IssueOutputCommand } from '../src/outputs/issue-output';
import { pdfDigest, verifyOutput } from '../src/outputs/output-signature';
import { OutputSigningKeys } from '../src/outputs/output-signing-keys';
import { signedOutputOf } from '../src/outputs/output-verification';
import { Outputs } from '../src/outputs/outputs';
import { OutputsModule } from '../src/outputs/outputs.module';
import { OutputsRepository } from '../src/outputs/outputs.repository';

/**
 * Issued outputs against the agency's real database, migrated as the service migrates it: the
 * numbers under concurrency, the signing key at rest, a tampered PDF, revocation.
 */
describe('signed outputs in the agency database', () => {
  const env = testEnvironment();
  const AGENCY = 'OUTPUTS';
  const kekBase64 = randomBytes(32).toString('base64');
  let module: TestingModule;
  let db: Executor;
  let outputs: Outputs;
  let unitOfWork: UnitOfWork;

  beforeAll(async () => {
    const config = loadConfig(baseEnv, { ...env, HTTP_PORT: '3997', LOG_LEVEL: 'silent' });
    module = await Test.createTestingModule({
      imports: [
        CoreModule.forRoot(
          createLogger('outputs-test', 'silent'),
          new ServiceMetrics('outputs-test'),
        ),
        ...serviceInfrastructure({
          config,
          name: 'outputs-test',
          database: databaseName(env.DB_PREFIX, 'agency', AGENCY),
          migrations: AGENCY_MIGRATIONS,
        }),
        OutputsModule.forRoot({
          agencyCode: AGENCY,
          publicUrl: 'https://mpp.example.go.id',
          keyEncryptionKey: kekBase64,
          natsUrl: config.NATS_URL,
          namespace: config.SP_NAMESPACE,
        }),
      ],
    }).compile();
    await module.init();
    db = executorOf(module.get(DataSource));
    outputs = module.get(Outputs);
    unitOfWork = module.get(UnitOfWork);
  });

  afterAll(async () => {
    await module?.close();
  });

  const issuer = { agencyName: 'Dinas Uji Keluaran', timeZone: 'Asia/Jakarta' };

  /** A case in the agency's table (outputs belong to one) and the command that issues it. */
  async function aCase(overrides: Partial<IssueOutputCommand> = {}): Promise<IssueOutputCommand> {
    const applicationId = randomUUID();
    await db.execute(sql`
      INSERT INTO cases (application_id, tracking_no, service_code, channel, status, submitted_at)
      VALUES (${applicationId}, ${randomBytes(5).toString('hex').slice(0, 9).toUpperCase()},
              'OUTPUTS-IZIN', 'WEB', 'APPROVED', now())`);
    return {
      applicationId,
      service: { code: 'OUTPUTS-IZIN', name: { id: 'Izin Uji', en: 'Test Permit' } },
      holder: { name: 'Siti Rahayu', nik: '3201014506900001' },
      facts: [{ label: { id: 'Lokasi', en: 'Location' }, value: 'Cibinong' }],
      issuedBy: 'officer-1',
      issuedAt: new Date('2031-03-04T05:06:07.089Z'),
      ...overrides,
    };
  }

  const issue = async (command: IssueOutputCommand) =>
    unitOfWork.run((tx) => outputs.issue(tx, command, issuer));

  it('makes one signing key when replicas ask for it at once, and keeps its private half sealed', async () => {
    // Two instances of the service on one database, as two replicas would be.
    const replica = new OutputSigningKeys(module.get(DataSource), keyEncryptionKeyFrom(kekBase64));
    const keys = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        (i % 2 ? replica : module.get(OutputSigningKeys)).activeKey(),
      ),
    );
    expect(new Set(keys.map((key) => key.kid)).size).toBe(1);

    const rows = await db.query<{ kid: string; publicJwk: object; sealed: Buffer }>(sql`
      SELECT kid, public_jwk AS "publicJwk", private_jwk_sealed AS sealed FROM output_signing_keys`);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    const { d } = openSealedJwk<{ d: string }>(
      row.sealed,
      keyEncryptionKeyFrom(kekBase64),
      row.kid,
    );
    expect(d).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Neither the JWK's text nor the raw 32 bytes of the private key are in the row.
    expect(row.sealed.includes(Buffer.from(d))).toBe(false);
    expect(row.sealed.includes(Buffer.from(d, 'base64url'))).toBe(false);
    expect(JSON.stringify(row.publicJwk)).not.toContain(d);
    expect(row.publicJwk).toEqual({
      kty: 'OKP',
      crv: 'Ed25519',
      x: expect.any(String) as string,
      kid: row.kid,
      alg: 'EdDSA',
      use: 'sig',
    });
    // Without the key-encryption key the row is of no use.
    expect(() => openSealedJwk(row.sealed, randomBytes(32), row.kid)).toThrow(/does not open/);
  });

  it('gives 20 outputs issued at once 20 distinct numbers, in sequence, and no gap for a rollback', async () => {
    const commands = await Promise.all(Array.from({ length: 20 }, () => aCase()));
    const issued = await Promise.all(commands.map(issue));
    const numbers = issued.map((result) => (result.created ? result.output.documentNo : '')).sort();
    expect(numbers).toEqual(
      Array.from({ length: 20 }, (_, i) => `${AGENCY}-2031-${String(i + 1).padStart(6, '0')}`),
    );

    // An issue whose transaction fails gives its number back.
    const failing = await aCase();
    await expect(
      unitOfWork.run(async (tx) => {
        await outputs.issue(tx, failing, issuer);
        throw new Error('the workflow failed after issuing');
      }),
    ).rejects.toThrow('the workflow failed');
    const next = await issue(await aCase());
    expect(next.created && next.output.documentNo).toBe(`${AGENCY}-2031-000021`);
    expect(await OutputsRepository.byApplication(db, failing.applicationId)).toBeUndefined();
  });

  it('issues an application once', async () => {
    const command = await aCase({ issuedAt: new Date('2032-01-10T01:00:00Z') });
    const first = await issue(command);
    const again = await issue(command);
    expect(first.created && first.output.documentNo).toBe(`${AGENCY}-2032-000001`);
    expect(again).toEqual({ created: false, documentNo: `${AGENCY}-2032-000001` });
  });

  it('keeps the PDF that verifies against the published key, and tells a changed byte', async () => {
    const result = await issue(await aCase({ issuedAt: new Date('2033-06-01T02:00:00Z') }));
    if (!result.created) throw new Error('not issued');
    const { documentNo } = result.output;
    const pdf = await outputs.pdf(documentNo);
    expect(pdf.equals(Buffer.from(result.output.pdf))).toBe(true);

    // A third party's check: the public keys, the published statement and signature, the PDF.
    const answer = await outputs.verify(documentNo);
    expect(answer).toMatchObject({
      documentNo,
      status: 'VALID',
      agency: { code: AGENCY, name: 'Dinas Uji Keluaran' },
      issuedAt: '2033-06-01T09:00:00.000+07:00',
    });
    expect(JSON.stringify(answer)).not.toMatch(/Siti|3201014506900001|320101\*+0001|officer-1/);
    const { agencyCode, keys } = await outputs.publishedKeys();
    expect(agencyCode).toBe(AGENCY);
    const [key] = keys;
    const signed = {
      ...(JSON.parse(answer.signed.statement) as object),
      signature: answer.signed.signature,
    };
    expect(verifyOutput(pdf, signed as never, key)).toEqual({ authentic: true });

    const tampered = Buffer.from(pdf);
    tampered[Math.floor(tampered.length / 2)] ^= 0x20;
    expect((await outputs.verify(documentNo, pdfDigest(tampered))).pdf).toEqual({
      authentic: false,
      reason: 'digest_mismatch',
    });
    expect((await outputs.verify(documentNo, pdfDigest(pdf))).pdf).toEqual({ authentic: true });
    const record = await OutputsRepository.byNumber(db, documentNo);
    expect(verifyOutput(pdf, signedOutputOf(record!), key)).toEqual({ authentic: true });
  });

  it('revokes with a reason and who did it; verification then says revoked', async () => {
    const result = await issue(await aCase({ issuedAt: new Date('2034-02-02T02:00:00Z') }));
    if (!result.created) throw new Error('not issued');
    const { documentNo } = result.output;

    const revoked = await outputs.revoke({
      documentNo: documentNo.toLowerCase(),
      reason: '  issued to the wrong holder ',
      by: 'admin-7',
    });
    expect(revoked).toEqual({
      documentNo,
      revokedAt: expect.stringMatching(/\+07:00$/) as string,
      reason: 'issued to the wrong holder',
      revokedBy: 'admin-7',
    });
    const [row] = await db.query<{ reason: string; by: string; at: Date | null }>(sql`
      SELECT revoke_reason AS reason, revoked_by AS by, revoked_at AS at
        FROM outputs WHERE document_no = ${documentNo}`);
    expect(row).toEqual({
      reason: 'issued to the wrong holder',
      by: 'admin-7',
      at: expect.any(Date) as Date,
    });

    const answer = await outputs.verify(documentNo);
    expect(answer.status).toBe('REVOKED');
    expect(answer.revokedAt).toMatch(/\+07:00$/);
    expect(JSON.stringify(answer)).not.toMatch(/wrong holder|admin-7/);

    const again = await domainErrorOf(
      outputs.revoke({ documentNo, reason: 'twice', by: 'admin-8' }),
    );
    expect({ code: again.code, status: again.status }).toEqual({
      code: 'output_already_revoked',
      status: 409,
    });
    const [unchanged] = await db.query<{ by: string }>(sql`
      SELECT revoked_by AS by FROM outputs WHERE document_no = ${documentNo}`);
    expect(unchanged.by).toBe('admin-7');

    const blank = await domainErrorOf(outputs.revoke({ documentNo, reason: ' ', by: 'admin-7' }));
    expect(blank.status).toBe(400);
  });

  it('answers 404 for an unknown number or another agency’s, and 400 for what is no number', async () => {
    for (const documentNo of [`${AGENCY}-2031-999999`, 'DUKCAPIL-2031-000001']) {
      const error = await domainErrorOf(outputs.verify(documentNo));
      expect({ code: error.code, status: error.status }).toEqual({
        code: 'output_not_found',
        status: 404,
      });
    }
    const garbage = await domainErrorOf(outputs.verify('3201014506900001'));
    expect(garbage.status).toBe(400);
    expect(JSON.stringify(garbage.serialize())).not.toContain('3201014506900001');
  });
});
