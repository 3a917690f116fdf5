import { Test, type TestingModule } from '@nestjs/testing';
import { type Msg, type NatsConnection, connect } from '@nats-io/transport-node';
import { type ApiClient, createApiClient } from '@satupintu/api-client';
import {
  CoreModule,
  INSECURE_DEVELOPMENT_KEY_ENCRYPTION_KEY,
  ServiceMetrics,
  baseEnv,
  createLogger,
  loadConfig,
} from '@satupintu/common';
import { ListAgencies, type AgenciesV1, type Principal } from '@satupintu/contracts';
import { UnitOfWork } from '@satupintu/messaging';
import { databaseName, executorOf, sql } from '@satupintu/persistence';
import { serviceInfrastructure } from '@satupintu/platform';
import { ServiceProcess, TestTokenIssuer, anOfficer, testEnvironment } from '@satupintu/testing';
import { createHash, createPublicKey, randomBytes, randomUUID, verify } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { DataSource } from 'typeorm';

interface Problem {
  code: string;
  detail: string;
}
import { AGENCY_MIGRATIONS } from '../../agency/src/migrations';
import { Outputs } from '../../agency/src/outputs/outputs';
import { OutputsModule } from '../../agency/src/outputs/outputs.module';

/**
 * Outputs through the real gateway: verification by anyone (by number, and with the file),
 * the agency's published keys checked offline as a third party would (ADR 0021's steps), and
 * revocation by the agency's admin. The output is issued in DUKCAPIL's own database by the
 * agency's own code (a testing module on that database), as the workflow will issue it; the
 * gateway and the agency are real processes over NATS.
 */
describe('signed outputs through the gateway', () => {
  const env = testEnvironment();
  const HOLDER = { name: 'Siti Rahayu', nik: '3201014506900001' };
  let agency: ServiceProcess;
  let gateway: ServiceProcess;
  let issuer: TestTokenIssuer;
  let module: TestingModule;
  let identity: NatsConnection;
  let documentNo: string;
  let pdf: Buffer;

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    identity = await playIdentitysAgencyList(['DUKCAPIL', 'DPMPTSP']);
    [agency, gateway] = await Promise.all([
      ServiceProcess.start('agency', { AGENCY_CODE: 'DUKCAPIL', DEMO_SEED: 'true' }),
      ServiceProcess.start('gateway'),
    ]);

    // The agency's code on the agency's database, with the key-encryption key the process has
    // (the development one: no NODE_ENV=production in tests), as the workflow will call it.
    const config = loadConfig(baseEnv, { ...env, HTTP_PORT: '3996', LOG_LEVEL: 'silent' });
    module = await Test.createTestingModule({
      imports: [
        CoreModule.forRoot(
          createLogger('outputs-gateway-test', 'silent'),
          new ServiceMetrics('outputs-gateway-test'),
        ),
        ...serviceInfrastructure({
          config,
          name: 'outputs-gateway-test',
          database: databaseName(env.DB_PREFIX, 'agency', 'DUKCAPIL'),
          migrations: AGENCY_MIGRATIONS,
        }),
        OutputsModule.forRoot({
          agencyCode: 'DUKCAPIL',
          publicUrl: 'https://mpp.example.go.id',
          keyEncryptionKey: INSECURE_DEVELOPMENT_KEY_ENCRYPTION_KEY,
          natsUrl: config.NATS_URL,
          namespace: config.SP_NAMESPACE,
        }),
      ],
    }).compile();
    await module.init();

    const applicationId = randomUUID();
    // now() is to the microsecond, unlike the times the agency is given (JS Dates): this case
    // sits in the run's shared DUKCAPIL queue, which other suites page through by cursor.
    await executorOf(module.get(DataSource)).execute(sql`
      INSERT INTO cases (application_id, tracking_no, service_code, channel, status, submitted_at)
      VALUES (${applicationId}, ${randomBytes(5).toString('hex').slice(0, 9).toUpperCase()},
              'DUKCAPIL-AKTA-LAHIR', 'WEB', 'APPROVED', now())`);
    const outputs = module.get(Outputs);
    const issued = await module.get(UnitOfWork).run((tx) =>
      outputs.issue(
        tx,
        {
          applicationId,
          service: {
            code: 'DUKCAPIL-AKTA-LAHIR',
            name: { id: 'Akta Kelahiran', en: 'Birth Certificate' },
          },
          holder: HOLDER,
          facts: [{ label: { id: 'Tempat lahir', en: 'Place of birth' }, value: 'Cibinong' }],
          issuedBy: 'officer-approver-1',
          issuedAt: new Date(),
        },
        { agencyName: 'Dinas Kependudukan dan Pencatatan Sipil', timeZone: 'Asia/Jakarta' },
      ),
    );
    if (!issued.created) throw new Error('the output was not issued');
    documentNo = issued.output.documentNo;
    pdf = Buffer.from(issued.output.pdf);
  });

  afterAll(async () => {
    await module?.close();
    await Promise.all([agency, gateway].flatMap((service) => (service ? [service.stop()] : [])));
    await identity?.close();
    await issuer?.stop();
  });

  const anyone = (): ApiClient => createApiClient(gateway.url);
  const as = (principal: Principal) => issuer.apiClient(gateway.url, principal);

  const verifyByNumber = (number: string) =>
    anyone().GET('/v1/verify/{documentNo}', {
      params: { path: { documentNo: number }, header: { 'Accept-Language': 'en' } },
    });

  /** The file sent as it is, as a bank would upload the PDF it was handed. */
  const verifyFile = (number: string, body: Buffer, contentType = 'application/pdf') =>
    fetch(`${gateway.url}/v1/verify/${number}`, {
      method: 'POST',
      headers: { 'content-type': contentType, 'accept-language': 'en' },
      body,
    });

  const revoke = async (principal: Principal, number: string, agencyCode = 'DUKCAPIL') =>
    (await as(principal)).POST('/v1/agencies/{agencyCode}/outputs/{documentNo}/revocation', {
      params: { path: { agencyCode, documentNo: number }, header: { 'Accept-Language': 'en' } },
      body: { reason: 'Issued to the wrong holder' },
    });

  it('says a genuine number is VALID, who issued it and when, with no personal data', async () => {
    const { data, response } = await verifyByNumber(documentNo.toLowerCase());
    expect(response.status).toBe(200);
    expect(data).toMatchObject({
      documentNo,
      status: 'VALID',
      agency: { code: 'DUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil' },
      service: {
        code: 'DUKCAPIL-AKTA-LAHIR',
        name: { id: 'Akta Kelahiran', en: 'Birth Certificate' },
      },
      signed: { algorithm: 'EdDSA' },
    });
    expect(data?.issuedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+07:00$/);
    expect(data?.signed.pdfSha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    expect(JSON.stringify(data)).not.toMatch(
      /Siti|Rahayu|3201014506900001|3201\*+0001|officer-approver-1/,
    );
  });

  it('lets anyone check the file online: the exact bytes are authentic, one changed byte is not', async () => {
    const genuine = await verifyFile(documentNo, pdf);
    expect(genuine.status).toBe(200);
    expect(await genuine.json()).toMatchObject({
      documentNo,
      status: 'VALID',
      pdf: { authentic: true },
    });

    const tampered = Buffer.from(pdf);
    tampered[Math.floor(tampered.length / 2)] ^= 0x01;
    const altered = await verifyFile(documentNo, tampered);
    expect(altered.status).toBe(200);
    expect(((await altered.json()) as { pdf: unknown }).pdf).toEqual({
      authentic: false,
      reason: 'digest_mismatch',
    });
  });

  it('refuses a file over 10 MiB, an empty one, and one that is not sent as a PDF', async () => {
    const tooLarge = await declaredOversized(`${gateway.url}/v1/verify/${documentNo}`);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.code).toBe('payload_too_large');
    // The route's own limit, not the 64 KiB of JSON bodies.
    expect(tooLarge.body.detail).toContain(String(10 * 1024 * 1024));
    const empty = await verifyFile(documentNo, Buffer.alloc(0));
    expect(empty.status).toBe(400);
    const json = await verifyFile(documentNo, Buffer.from('{}'), 'application/json');
    expect(json.status).toBe(415);
    // A PDF anywhere else is refused as before.
    const elsewhere = await fetch(
      `${gateway.url}/v1/agencies/DUKCAPIL/outputs/${documentNo}/revocation`,
      { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: pdf },
    );
    expect(elsewhere.status).toBe(415);
  });

  it("publishes the agency's keys, with which a third party verifies the document offline", async () => {
    const { data: answer } = await verifyByNumber(documentNo);
    const keys = await anyone().GET('/v1/agencies/{agencyCode}/output-keys', {
      params: { path: { agencyCode: 'DUKCAPIL' } },
    });
    expect(keys.response.status).toBe(200);
    expect(keys.response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(keys.data?.agencyCode).toBe('DUKCAPIL');

    // ADR 0021, "Verifying an output offline", with nothing but node:crypto.
    const { statement, signature, keyId } = answer!.signed;
    const signed = JSON.parse(statement) as Record<string, string>;
    // 1. The file's digest is the one signed.
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(signed.pdfSha256);
    // 2. The statement is about this number, of this agency, in this format.
    expect(signed).toMatchObject({
      documentNo,
      agencyCode: 'DUKCAPIL',
      format: 'satupintu.output.v1',
    });
    // 3. The key the statement names is published.
    const key = keys.data?.keys.find((candidate) => candidate.kid === keyId);
    expect(key).toBeDefined();
    expect(signed.keyId).toBe(keyId);
    // 4. The signature verifies over the statement's bytes, and fails over changed ones.
    const publicKey = createPublicKey({
      key: { kty: key!.kty, crv: key!.crv, x: key!.x },
      format: 'jwk',
    });
    const bytes = Buffer.from(statement, 'utf8');
    const sig = Buffer.from(signature, 'base64url');
    expect(sig).toHaveLength(64);
    expect(verify(null, bytes, publicKey, sig)).toBe(true);
    const forged = Buffer.from(statement.replace(signed.pdfSha256, '0'.repeat(64)), 'utf8');
    expect(verify(null, forged, publicKey, sig)).toBe(false);
  });

  it('answers 404 for a number nobody issued, and for an agency the mall does not have', async () => {
    const [year] = /\d{4}/.exec(documentNo)!;
    for (const number of [`DUKCAPIL-${year}-999999`, 'NOPE-2026-000001']) {
      const { error, response } = await verifyByNumber(number);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(error?.code).toBe('output_not_found');
    }
    const keys = await anyone().GET('/v1/agencies/{agencyCode}/output-keys', {
      params: { path: { agencyCode: 'NOPE' } },
    });
    expect(keys.response.status).toBe(404);
    expect(keys.error?.code).toBe('agency_not_found');
  });

  it('answers 503 with Retry-After for an agency of the mall that is not answering', async () => {
    const { error, response } = await verifyByNumber('DPMPTSP-2026-000001');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(error?.code).toBe('service_unavailable');
  });

  it('answers 400 for what is not a number, without repeating it', async () => {
    const typo = 'DUKCAPIL-26-42X';
    const { error, response } = await verifyByNumber(typo);
    expect(response.status).toBe(400);
    expect(error?.errors?.map((e) => [e.field, e.code])).toEqual([
      ['documentNo', 'document_no_format'],
    ]);
    expect(JSON.stringify({ ...error, instance: undefined })).not.toContain(typo);
    // A NIK typed into the box is refused before anything is asked (the gateway's URL hygiene).
    const nik = await verifyByNumber(HOLDER.nik);
    expect(nik.response.status).toBe(400);
  });

  it('lets only the agency’s admin revoke; verification then says REVOKED; a repeat is a 409', async () => {
    const verifier = await revoke(anOfficer('DUKCAPIL', ['VERIFIER']), documentNo);
    expect(verifier.response.status).toBe(403);
    const otherAdmin = await revoke(anOfficer('DPMPTSP', ['AGENCY_ADMIN']), documentNo);
    expect(otherAdmin.response.status).toBe(403);
    const anonymous = await anyone().POST(
      '/v1/agencies/{agencyCode}/outputs/{documentNo}/revocation',
      {
        params: { path: { agencyCode: 'DUKCAPIL', documentNo } },
        body: { reason: 'no' },
      },
    );
    expect(anonymous.response.status).toBe(401);
    expect((await verifyByNumber(documentNo)).data?.status).toBe('VALID');

    const admin = anOfficer('DUKCAPIL', ['AGENCY_ADMIN']);
    const revoked = await revoke(admin, documentNo);
    expect(revoked.response.status).toBe(200);
    expect(revoked.data).toEqual({
      documentNo,
      revokedAt: expect.stringMatching(/\+07:00$/) as string,
      reason: 'Issued to the wrong holder',
      revokedBy: admin.subject,
    });

    const after = await verifyByNumber(documentNo);
    expect(after.data?.status).toBe('REVOKED');
    expect(after.data?.revokedAt).toBe(revoked.data?.revokedAt);
    expect(JSON.stringify(after.data)).not.toMatch(/wrong holder|officer/);
    // The file is still the genuine one: revoked, not forged.
    const file = await verifyFile(documentNo, pdf);
    expect(await file.json()).toMatchObject({ status: 'REVOKED', pdf: { authentic: true } });

    const again = await revoke(admin, documentNo);
    expect(again.response.status).toBe(409);
    expect(again.error?.code).toBe('output_already_revoked');

    const [year] = /\d{4}/.exec(documentNo)!;
    const unknown = await revoke(admin, `DUKCAPIL-${year}-999999`);
    expect(unknown.response.status).toBe(404);
    expect(unknown.error?.code).toBe('output_not_found');
  });

  /**
   * A PDF declared one byte over 10 MiB, of which only the first KiB is sent: an answer can
   * only come from a server that refused it on its declared length, without reading it.
   */
  function declaredOversized(url: string): Promise<{ status: number; body: Problem }> {
    return new Promise((resolve, reject) => {
      const request = httpRequest(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/pdf',
          'content-length': String(10 * 1024 * 1024 + 1),
          'accept-language': 'en',
        },
      });
      // The server closes the connection after its answer; a write may then fail (EPIPE).
      request.on('error', () => undefined);
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          request.destroy();
          resolve({
            status: response.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString()) as Problem,
          });
        });
      });
      request.write(Buffer.alloc(1024));
    });
  }

  /**
   * Identity's public list of the mall's agencies, answered over NATS in the run's namespace as
   * identity answers it (as TestTokenIssuer answers for its keys): this suite runs no identity.
   */
  async function playIdentitysAgencyList(codes: string[]): Promise<NatsConnection> {
    const nats = await connect({ servers: env.NATS_URL.split(','), name: 'outputs-test-identity' });
    const list: AgenciesV1 = {
      items: codes.map((code) => ({
        code,
        name: code,
        timeZone: 'Asia/Jakarta',
        active: true,
        version: 1,
      })),
    };
    nats.subscribe(`${env.SP_NAMESPACE}.${ListAgencies.subject}`, {
      callback: (error, msg: Msg) => {
        if (error) return;
        const { id } = msg.json<{ id?: string }>();
        msg.respond(JSON.stringify({ id, response: list, isDisposed: true }));
      },
    });
    await nats.flush();
    return nats;
  }
});
