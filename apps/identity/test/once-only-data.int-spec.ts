import { runInContext } from '@satupintu/common';
import {
  ANONYMOUS,
  ApplicationSubmitted,
  PROFILE_STREAM,
  CreateAgency,
  RegisterApplicant,
  RegisterBusiness,
  UpdateAgency,
  UpdateBusiness,
  UpdateMyProfile,
  type ApplicationSubmittedV2,
  type Principal,
  type RequestContract,
} from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import {
  ServiceProcess,
  aCitizen,
  eventually,
  publishEvents,
  queryServiceDb,
  readStreams,
  testEnvironment,
} from '@satupintu/testing';
import { randomUUID } from 'node:crypto';

/**
 * Once-only data, end to end: a citizen changes their address in identity, and an agency that
 * serves them has the new one in its own database, without ever asking identity; a business's
 * KBLI likewise. An agency deployed afterwards receives the current data with its first case.
 */
describe("a citizen's data, held once in identity and kept by the agencies that serve them", () => {
  const env = testEnvironment();
  const running: ServiceProcess[] = [];
  let rpc: RpcClient;

  beforeAll(async () => {
    running.push(
      ...(await Promise.all([
        ServiceProcess.start('identity'),
        ServiceProcess.start('agency', { AGENCY_CODE: 'ONCEA' }),
      ])),
    );
    rpc = new RpcClient({
      url: env.NATS_URL,
      namespace: env.SP_NAMESPACE,
      timeoutMs: 10_000,
      name: 'once-only-test',
    });
  });

  afterAll(async () => {
    await rpc?.onApplicationShutdown();
    await Promise.all(running.map((service) => service.stop()));
  });

  function as<Req, Res>(principal: Principal, contract: RequestContract<Req, Res>, payload: Req) {
    return runInContext({ requestId: randomUUID(), traceparent: '', principal }, () =>
      rpc.request(contract, payload),
    );
  }

  /** What intake would publish when the citizen applies to this agency for their business. */
  const application = (
    agencyCode: string,
    applicantId: string,
    businessId: string,
  ): ApplicationSubmittedV2 => ({
    applicationId: randomUUID(),
    trackingNo: randomUUID().replace(/-/g, '').slice(0, 9).toUpperCase(),
    serviceCode: `${agencyCode}-IZIN`,
    agencyCode,
    agencyTimeZone: 'Asia/Jakarta',
    channel: 'WEB',
    applicantId,
    businessId,
    submittedBy: { kind: 'applicant', subject: applicantId },
    submittedAt: new Date().toISOString(),
  });

  const keptApplicant = async (agency: string, id: string) =>
    (
      await queryServiceDb<{ nik: string; address: { line: string } | null; version: number }>(
        ['agency', agency],
        'SELECT nik, address, version FROM applicants WHERE id = $1',
        [id],
      )
    )[0];
  const keptBusiness = async (agency: string, id: string) =>
    (
      await queryServiceDb<{ kbli: string[]; version: number }>(
        ['agency', agency],
        'SELECT kbli, version FROM businesses WHERE id = $1',
        [id],
      )
    )[0];

  it('reaches the agency when the citizen changes it, and a later agency gets the current data', async () => {
    const siti = aCitizen();
    const { applicantId } = await as(ANONYMOUS, RegisterApplicant, {
      ...siti,
      name: 'Siti Rahayu',
      password: 'kopi tubruk di pagi hari',
    });
    const citizen: Principal = { kind: 'applicant', subject: applicantId, roles: [], scopes: [] };
    await as(citizen, UpdateMyProfile, {
      address: { line: 'Jl. Merdeka 1', districtCode: '32.01.01' },
    });
    const { businessId } = await as(citizen, RegisterBusiness, {
      nib: `8${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`,
      name: 'Warung Siti',
      kbli: ['56101'],
      address: { line: 'Jl. Merdeka 1', districtCode: '32.01.01' },
    });

    // The citizen applies to ONCEA: it starts keeping her profile and her business's.
    await publishEvents(env.NATS_URL, env.SP_NAMESPACE, ApplicationSubmitted, [
      application('ONCEA', applicantId, businessId),
    ]);
    await eventually(async () => {
      expect(await keptApplicant('ONCEA', applicantId)).toEqual({
        nik: siti.nik,
        address: { line: 'Jl. Merdeka 1', districtCode: '32.01.01' },
        version: 2,
      });
      expect(await keptBusiness('ONCEA', businessId)).toEqual({ kbli: ['56101'], version: 1 });
    });

    // She moves, and her business takes on another activity: the agency follows, by itself.
    await as(citizen, UpdateMyProfile, {
      address: { line: 'Jl. Sudirman 9', districtCode: '32.01.02', postalCode: '16911' },
    });
    await as(citizen, UpdateBusiness, { businessId, kbli: ['56101', '10710'] });
    await eventually(async () => {
      expect(await keptApplicant('ONCEA', applicantId)).toEqual({
        nik: siti.nik,
        address: { line: 'Jl. Sudirman 9', districtCode: '32.01.02', postalCode: '16911' },
        version: 3,
      });
      expect(await keptBusiness('ONCEA', businessId)).toEqual({
        kbli: ['56101', '10710'],
        version: 2,
      });
    });

    // An agency deployed only now receives the current data with her first case there.
    const later = await ServiceProcess.start('agency', { AGENCY_CODE: 'ONCEB' });
    running.push(later);
    await publishEvents(env.NATS_URL, env.SP_NAMESPACE, ApplicationSubmitted, [
      application('ONCEB', applicantId, businessId),
    ]);
    await eventually(async () => {
      expect(await keptApplicant('ONCEB', applicantId)).toMatchObject({
        address: { line: 'Jl. Sudirman 9', districtCode: '32.01.02', postalCode: '16911' },
        version: 3,
      });
      expect(await keptBusiness('ONCEB', businessId)).toEqual({
        kbli: ['56101', '10710'],
        version: 2,
      });
    });
  });

  it("reaches intake's catalog when a mall admin adds or changes an agency", async () => {
    running.push(await ServiceProcess.start('intake'));
    const mallAdmin: Principal = {
      kind: 'officer',
      subject: randomUUID(),
      roles: ['MALL_ADMIN'],
      scopes: [],
    };
    await as(mallAdmin, CreateAgency, {
      code: 'BPJS-ONCE',
      name: 'BPJS Kesehatan',
      timeZone: 'Asia/Jakarta',
    });
    await as(mallAdmin, UpdateAgency, { code: 'BPJS-ONCE', timeZone: 'Asia/Makassar' });
    await eventually(async () => {
      const rows = await queryServiceDb(
        ['intake'],
        'SELECT code, name, time_zone, active, version FROM agencies WHERE code = $1',
        ['BPJS-ONCE'],
      );
      expect(rows).toEqual([
        {
          code: 'BPJS-ONCE',
          name: 'BPJS Kesehatan',
          time_zone: 'Asia/Makassar',
          active: true,
          version: 2,
        },
      ]);
    });
  });

  it('publishes every current profile again when the daily job runs, unchanged, so none expires', async () => {
    const rina = aCitizen();
    const { applicantId } = await as(ANONYMOUS, RegisterApplicant, {
      ...rina,
      name: 'Rina Marlina',
      password: 'kopi tubruk di pagi hari',
    });
    const stored = async () => {
      const messages = await readStreams(
        env.NATS_URL,
        `${env.SP_NAMESPACE.toUpperCase()}_${PROFILE_STREAM.name}`,
      );
      return messages.filter((m) => m.subject.endsWith(`.${applicantId}`));
    };
    const first = await eventually(async () => {
      const found = await stored();
      expect(found).toHaveLength(1);
      return found[0];
    });

    // The day has come (the job is due every 24 h).
    await queryServiceDb(
      ['identity'],
      "UPDATE jobs SET due_at = now() WHERE kind = 'profiles.republish' AND state = 'pending'",
    );
    const again = await eventually(async () => {
      const found = await stored();
      // Latest per subject: the stream keeps only the newer copy.
      expect(found).toHaveLength(1);
      expect(found[0].seq).toBeGreaterThan(first.seq);
      return found[0];
    });
    const { changedAt: _first, ...before } = JSON.parse(first.data) as Record<string, unknown>;
    const { changedAt: _again, ...after } = JSON.parse(again.data) as Record<string, unknown>;
    expect(after).toEqual(before);
    expect(after).toMatchObject({ applicantId, version: 1, nik: rina.nik });
    const [job] = await queryServiceDb<{ due_at: Date }>(
      ['identity'],
      "SELECT due_at FROM jobs WHERE kind = 'profiles.republish' AND state = 'pending'",
    );
    expect(job.due_at.getTime()).toBeGreaterThan(Date.now() + 23 * 3600 * 1000);
  });
});
