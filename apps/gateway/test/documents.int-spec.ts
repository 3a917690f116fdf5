import { ApplicantProfileChanged, MAX_DOCUMENT_BYTES, type Principal } from '@satupintu/contracts';
import { JetStreamDocumentStore } from '@satupintu/messaging';
import {
  ServiceProcess,
  TestTokenIssuer,
  aCitizen,
  aJpeg,
  aPdf,
  aPeExecutable,
  aPng,
  anElfExecutable,
  aFrontDeskOfficer,
  anApiClient,
  anApplicant,
  anOfficer,
  eventually,
  publishEvents,
  queryServiceDb,
  testEnvironment,
} from '@satupintu/testing';
import { createHash, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Documents through the real gateway and intake, bytes in the real JetStream object store:
 * uploaded as multipart, told apart by their bytes, refused while streaming when too large,
 * leaving nothing behind when refused, attached with an application, and downloadable only by
 * those who may see that application.
 */
describe('documents: upload, attach, download', () => {
  const env = testEnvironment();
  let issuer: TestTokenIssuer;
  let services: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  let store: JetStreamDocumentStore;

  // A citizen intake knows (as it follows identity's profiles), for whom the front desk applies.
  const siti = { id: randomUUID(), ...aCitizen() };
  const sitiHerself = anApplicant({ subject: siti.id });
  const frontDesk = aFrontDeskOfficer('DUKCAPIL');
  const dukcapilVerifier = anOfficer('DUKCAPIL', ['VERIFIER']);
  const puprVerifier = anOfficer('PUPR', ['VERIFIER']);
  const anotherApplicant = anApplicant();
  const portal = anApiClient(['applications:submit', 'applications:read']);

  const auth = async (principal: Principal) =>
    issuer.authorization(principal, { expiresInSeconds: 3600 });

  async function upload(
    principal: Principal | null,
    bytes: Uint8Array,
    file: { name: string; type: string } = { name: 'ktp.pdf', type: 'application/pdf' },
    headers: Record<string, string> = {},
  ) {
    const form = new FormData();
    form.append('file', new Blob([bytes], { type: file.type }), file.name);
    const response = await fetch(`${gateway.url}/v1/documents`, {
      method: 'POST',
      headers: { ...(principal ? await auth(principal) : {}), ...headers },
      body: form,
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as Record<string, unknown>,
    };
  }

  async function download(principal: Principal | null, documentId: string) {
    const response = await fetch(`${gateway.url}/v1/documents/${documentId}`, {
      headers: principal ? await auth(principal) : {},
    });
    return {
      response,
      bytes: Buffer.from(await response.arrayBuffer()),
    };
  }

  const registryRowsOf = (principal: Principal) =>
    queryServiceDb(['intake'], 'SELECT id FROM documents WHERE owner_subject = $1', [
      principal.subject,
    ]);
  const objectNames = async () => new Set((await store.list()).map((object) => object.name));

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    services = await Promise.all([
      ServiceProcess.start('intake', { DEMO_SEED: 'true' }),
      ServiceProcess.start('gateway'),
    ]);
    gateway = services[1];
    store = new JetStreamDocumentStore({
      natsUrl: env.NATS_URL,
      namespace: env.SP_NAMESPACE,
      connectionName: 'documents-test',
    });
    await publishEvents(env.NATS_URL, env.SP_NAMESPACE, ApplicantProfileChanged, [
      {
        applicantId: siti.id,
        version: 1,
        nik: siti.nik,
        name: 'Siti Rahayu',
        birthDate: siti.birthDate,
        sex: siti.sex,
        email: `${siti.id}@example.id`,
        changedAt: new Date().toISOString(),
      },
    ]);
    await eventually(async () => {
      const rows = await queryServiceDb(['intake'], 'SELECT 1 FROM applicants WHERE id = $1', [
        siti.id,
      ]);
      expect(rows).toHaveLength(1);
    });
  });

  afterAll(async () => {
    await store?.close();
    await Promise.all(services.map((service) => service.stop()));
    await issuer?.stop();
  });

  it('takes a 10 MB PDF and gives back the same bytes, with their SHA-256', async () => {
    const pdf = aPdf(10_000_000);
    const uploaded = await upload(sitiHerself, pdf, { name: 'scan', type: 'text/plain' });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({
      contentType: 'application/pdf',
      size: pdf.length,
      sha256: sha256(pdf),
    });
    const documentId = uploaded.body.documentId as string;
    const [row] = await queryServiceDb<Record<string, unknown>>(
      ['intake'],
      'SELECT owner_kind, owner_subject, content_type, size, sha256, application_id FROM documents WHERE id = $1',
      [documentId],
    );
    expect(row).toEqual({
      owner_kind: 'applicant',
      owner_subject: siti.id,
      content_type: 'application/pdf',
      size: pdf.length,
      sha256: sha256(pdf),
      application_id: null,
    });

    const { response, bytes } = await download(sitiHerself, documentId);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-length')).toBe(String(pdf.length));
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="${documentId}.pdf"`,
    );
    const digest = Buffer.from(sha256(pdf), 'hex').toString('base64');
    expect(response.headers.get('repr-digest')).toBe(`sha-256=:${digest}:`);
    expect(bytes.length).toBe(pdf.length);
    expect(sha256(bytes)).toBe(sha256(pdf));
  });

  it('tells JPEG and PNG by their bytes, and accepts an Idempotency-Key', async () => {
    const asPng = await upload(frontDesk, aPng(), { name: 'photo.pdf', type: 'application/pdf' });
    const asJpeg = await upload(
      portal,
      aJpeg(),
      { name: 'x.png', type: 'image/png' },
      {
        'idempotency-key': `upload-${randomUUID()}`,
      },
    );
    expect([asPng.status, asPng.body.contentType]).toEqual([201, 'image/png']);
    expect([asJpeg.status, asJpeg.body.contentType]).toEqual([201, 'image/jpeg']);
  });

  it('answers a retried upload under its Idempotency-Key with the first document, keeping one copy', async () => {
    const uploader = anApplicant();
    const key = { 'idempotency-key': `upload-${randomUUID()}` };
    const pdf = aPdf(200_000);
    const before = await objectNames();
    const first = await upload(uploader, pdf, undefined, key);
    const retried = await upload(uploader, pdf, undefined, key);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.body).toEqual(first.body);
    const rows = await queryServiceDb<{ id: string; object_name: string }>(
      ['intake'],
      'SELECT id, object_name FROM documents WHERE owner_subject = $1',
      [uploader.subject],
    );
    expect(rows.map((row) => row.id)).toEqual([first.body.documentId]);
    const added = [...(await objectNames())].filter((name) => !before.has(name));
    expect(added).toEqual([rows[0].object_name]);

    // Another file under the same key is refused, and nothing of it stays.
    const other = await upload(uploader, aPdf(3000), undefined, key);
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: 'idempotency_key_reused' });
    expect((await registryRowsOf(uploader)).length).toBe(1);
    expect([...(await objectNames())].filter((name) => !before.has(name))).toEqual(added);
  });

  it.each([
    ['ELF', anElfExecutable],
    ['PE', aPeExecutable],
  ])(
    'refuses an %s executable named .pdf and declared application/pdf, leaving nothing',
    async (_kind, executable) => {
      const uploader = anApplicant();
      const before = await objectNames();
      const refused = await upload(uploader, executable());
      expect(refused.status).toBe(415);
      expect(refused.body).toMatchObject({ code: 'document_type_not_allowed', status: 415 });
      expect(await registryRowsOf(uploader)).toEqual([]);
      expect(await objectNames()).toEqual(before);
    },
  );

  it('refuses an oversized upload with 413 while it is still arriving, leaving nothing', async () => {
    const uploader = anApplicant();
    const before = await objectNames();
    const { authorization } = await auth(uploader);
    const boundary = `----sp${randomUUID()}`;
    // Far more than the limit is offered, and the body is never finished: no closing boundary,
    // no end. An answer can only come from a server that stopped before the whole body.
    const offered = 64 * 1024 * 1024;
    const request = httpRequest(`${gateway.url}/v1/documents`, {
      method: 'POST',
      headers: { authorization, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    // The server closes the connection after its answer: a write may then fail (EPIPE) before
    // the answer is read. Writing stops there; the answer is still awaited.
    let cut = false;
    request.on('error', () => (cut = true));
    const answered = new Promise<{ status: number; body: Record<string, unknown> }>(
      (resolve, reject) => {
        request.on('response', (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              body: JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>,
            }),
          );
          response.on('error', reject);
        });
      },
    );
    let isAnswered = false;
    void answered.then(() => (isAnswered = true));
    request.write(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n` +
        'Content-Type: application/pdf\r\n\r\n',
    );
    let written = 0;
    const chunk = aPdf(256 * 1024);
    const drainedOrCut = () =>
      new Promise<void>((resolve) => {
        request.once('drain', resolve);
        request.once('error', () => resolve());
      });
    // Past the limit by a chunk, the client waits: the server must answer without the rest.
    // Writing on while it answers and closes only races the close (a reset can discard the
    // answer before the client reads it), and the body is still unfinished either way.
    while (!isAnswered && !cut && written <= MAX_DOCUMENT_BYTES + chunk.length) {
      written += chunk.length;
      if (!request.write(chunk)) await Promise.race([drainedOrCut(), answered]);
    }
    const result = await answered;
    request.destroy();

    expect(result.status).toBe(413);
    expect(result.body).toMatchObject({ code: 'document_too_large', status: 413 });
    expect(result.body.detail).toContain(String(MAX_DOCUMENT_BYTES));
    expect(written).toBeLessThan(offered);
    expect(written).toBeGreaterThan(MAX_DOCUMENT_BYTES);
    expect(await registryRowsOf(uploader)).toEqual([]);
    // The gateway removes what it stored after answering; the store is asked until it has.
    await eventually(async () => expect(await objectNames()).toEqual(before));
  });

  it('refuses anonymous uploads and downloads, and a body that is not multipart', async () => {
    expect((await upload(null, aPdf(1000))).status).toBe(401);
    expect((await download(null, randomUUID())).response.status).toBe(401);
    const json = await fetch(`${gateway.url}/v1/documents`, {
      method: 'POST',
      headers: { ...(await auth(sitiHerself)), 'content-type': 'application/json' },
      body: JSON.stringify({ file: 'JVBERi0xLjc=' }),
    });
    expect(json.status).toBe(415);
    // Multipart is for uploads only: the JSON routes still refuse it.
    const form = new FormData();
    form.append('serviceCode', 'DUKCAPIL-KK');
    const submit = await fetch(`${gateway.url}/v1/applications`, {
      method: 'POST',
      headers: await auth(sitiHerself),
      body: form,
    });
    expect(submit.status).toBe(415);
  });

  describe('a document attached to an application', () => {
    let documentId: string;
    let trackingNo: string;
    let pdf: Buffer;

    const submissionsOfFrontDesk = async () =>
      (
        await queryServiceDb<{ n: number }>(
          ['intake'],
          'SELECT count(*)::int AS n FROM applications WHERE submitted_by_subject = $1',
          [frontDesk.subject],
        )
      )[0].n;
    // The front desk applies for Siti, through the typed client, with the documents named.
    const submitForSiti = async (documents: { requirement: string; documentId: string }[]) =>
      (await issuer.apiClient(gateway.url, frontDesk)).POST('/v1/applications', {
        body: {
          serviceCode: 'DUKCAPIL-KK',
          applicant: { nik: siti.nik, name: 'Siti Rahayu', consent: { method: 'SIGNED_FORM' } },
          documents,
        },
      });

    beforeAll(async () => {
      // The front desk scans Siti's KTP at the counter and applies for her with it.
      pdf = aPdf(300_000);
      const uploaded = await upload(frontDesk, pdf);
      expect(uploaded.status).toBe(201);
      documentId = uploaded.body.documentId as string;
      const submitted = await submitForSiti([{ requirement: 'F1_02', documentId }]);
      expect(submitted.response.status).toBe(201);
      const applicationId = submitted.data?.applicationId;
      trackingNo = submitted.data?.trackingNo as string;
      const rows = await queryServiceDb(
        ['intake'],
        'SELECT application_id, requirement FROM documents WHERE id = $1',
        [documentId],
      );
      expect(rows).toEqual([{ application_id: applicationId, requirement: 'F1_02' }]);
    });

    it.each([
      ['its applicant', () => sitiHerself],
      ['the owning agency’s officer', () => dukcapilVerifier],
      ['its uploader', () => frontDesk],
    ])('is downloadable by %s', async (_who, principal) => {
      const { response, bytes } = await download(principal(), documentId);
      expect(response.status).toBe(200);
      expect(sha256(bytes)).toBe(sha256(pdf));
    });

    it.each([
      ['another applicant', () => anotherApplicant],
      ['another agency’s officer', () => puprVerifier],
      ['an API client that did not upload it', () => portal],
    ])('is a 404, as for no document at all, to %s', async (_who, principal) => {
      const unknown = await download(principal(), randomUUID());
      const refused = await download(principal(), documentId);
      expect(refused.response.status).toBe(404);
      expect(unknown.response.status).toBe(404);
      const body = JSON.parse(refused.bytes.toString()) as Record<string, unknown>;
      expect(body).toMatchObject({ code: 'document_not_found', status: 404 });
      const meta = await fetch(`${gateway.url}/v1/documents/${documentId}/meta`, {
        headers: await auth(principal()),
      });
      expect(meta.status).toBe(404);
    });

    it('cannot be attached again, nor can another caller’s document', async () => {
      const others = await upload(anotherApplicant, aPdf(2000));
      const submitted = await submitForSiti([
        { requirement: 'F1_02', documentId },
        { requirement: 'KK_LAMA', documentId: others.body.documentId as string },
      ]);
      expect(submitted.response.status).toBe(422);
      expect(submitted.error?.errors).toEqual([
        expect.objectContaining({
          field: 'documents[0].documentId',
          code: 'document_already_attached',
        }),
        expect.objectContaining({ field: 'documents[1].documentId', code: 'document_not_found' }),
      ]);
    });

    it('is attached by one of two concurrent submissions; the other creates nothing', async () => {
      const uploaded = await upload(frontDesk, aPdf(4000));
      const contested = uploaded.body.documentId as string;
      const submissionsBefore = await submissionsOfFrontDesk();
      const answers = await Promise.all([
        submitForSiti([{ requirement: 'F1_02', documentId: contested }]),
        submitForSiti([{ requirement: 'F1_02', documentId: contested }]),
      ]);
      expect(answers.map((answer) => answer.response.status).sort()).toEqual([201, 422]);
      const winner = answers.find((answer) => answer.response.status === 201)?.data;
      expect(
        await queryServiceDb(['intake'], 'SELECT application_id FROM documents WHERE id = $1', [
          contested,
        ]),
      ).toEqual([{ application_id: winner?.applicationId }]);
      // The refused submission's application went with its attachment: one more, not two.
      expect(await submissionsOfFrontDesk()).toBe(submissionsBefore + 1);
    });

    it('shows its application and requirement to its applicant', async () => {
      const meta = await fetch(`${gateway.url}/v1/documents/${documentId}/meta`, {
        headers: await auth(sitiHerself),
      });
      expect(meta.status).toBe(200);
      expect(await meta.json()).toMatchObject({ documentId, requirement: 'F1_02' });
    });

    it("shows the application's requirements: this document attached, the others missing", async () => {
      const read = await (
        await issuer.apiClient(gateway.url, sitiHerself)
      ).GET('/v1/applications/{trackingNo}', { params: { path: { trackingNo } } });
      expect(read.response.status).toBe(200);
      const requirements = read.data?.requirements;
      expect(requirements?.documents).toEqual([
        { requirement: 'KK_LAMA', mandatory: false, state: 'MISSING' },
        { requirement: 'SURAT_PENGANTAR_RT_RW', mandatory: false, state: 'MISSING' },
        {
          requirement: 'F1_02',
          mandatory: true,
          state: 'ATTACHED',
          document: {
            documentId,
            contentType: 'application/pdf',
            size: pdf.length,
            sha256: sha256(pdf),
          },
        },
        { requirement: 'AKTA_KELAHIRAN', mandatory: false, state: 'MISSING' },
      ]);
      // No form was sent: every field of the standard shows as not given.
      expect(requirements?.fields.length).toBeGreaterThan(0);
      expect(requirements?.fields.every((field) => !field.given)).toBe(true);
    });
  });

  it("checks offered documents against the service's document requirements, attaching none of a refused submission", async () => {
    const applicant = anApplicant();
    const client = await issuer.apiClient(gateway.url, applicant);
    const small = (await upload(applicant, aPdf(3000))).body.documentId as string;
    const photo = (await upload(applicant, aPng())).body.documentId as string;
    // DUKCAPIL-KK takes scans of at most 2 MiB for its current family card.
    const big = (await upload(applicant, aPdf(3 * 1024 * 1024))).body.documentId as string;
    const kk = await client.POST('/v1/applications', {
      body: {
        serviceCode: 'DUKCAPIL-KK',
        documents: [
          { requirement: 'KTP', documentId: small },
          { requirement: 'KK_LAMA', documentId: big },
          { requirement: 'F1_02', documentId: photo },
          { requirement: 'F1_02', documentId: small },
        ],
      },
    });
    expect(kk.response.status).toBe(422);
    expect(kk.error?.errors).toEqual([
      expect.objectContaining({ field: 'documents[3].documentId', code: 'document_offered_twice' }),
      expect.objectContaining({ field: 'documents[0].requirement', code: 'unknown_requirement' }),
      expect.objectContaining({
        field: 'documents[1].documentId',
        code: 'document_too_large_for_requirement',
      }),
      expect.objectContaining({
        field: 'documents[3].requirement',
        code: 'requirement_offered_twice',
      }),
    ]);
    // PUPR-PBG takes its architectural drawings as PDF only.
    const pbg = await client.POST('/v1/applications', {
      body: {
        serviceCode: 'PUPR-PBG',
        documents: [{ requirement: 'GAMBAR_ARSITEKTUR', documentId: photo }],
      },
    });
    expect(pbg.response.status).toBe(422);
    expect(pbg.error?.errors).toEqual([
      expect.objectContaining({
        field: 'documents[0].documentId',
        code: 'document_type_not_for_requirement',
      }),
    ]);
    expect(
      await queryServiceDb(
        ['intake'],
        'SELECT id FROM documents WHERE owner_subject = $1 AND application_id IS NOT NULL',
        [applicant.subject],
      ),
    ).toEqual([]);
  });

  // Last: it stops intake.
  it('answers 503 with Retry-After while intake is away, and keeps nothing it stored', async () => {
    await services[0].stop();
    const uploader = anApplicant();
    const before = await objectNames();
    const refused = await upload(uploader, aPdf(500_000));
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ code: 'service_unavailable' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await objectNames()).toEqual(before);
  });
});
