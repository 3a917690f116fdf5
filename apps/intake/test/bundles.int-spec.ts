import { runInContext } from '@satupintu/common';
import {
  ApplicationStatusChanged,
  DefineBundle,
  GetBundle,
  GetBundleCase,
  ListBundles,
  RegisterDocument,
  SubmitBundle,
  type ApplicationStatusChangedV1,
  type BundleCaseV1,
  type DefineBundleV1,
  type Principal,
  type Status,
} from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import {
  ServiceProcess,
  deleteNamespaceStreams,
  domainErrorOf,
  eventually,
  publishEvents,
  queryServiceDb,
  readStreams,
  testEnvironment,
} from '@satupintu/testing';
import { randomUUID } from 'node:crypto';

/**
 * Bundles across real processes: intake, PostgreSQL and NATS, with the test playing the
 * agencies by publishing their ApplicationStatusChanged events on NATS through the contract.
 * A namespace and database of its own, so the events counted are this suite's alone and the
 * crash lands on this suite's orchestration.
 */
describe('bundles: one submission, steps across agencies, one joint output', () => {
  const env = testEnvironment();
  const namespace = `${env.SP_NAMESPACE}b`;
  const prefix = `${env.DB_PREFIX}_bu`;
  const isolated = { SP_NAMESPACE: namespace, DB_PREFIX: prefix, DEMO_SEED: 'true' };
  let intake: ServiceProcess;
  let rpc: RpcClient;

  const mallAdmin: Principal = {
    kind: 'officer',
    subject: randomUUID(),
    roles: ['MALL_ADMIN'],
    scopes: [],
  };
  const applicant = (): Principal => ({
    kind: 'applicant',
    subject: randomUUID(),
    roles: [],
    scopes: [],
  });
  const as = <T>(principal: Principal, fn: () => Promise<T>) =>
    runInContext({ requestId: randomUUID(), traceparent: '', principal }, fn);
  const db = <T>(sql: string, params: unknown[] = []) =>
    queryServiceDb<T>(['intake'], sql, params, prefix);

  /** NIB first; then the building approval (PUPR) and the family card (Dukcapil) in parallel. */
  const smallBusiness = (code: string): DefineBundleV1 => ({
    code,
    nameId: 'Memulai usaha kecil',
    nameEn: 'Start a small business',
    steps: [
      { key: 'nib', serviceCode: 'DPMPTSP-NIB', dependsOn: [], inputs: [] },
      {
        key: 'pbg',
        serviceCode: 'PUPR-PBG',
        dependsOn: ['nib'],
        inputs: [{ fromStep: 'nib', asRequirement: 'NIB' }],
      },
      {
        key: 'kk',
        serviceCode: 'DUKCAPIL-KK',
        dependsOn: ['nib'],
        inputs: [{ fromStep: 'nib', asRequirement: 'NIB' }],
      },
    ],
  });
  const form = { businessName: 'Warung Siti', capital: 15_000_000, floors: 1 };
  /** The KTP each submission gave, by bundle case. */
  const ktps = new Map<string, string>();

  /** Submits with the applicant's KTP, registered as uploaded (its bytes play no part here). */
  async function submit(who: Principal, bundleCode: string): Promise<BundleCaseV1> {
    const ktp = await as(who, () =>
      rpc.request(RegisterDocument, {
        objectName: randomUUID(),
        contentType: 'application/pdf',
        size: 48213,
        sha256: 'ab'.repeat(32),
      }),
    );
    const submitted = await as(who, () =>
      rpc.request(SubmitBundle, {
        bundleCode,
        form,
        documents: [{ requirement: 'KTP_ELEKTRONIK', documentId: ktp.documentId }],
      }),
    );
    ktps.set(submitted.bundleCaseId, ktp.documentId);
    return submitted;
  }

  const read = (who: Principal, trackingNo: string) =>
    as(who, () => rpc.request(GetBundleCase, { trackingNo }));

  /** The agency of a step decides on its application, as its deployment would publish it. */
  async function agencyDecides(
    bundleCase: BundleCaseV1,
    stepKey: string,
    to: Status,
    extra: Partial<ApplicationStatusChangedV1> = {},
  ): Promise<void> {
    const step = bundleCase.steps.find((s) => s.key === stepKey)!;
    await publishEvents(env.NATS_URL, namespace, ApplicationStatusChanged, [
      {
        applicationId: step.application!.applicationId,
        trackingNo: step.application!.trackingNo,
        agencyCode: step.agencyCode,
        agencyTimeZone: 'Asia/Jakarta',
        from: to === 'ISSUED' ? 'APPROVED' : 'IN_REVIEW',
        to,
        changedAt: new Date().toISOString(),
        ...extra,
      },
    ]);
  }

  async function untilSteps(
    who: Principal,
    trackingNo: string,
    statuses: Record<string, string>,
    bundleStatus = 'IN_PROGRESS',
  ): Promise<BundleCaseV1> {
    return eventually(async () => {
      const now = await read(who, trackingNo);
      expect(Object.fromEntries(now.steps.map((s) => [s.key, s.status]))).toEqual(statuses);
      expect(now.status).toBe(bundleStatus);
      return now;
    });
  }

  /** Every message intake published on the intake stream, for one bundle, by subject. */
  async function intakeEventsOf(bundleCaseId: string): Promise<Record<string, unknown>[]> {
    const stored = await readStreams(env.NATS_URL, `${namespace.toUpperCase()}_INTAKE`);
    return stored
      .map((m): Record<string, unknown> => ({
        subject: m.subject,
        ...(JSON.parse(m.data) as Record<string, unknown>),
      }))
      .filter((m) => m.bundleCaseId === bundleCaseId);
  }

  beforeAll(async () => {
    intake = await ServiceProcess.start('intake', isolated);
    rpc = new RpcClient({
      url: env.NATS_URL,
      namespace,
      timeoutMs: 10_000,
      name: 'bundles-test',
    });
  });

  afterAll(async () => {
    if (rpc) await rpc.onApplicationShutdown();
    await intake?.stop();
    await deleteNamespaceStreams(env.NATS_URL, namespace);
  });

  describe('defining bundles', () => {
    it('lets a mall admin define a bundle, stored in dependency order with each step’s agency', async () => {
      const definition = smallBusiness('TEST-DEFINE');
      definition.steps.reverse();
      const bundle = await as(mallAdmin, () => rpc.request(DefineBundle, definition));
      expect(bundle.version).toBe(1);
      expect(bundle.steps.map((s) => [s.key, s.agencyCode])).toEqual([
        ['nib', 'DPMPTSP'],
        ['kk', 'DUKCAPIL'],
        ['pbg', 'PUPR'],
      ]);
      const again = await as(mallAdmin, () => rpc.request(DefineBundle, definition));
      expect(again.version).toBe(2);
      expect(await rpc.request(GetBundle, { code: 'TEST-DEFINE' })).toEqual(again);
    });

    it('lists bundles by code, a page at a time, the demo bundles among them', async () => {
      const first = await rpc.request(ListBundles, { limit: 1 });
      expect(first.items).toHaveLength(1);
      const rest = await rpc.request(ListBundles, { limit: 100, cursor: first.nextCursor });
      const codes = [...first.items, ...rest.items].map((b) => b.code);
      expect(codes).toEqual([...codes].sort());
      expect(codes).toEqual(expect.arrayContaining(['BIRTH-OF-A-CHILD', 'START-SMALL-BUSINESS']));
    });

    it('refuses a cycle, a self-dependency, an unknown step and an unknown service, per field', async () => {
      const error = await domainErrorOf(
        as(mallAdmin, () =>
          rpc.request(DefineBundle, {
            code: 'TEST-BROKEN',
            nameId: 'Rusak',
            nameEn: 'Broken',
            steps: [
              { key: 'a', serviceCode: 'DPMPTSP-NIB', dependsOn: ['a'], inputs: [] },
              { key: 'b', serviceCode: 'NOPE-SERVICE', dependsOn: ['ghost'], inputs: [] },
            ],
          }),
        ),
      );
      expect(error.status).toBe(422);
      expect(error.errors).toEqual([
        { field: 'steps.0.dependsOn.0', code: 'self_dependency' },
        { field: 'steps.1.dependsOn.0', code: 'unknown_step', params: { step: 'ghost' } },
        {
          field: 'steps.1.serviceCode',
          code: 'unknown_service',
          params: { serviceCode: 'NOPE-SERVICE' },
        },
      ]);

      const cycle = await domainErrorOf(
        as(mallAdmin, () =>
          rpc.request(DefineBundle, {
            ...smallBusiness('TEST-CYCLE'),
            steps: [
              { key: 'a', serviceCode: 'DPMPTSP-NIB', dependsOn: ['b'], inputs: [] },
              {
                key: 'b',
                serviceCode: 'PUPR-PBG',
                dependsOn: ['a'],
                inputs: [{ fromStep: 'a', asRequirement: 'NIB' }],
              },
            ],
          }),
        ),
      );
      expect(cycle.status).toBe(422);
      expect(cycle.errors.map((e) => `${e.field}:${e.code}`)).toEqual([
        'steps.0.dependsOn:dependency_cycle',
        'steps.1.dependsOn:dependency_cycle',
      ]);
      expect(
        await db('SELECT 1 FROM bundles WHERE code IN ($1, $2)', ['TEST-BROKEN', 'TEST-CYCLE']),
      ).toEqual([]);
    });

    it('lets nobody but a mall admin define one', async () => {
      const agencyAdmin: Principal = { ...mallAdmin, roles: ['AGENCY_ADMIN'], agency: 'PUPR' };
      const error = await domainErrorOf(
        as(agencyAdmin, () => rpc.request(DefineBundle, smallBusiness('TEST-NOT-YOURS'))),
      );
      expect(error.status).toBe(403);
    });
  });

  describe('running a bundle', () => {
    beforeAll(async () => {
      await as(mallAdmin, () => rpc.request(DefineBundle, smallBusiness('TEST-SMALL-BUSINESS')));
    });

    it('runs three agencies to COMPLETED, the NIB attached downstream and the data given once', async () => {
      const siti = applicant();
      const submitted = await submit(siti, 'TEST-SMALL-BUSINESS');
      expect(submitted.status).toBe('IN_PROGRESS');
      expect(submitted.steps.map((s) => [s.key, s.status])).toEqual([
        ['nib', 'OPEN'],
        ['pbg', 'WAITING'],
        ['kk', 'WAITING'],
      ]);

      await agencyDecides(submitted, 'nib', 'ISSUED', { output: { number: '9120001234567' } });
      const afterNib = await untilSteps(siti, submitted.trackingNo, {
        nib: 'ISSUED',
        pbg: 'OPEN',
        kk: 'OPEN',
      });
      expect(afterNib.steps.map((s) => s.agencyCode)).toEqual(['DPMPTSP', 'PUPR', 'DUKCAPIL']);

      // The downstream applications carry the bundle's data and, as their NIB, the NIB issued.
      const nib = afterNib.steps[0].application!.trackingNo;
      const downstream = await db<{ step_key: string; form: unknown; documents: unknown }>(
        `SELECT step_key, form, documents FROM applications
          WHERE bundle_case_id = $1 ORDER BY step_key`,
        [submitted.bundleCaseId],
      );
      expect(downstream.map((row) => row.step_key)).toEqual(['kk', 'nib', 'pbg']);
      const ktp = ktps.get(submitted.bundleCaseId);
      // The KTP was uploaded once and given to the bundle: its case holds it.
      expect(
        await db(
          'SELECT bundle_case_id, application_id, requirement FROM documents WHERE id = $1',
          [ktp],
        ),
      ).toEqual([
        {
          bundle_case_id: submitted.bundleCaseId,
          application_id: null,
          requirement: 'KTP_ELEKTRONIK',
        },
      ]);
      for (const row of downstream.filter((r) => r.step_key !== 'nib')) {
        expect(row.form).toEqual(form);
        expect(row.documents).toEqual([
          { requirement: 'KTP_ELEKTRONIK', documentId: ktp },
          {
            requirement: 'NIB',
            fromStep: 'nib',
            fromApplication: nib,
            outputNumber: '9120001234567',
          },
        ]);
      }

      await agencyDecides(afterNib, 'pbg', 'ISSUED', { output: { number: 'PBG-3201-2026-0042' } });
      await agencyDecides(afterNib, 'kk', 'ISSUED', { output: { number: '3201011201260007' } });
      const done = await untilSteps(
        siti,
        submitted.trackingNo,
        { nib: 'ISSUED', pbg: 'ISSUED', kk: 'ISSUED' },
        'COMPLETED',
      );
      expect(done.output).toEqual({
        nib: { number: '9120001234567' },
        pbg: { number: 'PBG-3201-2026-0042' },
        kk: { number: '3201011201260007' },
      });

      const events = await eventually(async () => {
        const found = await intakeEventsOf(submitted.bundleCaseId);
        expect(found.filter((e) => String(e.subject).includes('.bundle.'))).toHaveLength(1);
        return found;
      });
      const opened = events.filter((e) => String(e.subject).includes('.submitted.'));
      expect(
        opened.map((e) => [e.stepKey, e.agencyCode, String(e.subject).split('.').pop()]),
      ).toEqual(
        expect.arrayContaining([
          ['nib', 'DPMPTSP', 'DPMPTSP'],
          ['pbg', 'PUPR', 'PUPR'],
          ['kk', 'DUKCAPIL', 'DUKCAPIL'],
        ]),
      );
      expect(opened).toHaveLength(3);
      // Events name ids only: the form stays in intake.
      for (const event of opened) expect(JSON.stringify(event)).not.toContain('Warung Siti');
      expect(events.find((e) => String(e.subject).includes('.bundle.'))).toMatchObject({
        status: 'COMPLETED',
        applicantId: siti.subject,
      });
    });

    it('fails the bundle on a rejection in the middle, cancelling the rest and telling every agency concerned', async () => {
      await as(mallAdmin, () =>
        rpc.request(DefineBundle, {
          ...smallBusiness('TEST-REJECTED'),
          steps: [
            ...smallBusiness('TEST-REJECTED').steps,
            // Practice licence once the building and the family card are in.
            { key: 'sip', serviceCode: 'DPMPTSP-SIP', dependsOn: ['pbg', 'kk'], inputs: [] },
          ],
        }),
      );
      const budi = applicant();
      const submitted = await submit(budi, 'TEST-REJECTED');
      await agencyDecides(submitted, 'nib', 'ISSUED', { output: { number: '9120009876543' } });
      const open = await untilSteps(budi, submitted.trackingNo, {
        nib: 'ISSUED',
        pbg: 'OPEN',
        kk: 'OPEN',
        sip: 'WAITING',
      });

      await agencyDecides(open, 'pbg', 'REJECTED', {
        reason: 'Lokasi bangunan berada di zona hijau',
      });
      const failed = await untilSteps(
        budi,
        submitted.trackingNo,
        { nib: 'ISSUED', pbg: 'REJECTED', kk: 'CANCELLED', sip: 'CANCELLED' },
        'FAILED',
      );
      expect(failed.failure).toEqual({
        step: 'pbg',
        reason: 'Lokasi bangunan berada di zona hijau',
      });
      expect(failed.output).toBeUndefined();
      // The waiting step never became an application.
      expect(failed.steps[3].application).toBeUndefined();

      const events = await eventually(async () => {
        const found = await intakeEventsOf(submitted.bundleCaseId);
        expect(found.filter((e) => String(e.subject).includes('.cancelled.'))).toHaveLength(1);
        expect(found.filter((e) => String(e.subject).includes('.bundle.'))).toHaveLength(1);
        return found;
      });
      const kk = open.steps.find((s) => s.key === 'kk')!.application!;
      expect(events.find((e) => String(e.subject).includes('.cancelled.'))).toMatchObject({
        subject: `${namespace}.events.intake.application.cancelled.v1.DUKCAPIL`,
        applicationId: kk.applicationId,
        trackingNo: kk.trackingNo,
        cause: 'BUNDLE_FAILED',
        failedStep: 'pbg',
      });
      expect(events.find((e) => String(e.subject).includes('.bundle.'))).toMatchObject({
        status: 'FAILED',
        failedStep: 'pbg',
        reason: 'Lokasi bangunan berada di zona hijau',
        applicantId: budi.subject,
      });

      // Late decisions (on the cancelled step, a repeat on the issued one) change nothing.
      const handled = async () =>
        Number(
          (
            await db<{ n: string }>(
              `SELECT count(*) AS n FROM inbox WHERE consumer = 'intake-agency'`,
            )
          )[0].n,
        );
      const before = await handled();
      await agencyDecides(open, 'kk', 'ISSUED', { output: { number: '3201011201260099' } });
      await agencyDecides(open, 'nib', 'ISSUED', { output: { number: '9120009876543' } });
      await eventually(async () => expect(await handled()).toBe(before + 2));
      expect((await read(budi, submitted.trackingNo)).steps.map((s) => s.status)).toEqual([
        'ISSUED',
        'REJECTED',
        'CANCELLED',
        'CANCELLED',
      ]);
    });

    it('shows a bundle only to its applicant, as to others it does not exist', async () => {
      const owner = applicant();
      const submitted = await submit(owner, 'TEST-SMALL-BUSINESS');
      expect((await read(owner, submitted.trackingNo)).bundleCaseId).toBe(submitted.bundleCaseId);
      const error = await domainErrorOf(read(applicant(), submitted.trackingNo));
      expect(error.status).toBe(404);
      expect(error.code).toBe('bundle_case_not_found');
    });

    it('refuses an unknown bundle and data that is not flat, per field, storing nothing', async () => {
      const who = applicant();
      const error = await domainErrorOf(
        as(who, () =>
          rpc.request(SubmitBundle, {
            bundleCode: 'NO-SUCH-BUNDLE',
            form: { ok: 'yes', nested: { no: 1 } } as unknown as Record<string, string>,
            documents: [],
          }),
        ),
      );
      expect(error.status).toBe(422);
      expect(error.errors).toEqual([
        { field: 'form.nested', code: 'form_value' },
        { field: 'bundleCode', code: 'unknown_bundle', params: { bundleCode: 'NO-SUCH-BUNDLE' } },
      ]);
      expect(await db('SELECT 1 FROM bundle_cases WHERE applicant_id = $1', [who.subject])).toEqual(
        [],
      );
    });
  });

  describe('intake killed in the middle of a bundle', () => {
    it('opens every step exactly once after a SIGKILL between commit and ack, and runs on', async () => {
      await as(mallAdmin, () => rpc.request(DefineBundle, smallBusiness('TEST-CRASH')));
      await intake.stop();
      // Dies as by kill -9 right after its first consumer commit: the NIB's issue is handled,
      // the next steps opened and their events in the outbox, nothing acked, maybe nothing relayed.
      const doomed = await ServiceProcess.spawn('intake', {
        ...isolated,
        SP_FAILPOINT: 'consumer-after-commit',
      });
      await doomed.waitReady();
      const siti = applicant();
      const submitted = await submit(siti, 'TEST-CRASH');
      await agencyDecides(submitted, 'nib', 'ISSUED', { output: { number: '9120005550001' } });
      expect(await doomed.exited()).toMatchObject({ signal: 'SIGKILL' });

      intake = await ServiceProcess.start('intake', isolated);
      const open = await untilSteps(siti, submitted.trackingNo, {
        nib: 'ISSUED',
        pbg: 'OPEN',
        kk: 'OPEN',
      });

      // And a plain SIGKILL while both decisions are on their way.
      await agencyDecides(open, 'pbg', 'ISSUED', { output: { number: 'PBG-1' } });
      await agencyDecides(open, 'kk', 'ISSUED', { output: { number: 'KK-1' } });
      await intake.kill();
      intake = await ServiceProcess.start('intake', isolated);
      await untilSteps(
        siti,
        submitted.trackingNo,
        { nib: 'ISSUED', pbg: 'ISSUED', kk: 'ISSUED' },
        'COMPLETED',
      );

      const rows = await db<{ step_key: string; n: string }>(
        `SELECT step_key, count(*) AS n FROM applications WHERE bundle_case_id = $1
          GROUP BY step_key ORDER BY step_key`,
        [submitted.bundleCaseId],
      );
      expect(rows.map((r) => [r.step_key, Number(r.n)])).toEqual([
        ['kk', 1],
        ['nib', 1],
        ['pbg', 1],
      ]);
      const events = await eventually(async () => {
        const found = await intakeEventsOf(submitted.bundleCaseId);
        expect(found.filter((e) => String(e.subject).includes('.bundle.'))).toHaveLength(1);
        return found;
      });
      const perStep = new Map<unknown, number>();
      for (const event of events.filter((e) => String(e.subject).includes('.submitted.')))
        perStep.set(event.stepKey, (perStep.get(event.stepKey) ?? 0) + 1);
      expect(Object.fromEntries(perStep)).toEqual({ nib: 1, pbg: 1, kk: 1 });
    });
  });
});
