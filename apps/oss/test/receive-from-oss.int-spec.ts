import { JetStreamDocumentStore } from '@satupintu/messaging';
import {
  FakeOss,
  PIA_REQUEST_EXAMPLE,
  type PiaFileDsBody,
  type PiaNibBody,
  ServiceProcess,
  aCitizen,
  aPdf,
  aPeExecutable,
  demoNibExample,
  deleteNamespaceStreams,
  eventually,
  piaExample,
  queryServiceDb,
  testEnvironment,
} from '@satupintu/testing';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ACCOUNTS } from '../../identity/src/demo/demo-accounts';
import { DEMO_PERMIT_MAP } from '../src/inbound/demo-permit-map';
import { ossToken } from '../src/inbound/token';

const USERNAME = 'OSS000';
const PASSWORD = 'kata-sandi-uji';
const credentials = { username: USERNAME, password: PASSWORD, timeZone: 'Asia/Jakarta' };
const NIB = '8120000110171';
const OTHER_NIB = '8120000110172';
const DAY_MS = 86_400_000;
/** How often the oss service tries a signed file here before it records it FAILED. */
const FILE_ATTEMPTS = 4;
/** The credential in a signed file URL's query: never shown, never logged. */
const URL_SECRET = 'rahasia-tanda-tangan-url';

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

/**
 * OSS calling the mall's receiveNIB and receiveFileDS through the gateway, with the PIA's own
 * example bodies read from the published document (docs/reference/oss-pia), against the real
 * gateway, oss, identity and intake (demo catalog) over PostgreSQL and NATS.
 */
describe('OSS calls the mall: receiveNIB and receiveFileDS (PIA v4.3.22)', () => {
  const env = testEnvironment();
  const namespace = `${env.SP_NAMESPACE}-ossin`;
  const prefix = `${env.DB_PREFIX}_ossin`;
  const isolated = { SP_NAMESPACE: namespace, DB_PREFIX: prefix };
  const services: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  let adminAuthorization: string;
  /** OSS's file server, for receiveFileDS's files (the mall is told it may fetch from it). */
  let fileServer: FakeOss;

  const oss = (db: string, sql: string, params: unknown[] = []) =>
    queryServiceDb<Record<string, string>>([db], sql, params, prefix);

  async function call(method: string, body: string, token?: string): Promise<Answer> {
    const response = await fetch(`${gateway.url}/v1/oss/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { token } : {}) },
      body,
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: JSON.parse(text) };
  }

  const tokenFor = (nib: string, at = new Date()) => ossToken(credentials, nib, at);

  /** The signed PBG on OSS's file server, its URL signed as file servers sign theirs. */
  const signedPbgUrl = () =>
    `${fileServer.serveFile('I-NIB1-PBG.pdf', aPdf(5000))}?signature=${URL_SECRET}&expires=1`;

  /** The PIA's receiveNIB example, as published. */
  const rawNibExample = () => piaExample('receiveNIB', PIA_REQUEST_EXAMPLE);

  /**
   * The PIA's example with the values it leaves empty (as the demo's): a NIB, its business, its
   * person responsible by KTP, a project with its KBLI, and three permits: one the demo map knows
   * by code (PBG), one by code and KBLI (reklame for KBLI 73100), one it does not know.
   */
  const filledNib = (nib = NIB, idPrefix = 'I-NIB1'): PiaNibBody => demoNibExample(nib, idPrefix);

  /** The oss service's settings here (OSS's file server is started first). */
  const ossEnv = () => ({
    OSS_USERNAME: USERNAME,
    OSS_PASSWORD: PASSWORD,
    OSS_FILE_HOSTS: `127.0.0.1:${fileServer.port}`,
    // A file is given up on after a few seconds of failing, not a day.
    OSS_FILE_ATTEMPTS: String(FILE_ATTEMPTS),
  });

  beforeAll(async () => {
    fileServer = await new FakeOss('unused').start();
    // One after the other: on a loaded machine three starting at once can each miss their 30 s.
    for (const [name, extra] of [
      // Identity: the businesses, and the demo mall admin who reads the unmapped permits.
      ['identity', { DEMO_SEED: 'true', NODE_ENV: 'test' }],
      ['intake', { DEMO_SEED: 'true' }],
      ['oss', ossEnv()],
      ['gateway', {}],
    ] as const)
      services.push(await ServiceProcess.start(name, { ...isolated, ...extra }));
    gateway = services.at(-1)!;
    // The gateway may not have identity's keys yet: sign in until the token is taken.
    await eventually(async () => {
      const login = await fetch(`${gateway.url}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ identifier: 'admin.mall', password: DEMO_ACCOUNTS.officerPassword }),
      });
      expect(login.status).toBe(200);
      const { access_token } = (await login.json()) as { access_token: string };
      adminAuthorization = `Bearer ${access_token}`;
      const probe = await fetch(`${gateway.url}/v1/oss/unmapped-permits`, {
        headers: { authorization: adminAuthorization },
      });
      expect(probe.status).toBe(200);
    }, 60_000);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await fileServer?.stop();
    await deleteNamespaceStreams(env.NATS_URL, namespace);
  });

  it("answers the PIA's example as published with the PIA's 400 naming its empty nib, and writes nothing", async () => {
    const answer = await call('receiveNIB', rawNibExample(), tokenFor(''));
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.body).toEqual({
      responreceiveNIB: { status: '2', keterangan: 'Data Parameter Salah: dataNIB.nib' },
    });
    expect(await oss('oss', 'SELECT nib FROM oss_nibs')).toEqual([]);
  });

  it("opens the applications the checklist asks of the mall's agencies, and records the unmapped permit", async () => {
    const answer = await call('receiveNIB', JSON.stringify(filledNib()), tokenFor(NIB));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      responreceiveNIB: { status: '1', keterangan: 'Berhasil menyimpan data' },
    });

    const permits = await eventually(async () => {
      const rows = await oss(
        'oss',
        `SELECT id_izin, state, service_code, tracking_no, application_id::text
           FROM oss_permits WHERE nib = $1 ORDER BY id_izin`,
        [NIB],
      );
      expect(rows.filter((row) => row.state === 'OPENING')).toEqual([]);
      return rows;
    }, 30_000);
    expect(permits).toEqual([
      expect.objectContaining({ id_izin: 'I-NIB1-PBG', state: 'OPENED', service_code: 'PUPR-PBG' }),
      expect.objectContaining({
        id_izin: 'I-NIB1-REK',
        state: 'OPENED',
        service_code: 'DPMPTSP-REKLAME',
      }),
      expect.objectContaining({ id_izin: 'I-NIB1-UNK', state: 'UNMAPPED', service_code: null }),
    ]);

    // Intake has exactly these applications, for the person responsible, through the portal,
    // naming the business identity made of the NIB (its owner is still pending: no account).
    const [{ id: businessId }] = await oss(
      'identity',
      'SELECT id::text FROM businesses WHERE nib = $1',
      [NIB],
    );
    const applications = await oss(
      'intake',
      `SELECT id::text, tracking_no, service_code, channel, external_reference,
              business_id::text, applicant_id::text, applicant_nik
         FROM applications WHERE external_reference LIKE $1 ORDER BY external_reference`,
      [`oss:${NIB}:%`],
    );
    const responsible = {
      business_id: businessId,
      applicant_id: null,
      applicant_nik: '3201015506900003',
    };
    expect(applications).toEqual([
      {
        service_code: 'PUPR-PBG',
        channel: 'PORTAL',
        external_reference: `oss:${NIB}:I-NIB1-PBG`,
        tracking_no: permits[0].tracking_no,
        id: permits[0].application_id,
        ...responsible,
      },
      {
        service_code: 'DPMPTSP-REKLAME',
        channel: 'PORTAL',
        external_reference: `oss:${NIB}:I-NIB1-REK`,
        tracking_no: permits[1].tracking_no,
        id: permits[1].application_id,
        ...responsible,
      },
    ]);

    // The mall admin sees the permit to map.
    const listed = await fetch(`${gateway.url}/v1/oss/unmapped-permits`, {
      headers: { authorization: adminAuthorization },
    });
    expect(listed.status).toBe(200);
    expect(await listed.json()).toEqual({
      items: [
        expect.objectContaining({
          nib: NIB,
          idIzin: 'I-NIB1-UNK',
          kdIzin: '999000000001',
          kbli: '73100',
        }),
      ],
    });
  });

  /** Identity's business of a NIB, its members and its pending owners. */
  async function businessOf(nib: string) {
    const [business] = await oss(
      'identity',
      `SELECT id::text, name, kbli, address, npwp, version, updated_at::text,
              (SELECT coalesce(json_agg(json_build_object('applicantId', applicant_id, 'role', role)
                                        ORDER BY added_at), '[]')
                 FROM business_members WHERE business_id = b.id) AS members,
              (SELECT coalesce(json_agg(json_build_object('nik', nik, 'name', name) ORDER BY nik), '[]')
                 FROM business_pending_owners WHERE business_id = b.id) AS pending
         FROM businesses b WHERE nib = $1`,
      [nib],
    );
    return business as unknown as
      | {
          id: string;
          name: string;
          kbli: string[];
          address: unknown;
          npwp: string | null;
          version: number;
          updated_at: string;
          members: { applicantId: string; role: string }[];
          pending: { nik: string; name: string }[];
        }
      | undefined;
  }

  /** The NIB's business as the oss service last brought it to identity. */
  const syncedBusinessOf = async (nib: string) =>
    (
      await oss(
        'oss',
        'SELECT business_id::text, owner_id::text, digest, failure FROM oss_businesses WHERE nib = $1',
        [nib],
      )
    )[0];

  it('creates the business in identity from the NIB, its owner by KTP pending until they register', async () => {
    const synced = await eventually(async () => {
      const row = await syncedBusinessOf(NIB);
      expect(row?.digest).toEqual(expect.any(String));
      return row;
    }, 30_000);
    const business = await businessOf(NIB);
    expect(business).toEqual({
      id: synced.business_id,
      name: 'PT Maju Bersama Cibinong',
      kbli: ['73100'],
      address: {
        line: 'Jl. Raya Tegar Beriman No. 1',
        districtCode: '32.01.01',
        postalCode: '16911',
      },
      npwp: '012345678901234',
      version: 1,
      updated_at: expect.any(String) as string,
      members: [],
      pending: [{ nik: '3201015506900003', name: 'Siti Rahmawati' }],
    });
    expect(synced).toEqual({
      business_id: business?.id,
      owner_id: null,
      digest: expect.stringMatching(/^[0-9a-f]{64}$/) as string,
      failure: null,
    });
  });

  it('opens nothing twice when the same NIB comes again, however large', async () => {
    // Larger than the gateway's 64 KiB for other bodies: the PIA's long fields filled to their length.
    const large = filledNib();
    large.dataNIB.dalam_bentuk_lain = 'x'.repeat(50_000);
    large.dataNIB.data_proyek[0].uraian_usaha = 'y'.repeat(65_535);
    const again = await call('receiveNIB', JSON.stringify(large), tokenFor(NIB));
    expect(again.status).toBe(200);
    const [counts] = await oss(
      'oss',
      `SELECT (SELECT count(*) FROM oss_permits WHERE nib = $1) AS permits,
              (SELECT received_count FROM oss_nibs WHERE nib = $1) AS received,
              (SELECT count(*) FROM jobs WHERE kind IN ('oss.permit.open', 'oss.business.sync')) AS jobs`,
      [NIB],
    );
    expect(counts).toEqual({ permits: '3', received: 2, jobs: '0' });
    const [intake] = await oss(
      'intake',
      'SELECT count(*) AS n FROM applications WHERE external_reference LIKE $1',
      [`oss:${NIB}:%`],
    );
    expect(intake.n).toBe('2');
    // The same business: identity was not asked again (no new version, no write).
    const before = await businessOf(NIB);
    expect(before?.version).toBe(1);
    expect(await businessOf(NIB)).toEqual(before);
  });

  it("brings identity's business up to date when OSS sends the NIB changed, once; the owner takes it on registering", async () => {
    const before = await businessOf(NIB);
    const owner = aCitizen();
    const changed = filledNib();
    changed.dataNIB.nama_perseroan = 'PT Maju Bersama Nusantara';
    Object.assign(changed.dataNIB.data_proyek[0], { kbli: '56101' });
    Object.assign(changed.dataNIB.penanggung_jwb[0], {
      no_identitas_penanggung_jwb: owner.nik,
      nama_penanggung_jwb: 'Budi Santoso',
    });
    const body = JSON.stringify(changed);
    expect((await call('receiveNIB', body, tokenFor(NIB))).status).toBe(200);
    const after = await eventually(async () => {
      const business = await businessOf(NIB);
      expect(business?.version).toBe(2);
      return business;
    }, 30_000);
    expect(after).toEqual({
      ...before,
      name: 'PT Maju Bersama Nusantara',
      kbli: ['56101'],
      version: 2,
      updated_at: expect.any(String) as string,
      members: [],
      // OSS names an owner; it takes none away.
      pending: [
        { nik: owner.nik, name: 'Budi Santoso' },
        { nik: '3201015506900003', name: 'Siti Rahmawati' },
      ].sort((a, b) => a.nik.localeCompare(b.nik)),
    });

    // The same changed NIB again changes nothing twice.
    expect((await call('receiveNIB', body, tokenFor(NIB))).status).toBe(200);
    await eventually(async () => {
      const [jobs] = await oss(
        'oss',
        "SELECT count(*) AS n FROM jobs WHERE kind = 'oss.business.sync'",
      );
      expect(jobs.n).toBe('0');
    }, 30_000);
    expect(await businessOf(NIB)).toEqual(after);

    // The owner registers: they are the business's OWNER, pending no longer.
    const registered = await fetch(`${gateway.url}/v1/applicants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ...owner,
        name: 'Budi Santoso',
        password: 'kopi tubruk di pagi hari',
      }),
    });
    expect(registered.status).toBe(201);
    const { applicantId } = (await registered.json()) as { applicantId: string };
    const owned = await businessOf(NIB);
    expect(owned).toMatchObject({
      version: 3,
      members: [{ applicantId, role: 'OWNER' }],
      pending: [{ nik: '3201015506900003', name: 'Siti Rahmawati' }],
    });
  });

  it('opens each permit once when OSS sends the same NIB three times at once', async () => {
    const nib = '8120000110173';
    const body = JSON.stringify(filledNib(nib, 'I-NIB3'));
    const answers = await Promise.all([1, 2, 3].map(() => call('receiveNIB', body, tokenFor(nib))));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    await eventually(async () => {
      const rows = await oss(
        'oss',
        "SELECT state FROM oss_permits WHERE nib = $1 AND state = 'OPENING'",
        [nib],
      );
      expect(rows).toEqual([]);
    }, 30_000);
    const [intake] = await oss(
      'intake',
      'SELECT count(*) AS n FROM applications WHERE external_reference LIKE $1',
      [`oss:${nib}:%`],
    );
    expect(intake.n).toBe('2');
    const [counts] = await oss(
      'oss',
      `SELECT count(*) AS permits, count(*) FILTER (WHERE state = 'OPENED') AS opened
         FROM oss_permits WHERE nib = $1`,
      [nib],
    );
    expect(counts).toEqual({ permits: '3', opened: '2' });
  });

  it('opens the applications of an owner with an account naming the business, and the owner sees them as their own', async () => {
    // Someone registered with the mall before OSS sends their business's NIB.
    const owner = { ...aCitizen(), password: 'teh manis di sore hari' };
    const registered = await fetch(`${gateway.url}/v1/applicants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...owner, name: 'Dewi Lestari' }),
    });
    expect(registered.status).toBe(201);
    const { applicantId } = (await registered.json()) as { applicantId: string };
    // Intake follows accounts from identity's events: it knows her before OSS calls.
    await eventually(async () => {
      const known = await oss('intake', 'SELECT id::text FROM applicants WHERE nik = $1', [
        owner.nik,
      ]);
      expect(known).toEqual([{ id: applicantId }]);
    }, 30_000);

    const nib = '8120000110175';
    const body = filledNib(nib, 'I-NIB5');
    Object.assign(body.dataNIB.penanggung_jwb[0], {
      no_identitas_penanggung_jwb: owner.nik,
      nama_penanggung_jwb: 'Dewi Lestari',
    });
    expect((await call('receiveNIB', JSON.stringify(body), tokenFor(nib))).status).toBe(200);
    const opened = await eventually(async () => {
      const rows = await oss(
        'oss',
        `SELECT tracking_no FROM oss_permits
          WHERE nib = $1 AND state = 'OPENED' ORDER BY id_izin`,
        [nib],
      );
      expect(rows).toHaveLength(2);
      return rows.map((row) => row.tracking_no);
    }, 30_000);

    // Identity made the business hers (OWNER), and the applications name it.
    const business = await businessOf(nib);
    expect(business?.members).toEqual([{ applicantId, role: 'OWNER' }]);
    const applications = await oss(
      'intake',
      `SELECT tracking_no, applicant_id::text, business_id::text FROM applications
        WHERE external_reference LIKE $1 ORDER BY tracking_no`,
      [`oss:${nib}:%`],
    );
    expect(applications).toEqual(
      [...opened].sort().map((trackingNo) => ({
        tracking_no: trackingNo,
        applicant_id: applicantId,
        business_id: business?.id,
      })),
    );

    // She signs in and finds them among her own applications, each naming her business.
    const login = await fetch(`${gateway.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: owner.nik, password: owner.password }),
    });
    expect(login.status).toBe(200);
    const { access_token } = (await login.json()) as { access_token: string };
    const mine = await fetch(`${gateway.url}/v1/applications`, {
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(mine.status).toBe(200);
    const { items } = (await mine.json()) as { items: { trackingNo: string; channel: string }[] };
    expect(items.map((item) => item.trackingNo).sort()).toEqual([...opened].sort());
    for (const trackingNo of opened) {
      const one = await fetch(`${gateway.url}/v1/applications/${trackingNo}`, {
        headers: { authorization: `Bearer ${access_token}` },
      });
      expect(one.status).toBe(200);
      expect(await one.json()).toMatchObject({
        trackingNo,
        channel: 'PORTAL',
        businessId: business?.id,
      });
    }
  });

  it("refuses a wrong, missing, another day's or another NIB's Token with the PIA's 401, writing nothing", async () => {
    const body = JSON.stringify(filledNib(OTHER_NIB, 'I-NIB2'));
    const now = Date.now();
    const wrongPassword = ossToken({ ...credentials, password: 'salah' }, OTHER_NIB, new Date());
    for (const token of [
      undefined,
      wrongPassword,
      tokenFor(OTHER_NIB, new Date(now - DAY_MS)),
      tokenFor(OTHER_NIB, new Date(now + DAY_MS)),
      tokenFor(NIB),
      'not-a-token',
    ]) {
      const answer = await call('receiveNIB', body, token);
      expect({ token, status: answer.status, body: answer.body }).toEqual({
        token,
        status: 401,
        body: { responreceiveNIB: { status: '2', keterangan: 'User Akses Tidak Valid' } },
      });
      expect(answer.headers.get('www-authenticate')).toBe('Token realm="oss"');
    }
    expect(await oss('oss', 'SELECT nib FROM oss_nibs WHERE nib = $1', [OTHER_NIB])).toEqual([]);
  });

  it("answers a malformed body with the PIA's 400 naming the field, writing nothing", async () => {
    const badPermit = filledNib(OTHER_NIB, 'I-NIB2');
    badPermit.dataNIB.data_checklist[2].id_izin = 12345;
    const answer = await call('receiveNIB', JSON.stringify(badPermit), tokenFor(OTHER_NIB));
    expect(answer).toMatchObject({
      status: 400,
      body: {
        responreceiveNIB: {
          status: '2',
          keterangan: 'Data Parameter Salah: dataNIB.data_checklist[2].id_izin',
        },
      },
    });
    const notJson = await call('receiveNIB', '{"dataNIB": {', tokenFor(OTHER_NIB));
    expect(notJson).toMatchObject({
      status: 400,
      body: { responreceiveNIB: { status: '2', keterangan: 'Data Parameter Salah: body' } },
    });
    expect(await oss('oss', 'SELECT nib FROM oss_nibs WHERE nib = $1', [OTHER_NIB])).toEqual([]);
    expect(await oss('oss', 'SELECT id_izin FROM oss_permits WHERE nib = $1', [OTHER_NIB])).toEqual(
      [],
    );
  });

  it('records the signed file OSS sends against its permit and application, once', async () => {
    const raw = piaExample('receiveFileDS', PIA_REQUEST_EXAMPLE);
    const empty = await call('receiveFileDS', raw, tokenFor(''));
    expect(empty).toMatchObject({
      status: 400,
      body: {
        responreceiveFileDS: {
          status: '2',
          keterangan: 'Data Parameter Salah: receiveFileDS.id_izin',
        },
      },
    });

    // OSS's file server is down, and stays down (the next test sees the mall give up).
    fileServer.fileOutages = Infinity;
    const file = JSON.parse(raw) as PiaFileDsBody;
    Object.assign(file.receiveFileDS, {
      id_izin: 'I-NIB1-PBG',
      nib: NIB,
      file_izin: signedPbgUrl(),
    });
    for (let i = 0; i < 2; i++) {
      const answer = await call('receiveFileDS', JSON.stringify(file), tokenFor(NIB));
      expect({ status: answer.status, body: answer.body }).toEqual({
        status: 200,
        body: { responreceiveFileDS: { status: '1', keterangan: 'Berhasil menyimpan data' } },
      });
    }
    const [{ tracking_no: permitTrackingNo } = {}] = await oss(
      'oss',
      "SELECT tracking_no FROM oss_permits WHERE nib = $1 AND id_izin = 'I-NIB1-PBG'",
      [NIB],
    );
    expect(permitTrackingNo).toMatch(/^[0-9A-Z]{9}$/);
    const files = await oss(
      'oss',
      `SELECT f.file_url, f.state, p.tracking_no FROM oss_files f
         JOIN oss_permits p USING (nib, id_izin) WHERE f.nib = $1`,
      [NIB],
    );
    expect(files).toEqual([
      { file_url: signedPbgUrl(), state: 'RECEIVED', tracking_no: permitTrackingNo },
    ]);

    file.receiveFileDS.id_izin = 'I-NEVER-SENT';
    const unknown = await call('receiveFileDS', JSON.stringify(file), tokenFor(NIB));
    expect(unknown).toMatchObject({
      status: 400,
      body: {
        responreceiveFileDS: {
          status: '2',
          keterangan: 'Data Parameter Salah: receiveFileDS.id_izin',
        },
      },
    });
    const wrongToken = await call('receiveFileDS', JSON.stringify(file), tokenFor(OTHER_NIB));
    expect(wrongToken.status).toBe(401);
  });

  /** receiveFileDS for a permit of the NIB, naming the file at `url`. */
  function fileDs(idIzin: string, url: string, nib = NIB): string {
    const file = JSON.parse(piaExample('receiveFileDS', PIA_REQUEST_EXAMPLE)) as PiaFileDsBody;
    Object.assign(file.receiveFileDS, { id_izin: idIzin, nib, file_izin: url });
    return JSON.stringify(file);
  }

  const fileRow = async (idIzin: string, url: string, nib = NIB) =>
    (
      await oss(
        'oss',
        `SELECT state, document_id::text, reason FROM oss_files
          WHERE nib = $1 AND id_izin = $2 AND file_url = $3`,
        [nib, idIzin, url],
      )
    )[0];

  it("gives up on a file its server keeps failing after the attempts allowed, and records why, without the URL's query", async () => {
    const url = signedPbgUrl();
    const row = await eventually(async () => {
      const found = await fileRow('I-NIB1-PBG', url);
      expect(found?.state).toBe('FAILED');
      return found;
    }, 60_000);
    expect(row).toEqual({
      state: 'FAILED',
      document_id: null,
      reason: 'gave_up: the file server answered 503',
    });
    expect(fileServer.fileGets.filter((name) => name === 'I-NIB1-PBG.pdf')).toHaveLength(
      FILE_ATTEMPTS,
    );
    // Given up, not dead: no job is left of it, and nothing waits to fetch it again.
    const [{ n }] = await oss(
      'oss',
      "SELECT count(*) AS n FROM jobs WHERE kind = 'oss.file.fetch'",
    );
    expect(n).toBe('0');
    fileServer.fileOutages = 0;
  });

  it("fetches the signed file, stores it and attaches it to the permit's application, once, through an outage", async () => {
    const pdf = aPdf(300_000);
    const url = fileServer.serveFile('I-NIB1-REK.pdf', pdf);
    fileServer.fileOutages = 2;
    for (let i = 0; i < 2; i++) {
      const answer = await call('receiveFileDS', fileDs('I-NIB1-REK', url), tokenFor(NIB));
      expect(answer.status).toBe(200);
    }
    const row = await eventually(async () => {
      const found = await fileRow('I-NIB1-REK', url);
      expect(found?.state).toBe('ATTACHED');
      return found;
    }, 60_000);
    expect(row.reason).toBeNull();
    // Two answered 503, the third the file; never fetched again once stored.
    expect(fileServer.fileGets.filter((name) => name === 'I-NIB1-REK.pdf')).toEqual([
      'I-NIB1-REK.pdf',
      'I-NIB1-REK.pdf',
      'I-NIB1-REK.pdf',
    ]);

    const [permit] = await oss(
      'oss',
      "SELECT application_id::text FROM oss_permits WHERE nib = $1 AND id_izin = 'I-NIB1-REK'",
      [NIB],
    );
    const documents = await oss(
      'intake',
      `SELECT id::text, application_id::text, requirement, content_type, size, sha256,
              owner_kind, owner_client, object_name
         FROM documents WHERE id = $1`,
      [row.document_id],
    );
    expect(documents).toEqual([
      {
        id: row.document_id,
        application_id: permit.application_id,
        requirement: 'OSS_FILE_DS',
        content_type: 'application/pdf',
        size: pdf.length,
        sha256: createHash('sha256').update(pdf).digest('hex'),
        owner_kind: 'client',
        owner_client: 'oss-connector',
        object_name: expect.any(String) as string,
      },
    ]);
    // The bytes are in the documents store, whole.
    const store = new JetStreamDocumentStore({
      natsUrl: env.NATS_URL,
      namespace,
      connectionName: 'oss-test-files',
    });
    try {
      const stream = await store.read(documents[0].object_name);
      expect(stream).toBeDefined();
      const chunks: Uint8Array[] = [];
      for await (const chunk of stream!) chunks.push(chunk);
      expect(Buffer.concat(chunks).equals(pdf)).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('refuses a file that is no PDF, JPEG or PNG or from an address it may not fetch; one for an unmapped permit waits, unfetched', async () => {
    const exe = fileServer.serveFile('I-NIB1-PBG.exe', aPeExecutable());
    const unmapped = fileServer.serveFile('I-NIB1-UNK.pdf', aPdf(5000));
    const outcomes = [
      ['I-NIB1-PBG', exe, 'FAILED', 'document_type_not_allowed'],
      [
        'I-NIB1-PBG',
        `http://127.0.0.2:${fileServer.port}/files/x.pdf`,
        'FAILED',
        'file_url_not_https',
      ],
      ['I-NIB1-PBG', 'https://127.0.0.1/files/x.pdf', 'FAILED', 'file_url_private'],
      ['I-NIB1-UNK', unmapped, 'WAITING', 'permit_unmapped'],
    ] as const;
    for (const [idIzin, url] of outcomes)
      expect((await call('receiveFileDS', fileDs(idIzin, url), tokenFor(NIB))).status).toBe(200);
    for (const [idIzin, url, state, reason] of outcomes)
      await eventually(async () => {
        expect(await fileRow(idIzin, url)).toEqual({ state, document_id: null, reason });
      }, 30_000);
    // Nothing was stored for them in intake.
    const [{ n }] = await oss(
      'intake',
      "SELECT count(*) AS n FROM documents WHERE requirement = 'OSS_FILE_DS'",
    );
    expect(n).toBe('1');
    expect(fileServer.fileGets.filter((name) => name === 'I-NIB1-UNK.pdf')).toEqual([]);
    // Waiting is not retrying: no job is left of it.
    const [{ n: jobs }] = await oss(
      'oss',
      "SELECT count(*) AS n FROM jobs WHERE kind = 'oss.file.fetch'",
    );
    expect(jobs).toBe('0');
  });

  it('attaches a file that waited for its unmapped permit once the map knows the permit and OSS sends the NIB again', async () => {
    const nib = '8120000110174';
    const body = JSON.stringify(filledNib(nib, 'I-NIB4'));
    expect((await call('receiveNIB', body, tokenFor(nib))).status).toBe(200);
    const pdf = aPdf(20_000);
    const url = fileServer.serveFile('I-NIB4-UNK.pdf', pdf);
    expect(
      (await call('receiveFileDS', fileDs('I-NIB4-UNK', url, nib), tokenFor(nib))).status,
    ).toBe(200);
    await eventually(async () => {
      expect(await fileRow('I-NIB4-UNK', url, nib)).toEqual({
        state: 'WAITING',
        document_id: null,
        reason: 'permit_unmapped',
      });
    }, 30_000);

    // The mall admin maps the permit (to the SLF) and restarts the connector with the new map.
    const map = join(mkdtempSync(join(tmpdir(), 'oss-map-')), 'permit-map.json');
    writeFileSync(
      map,
      JSON.stringify([...DEMO_PERMIT_MAP, { kdIzin: '999000000001', serviceCode: 'PUPR-SLF' }]),
    );
    const ossIndex = services.findIndex((service) => service.name === 'oss');
    await services[ossIndex].stop();
    services[ossIndex] = await ServiceProcess.start('oss', {
      ...isolated,
      ...ossEnv(),
      OSS_PERMIT_MAP: map,
    });

    // OSS sends the NIB again: the permit opens, and the file that waited for it is attached.
    expect((await call('receiveNIB', body, tokenFor(nib))).status).toBe(200);
    const row = await eventually(async () => {
      const found = await fileRow('I-NIB4-UNK', url, nib);
      expect(found?.state).toBe('ATTACHED');
      return found;
    }, 60_000);
    expect(row.reason).toBeNull();
    const [permit] = await oss(
      'oss',
      "SELECT state, service_code, application_id::text FROM oss_permits WHERE nib = $1 AND id_izin = 'I-NIB4-UNK'",
      [nib],
    );
    expect(permit).toMatchObject({ state: 'OPENED', service_code: 'PUPR-SLF' });
    const documents = await oss(
      'intake',
      'SELECT application_id::text, requirement, size FROM documents WHERE id = $1',
      [row.document_id],
    );
    expect(documents).toEqual([
      { application_id: permit.application_id, requirement: 'OSS_FILE_DS', size: pdf.length },
    ]);
    expect(fileServer.fileGets.filter((name) => name === 'I-NIB4-UNK.pdf')).toEqual([
      'I-NIB4-UNK.pdf',
    ]);
  });

  it("shows a mall admin every file OSS delivered, the latest first, a page at a time, by state and NIB, without a URL's query", async () => {
    const list = async (query: string) => {
      const response = await fetch(`${gateway.url}/v1/oss/files${query}`, {
        headers: { authorization: adminAuthorization },
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    type Listed = { items: Record<string, unknown>[]; nextCursor?: string };
    const everyFile: Record<string, unknown>[] = [];
    let cursor: string | undefined;
    do {
      const page = await list(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      const { items, nextCursor } = page.body as unknown as Listed;
      expect(items.length).toBeLessThanOrEqual(3);
      everyFile.push(...items);
      cursor = nextCursor;
    } while (cursor);
    const recorded = await oss(
      'oss',
      'SELECT nib, id_izin, state FROM oss_files ORDER BY seq DESC',
    );
    expect(everyFile.map(({ nib, idIzin, state }) => ({ nib, id_izin: idIzin, state }))).toEqual(
      recorded,
    );
    expect(JSON.stringify(everyFile)).not.toContain(URL_SECRET);
    expect(everyFile).toContainEqual({
      nib: NIB,
      idIzin: 'I-NIB1-PBG',
      fileUrl: `http://127.0.0.1:${fileServer.port}/files/I-NIB1-PBG.pdf`,
      state: 'FAILED',
      reason: 'gave_up: the file server answered 503',
      permitState: 'OPENED',
      trackingNo: expect.stringMatching(/^[0-9A-Z]{9}$/) as string,
      applicationId: expect.any(String) as string,
      receivedAt: expect.any(String) as string,
      changedAt: expect.any(String) as string,
    });

    const waiting = await list('?state=WAITING');
    expect(waiting).toEqual({
      status: 200,
      body: {
        items: [
          {
            nib: NIB,
            idIzin: 'I-NIB1-UNK',
            fileUrl: `http://127.0.0.1:${fileServer.port}/files/I-NIB1-UNK.pdf`,
            state: 'WAITING',
            reason: 'permit_unmapped',
            permitState: 'UNMAPPED',
            receivedAt: expect.any(String) as string,
            changedAt: expect.any(String) as string,
          },
        ],
      },
    });

    const [permit] = await oss(
      'oss',
      "SELECT tracking_no, application_id::text FROM oss_permits WHERE nib = '8120000110174' AND id_izin = 'I-NIB4-UNK'",
    );
    const ofNib4 = await list('?nib=8120000110174');
    expect(ofNib4.body.items).toEqual([
      expect.objectContaining({
        idIzin: 'I-NIB4-UNK',
        state: 'ATTACHED',
        permitState: 'OPENED',
        trackingNo: permit.tracking_no,
        applicationId: permit.application_id,
        documentId: expect.any(String) as string,
      }),
    ]);
    const [item] = ofNib4.body.items as { receivedAt: string; changedAt: string }[];
    expect(Date.parse(item.changedAt)).toBeGreaterThan(Date.parse(item.receivedAt));

    for (const bad of ['?state=LOST', '?nib=123', '?cursor=bm9wZQ', '?limit=101']) {
      const response = await fetch(`${gateway.url}/v1/oss/files${bad}`, {
        headers: { authorization: adminAuthorization },
      });
      expect({ bad, status: response.status }).toEqual({ bad, status: 400 });
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    const anonymous = await fetch(`${gateway.url}/v1/oss/files`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
