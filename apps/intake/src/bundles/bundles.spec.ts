import { DomainError } from '@satupintu/common';
import {
  ANONYMOUS,
  ApplicationCancelled,
  ApplicationSubmitted,
  BundleStatusChanged,
  type ApplicationStatusChangedV1,
  type BundleV1,
  type EventContract,
  type Principal,
  type Status,
} from '@satupintu/contracts';
import { regionIndexOf, type FormFieldRule } from '@satupintu/domain';
import { domainErrorOf } from '@satupintu/testing';
import type { NewApplication } from '../applications/submit-application';
import type { BundleCaseRecord, BundleWrites, StepChange } from './bundle-case';
import { defineBundle } from './define-bundle';
import { followStepStatus } from './follow-step-status';
import { getBundleCase } from './get-bundle-case';
import { bundleFormProblems, submitBundle } from './submit-bundle';

const SITI = '0d9d3f4c-7a57-4c0e-b1a4-6f0d2b7e9c11';
const SITI_HERSELF: Principal = { kind: 'applicant', subject: SITI, roles: [], scopes: [] };
const MALL_ADMIN: Principal = {
  kind: 'officer',
  subject: 'admin-1',
  roles: ['MALL_ADMIN'],
  scopes: [],
};
const KTP = '3c9a1f4e-2b7d-4e8a-9c6f-5d4e3b2a1f0e';

/** Birth certificate, then the family card (taking the certificate), then BPJS (taking both). */
const BIRTH: BundleV1 = {
  code: 'BIRTH',
  nameId: 'Kelahiran',
  nameEn: 'Birth',
  version: 3,
  steps: [
    { key: 'akta', serviceCode: 'AKTA', agencyCode: 'DUKCAPIL', dependsOn: [], inputs: [] },
    {
      key: 'kk',
      serviceCode: 'KK',
      agencyCode: 'DUKCAPIL',
      dependsOn: ['akta'],
      inputs: [{ fromStep: 'akta', asRequirement: 'AKTA_KELAHIRAN' }],
    },
    {
      key: 'bpjs',
      serviceCode: 'BPJS',
      agencyCode: 'BPJS',
      dependsOn: ['kk'],
      inputs: [
        { fromStep: 'kk', asRequirement: 'KARTU_KELUARGA' },
        { fromStep: 'akta', asRequirement: 'AKTA_KELAHIRAN' },
      ],
    },
  ],
};

const scan = (kind: string) => ({
  kind,
  allowedTypes: ['application/pdf' as const],
  maxBytes: 2_000_000,
  mandatory: true,
});
/** The document requirements of BIRTH's services. */
const STANDARDS: Record<string, ReturnType<typeof scan>[]> = {
  AKTA: [scan('SURAT_LAHIR')],
  KK: [scan('AKTA_KELAHIRAN')],
  BPJS: [scan('KARTU_KELUARGA'), scan('AKTA_KELAHIRAN')],
};
/** The form fields of BIRTH's services: the child's name asked twice, bounded differently. */
const FIELDS: Record<string, FormFieldRule[]> = {
  AKTA: [
    { name: 'childName', type: 'text', required: true, maxLength: 100 },
    { name: 'birthDate', type: 'date', required: true },
  ],
  KK: [{ name: 'childName', type: 'text', required: true, maxLength: 10 }],
  BPJS: [{ name: 'careClass', type: 'enum', required: true, options: ['1', '2', '3'] }],
};
const OTHERS = '5b1e7c2a-9d4f-4e3b-8a6c-1f2e3d4c5b6a';
/** Siti's scanned PDF (KTP) and somebody else's (OTHERS). */
const documentsPorts = {
  findService: (code: string) =>
    Promise.resolve({ fields: FIELDS[code] ?? null, documents: STANDARDS[code] ?? null }),
  findDocuments: (ids: string[]) =>
    Promise.resolve(
      [
        { documentId: KTP, owner: { kind: 'applicant' as const, subject: SITI } },
        { documentId: OTHERS, owner: { kind: 'applicant' as const, subject: 'budi' } },
      ]
        .filter(({ documentId }) => ids.includes(documentId))
        .map((document) => ({
          ...document,
          attached: false,
          contentType: 'application/pdf' as const,
          size: 1000,
        })),
    ),
};

/** An in-memory database of one bundle case, and what was published. */
function memory() {
  let counter = 0;
  const state = {
    cases: new Map<string, BundleCaseRecord>(),
    applications: [] as NewApplication[],
    published: [] as { event: EventContract<unknown>; payload: Record<string, unknown> }[],
    finished: [] as unknown[],
    /** Document id → the bundle case it was attached to. */
    attached: new Map<string, string>(),
  };
  const writes: BundleWrites = {
    attachDocuments: (bundleCaseId, _owner, documents) => {
      const free = documents.filter(({ documentId }) => !state.attached.has(documentId));
      for (const { documentId } of free) state.attached.set(documentId, bundleCaseId);
      return Promise.resolve(new Set(free.map(({ documentId }) => documentId)));
    },
    addCase: (bundleCase) => {
      state.cases.set(bundleCase.id, structuredClone(bundleCase));
      return Promise.resolve(true);
    },
    addApplication: (application) => {
      state.applications.push(application);
      return Promise.resolve(true);
    },
    setStep: (bundleCaseId: string, stepKey: string, change: StepChange) => {
      Object.assign(
        state.cases.get(bundleCaseId)!.steps.find((s) => s.key === stepKey)!,
        change,
      );
      return Promise.resolve();
    },
    finishCase: (bundleCaseId, status, failure) => {
      const stored = state.cases.get(bundleCaseId)!;
      stored.status = status;
      if (failure) {
        stored.failedStep = failure.step;
        if (failure.reason) stored.failureReason = failure.reason;
      }
      state.finished.push({ status, failure });
      return Promise.resolve();
    },
    publish: (event, payload) =>
      state.published.push({
        event: event,
        payload: payload as Record<string, unknown>,
      }),
  };
  const mint = {
    newId: () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`,
    newTrackingNo: () => `TRACK${String(counter).padStart(4, '0')}`,
    now: () => new Date('2026-11-23T03:00:00.000Z'),
  };
  return { state, writes, mint };
}

async function submitted(
  db = memory(),
  documents = [{ requirement: 'SURAT_LAHIR', documentId: KTP }],
) {
  const bundleCase = await submitBundle(
    SITI_HERSELF,
    {
      bundleCode: 'BIRTH',
      form: { childName: 'Ayu' },
      documents,
    },
    {
      regions: regionIndexOf(['32.01.01']),
      findApplicantByNik: () => Promise.resolve(undefined),
      actsFor: () => Promise.resolve(false),
      findBundle: (code) => Promise.resolve(code === 'BIRTH' ? BIRTH : undefined),
      timeZoneOf: () => Promise.resolve('Asia/Jakarta'),
      write: (work) => work(db.writes),
      ...documentsPorts,
      ...db.mint,
    },
  );
  return { db, bundleCase };
}

function decides(db: ReturnType<typeof memory>, caseId: string) {
  return (stepKey: string, to: Status, extra: Partial<ApplicationStatusChangedV1> = {}) => {
    const step = db.state.cases.get(caseId)!.steps.find((s) => s.key === stepKey)!;
    return followStepStatus(
      {
        applicationId: step.applicationId ?? 'not-opened',
        trackingNo: step.applicationTrackingNo ?? 'NOTOPENED',
        agencyCode: step.agencyCode,
        agencyTimeZone: 'Asia/Jakarta',
        from: 'APPROVED',
        to,
        changedAt: '2026-11-23T03:00:00.000Z',
        ...extra,
      },
      {
        ...db.writes,
        ...db.mint,
        stepOf: (applicationId) =>
          Promise.resolve(
            [...db.state.cases.values()].some((c) =>
              c.steps.some((s) => s.applicationId === applicationId),
            )
              ? { bundleCaseId: caseId }
              : undefined,
          ),
        lockCase: (id) => Promise.resolve(structuredClone(db.state.cases.get(id)!)),
      },
    );
  };
}

describe('bundleFormProblems', () => {
  const steps = [FIELDS.AKTA, FIELDS.KK, FIELDS.BPJS, null];
  const regions = regionIndexOf([]);

  it('takes fields some step asks for, leaving out what a step requires', () => {
    expect(bundleFormProblems(steps, { childName: 'Ayu', careClass: '3' }, regions)).toEqual([]);
    expect(bundleFormProblems(steps, {}, regions)).toEqual([]);
  });

  it('refuses a field no step asks for, and a value that breaks any step that asks for it', () => {
    expect(
      bundleFormProblems(
        steps,
        { childName: 'Ayu Lestari Putri', birthDate: '2026-02-30', careClass: '4', pet: 'cat' },
        regions,
      ),
    ).toEqual([
      { field: 'form.pet', code: 'unknown_field' },
      { field: 'form.birthDate', code: 'must_be_date' },
      { field: 'form.childName', code: 'max_length', params: { max: 10 } },
      { field: 'form.careClass', code: 'must_be_one_of', params: { values: '1, 2, 3' } },
    ]);
  });
});

describe('submitting a bundle', () => {
  it('attaches its documents to the case, not to one step', async () => {
    const { db, bundleCase } = await submitted();
    expect([...db.state.attached]).toEqual([[KTP, bundleCase.bundleCaseId]]);
  });

  it('checks its documents like a single submission’s, against every step’s requirements', async () => {
    const db = memory();
    const error = await domainErrorOf(
      submitted(db, [
        // A requirement of the third step only: known to the bundle.
        { requirement: 'KARTU_KELUARGA', documentId: KTP },
        { requirement: 'KTP', documentId: KTP },
        { requirement: 'SURAT_LAHIR', documentId: OTHERS },
      ]),
    );
    expect(error.status).toBe(422);
    expect(error.errors).toEqual([
      { field: 'documents[1].documentId', code: 'document_offered_twice' },
      { field: 'documents[2].documentId', code: 'document_not_found' },
      {
        field: 'documents[1].requirement',
        code: 'unknown_requirement',
        params: { requirement: 'KTP' },
      },
    ]);
    expect(db.state.cases.size + db.state.attached.size).toBe(0);
  });

  it('opens only the steps that depend on nothing, with the bundle’s data and documents', async () => {
    const { db, bundleCase } = await submitted();
    expect(bundleCase.steps.map((s) => s.status)).toEqual(['OPEN', 'WAITING', 'WAITING']);
    expect(db.state.applications).toHaveLength(1);
    expect(db.state.applications[0]).toMatchObject({
      serviceCode: 'AKTA',
      channel: 'WEB',
      applicantId: SITI,
      bundleCaseId: bundleCase.bundleCaseId,
      stepKey: 'akta',
      form: { childName: 'Ayu' },
      documents: [{ requirement: 'SURAT_LAHIR', documentId: KTP }],
    });
    const [event] = db.state.published;
    expect(event.event).toBe(ApplicationSubmitted);
    expect(event.payload).not.toHaveProperty('form');
    expect(event.payload).toMatchObject({ stepKey: 'akta', bundleCaseId: bundleCase.bundleCaseId });
  });

  it('refuses data that is not flat or too long, and an unknown bundle, all at once', async () => {
    const db = memory();
    const error = await domainErrorOf(
      submitBundle(
        SITI_HERSELF,
        {
          bundleCode: 'NOPE',
          form: {
            ok: 1,
            'bad name': 'x',
            long: 'x'.repeat(2001),
            nested: [] as unknown as string,
            inf: Infinity,
          },
          documents: [],
        },
        {
          regions: regionIndexOf([]),
          findApplicantByNik: () => Promise.resolve(undefined),
          actsFor: () => Promise.resolve(false),
          findBundle: () => Promise.resolve(undefined),
          timeZoneOf: () => Promise.resolve(undefined),
          write: (work) => work(db.writes),
          ...documentsPorts,
          ...db.mint,
        },
      ),
    );
    expect(error.status).toBe(422);
    expect(error.errors).toEqual([
      { field: 'form', code: 'form_field_name' },
      { field: 'form.long', code: 'max_length', params: { max: 2000 } },
      { field: 'form.nested', code: 'form_value' },
      { field: 'form.inf', code: 'form_value' },
      { field: 'bundleCode', code: 'unknown_bundle', params: { bundleCode: 'NOPE' } },
    ]);
    expect(db.state.cases.size).toBe(0);
  });
});

describe('following the steps', () => {
  it('hands every upstream output to the step that takes it, and completes with the outputs', async () => {
    const { db, bundleCase } = await submitted();
    const decide = decides(db, bundleCase.bundleCaseId);
    await decide('akta', 'ISSUED', { output: { number: 'AL-001', documentId: KTP } });
    await decide('kk', 'ISSUED', { output: { number: 'KK-001' } });
    const bpjs = db.state.applications.find((a) => a.stepKey === 'bpjs')!;
    const akta = db.state.applications.find((a) => a.stepKey === 'akta')!;
    const kk = db.state.applications.find((a) => a.stepKey === 'kk')!;
    // The uploaded document stays; each output comes under the requirement the input names.
    expect(bpjs.documents).toEqual([
      { requirement: 'SURAT_LAHIR', documentId: KTP },
      {
        requirement: 'KARTU_KELUARGA',
        fromStep: 'kk',
        fromApplication: kk.trackingNo,
        outputNumber: 'KK-001',
      },
      {
        requirement: 'AKTA_KELAHIRAN',
        fromStep: 'akta',
        fromApplication: akta.trackingNo,
        outputNumber: 'AL-001',
        documentId: KTP,
      },
    ]);
    await decide('bpjs', 'ISSUED', { output: { number: 'BPJS-1' } });
    const done = db.state.cases.get(bundleCase.bundleCaseId)!;
    expect(done.status).toBe('COMPLETED');
    expect(db.state.published.map((p) => p.event)).toEqual([
      ApplicationSubmitted,
      ApplicationSubmitted,
      ApplicationSubmitted,
      BundleStatusChanged,
    ]);
    expect(db.state.published[3].payload).toMatchObject({ status: 'COMPLETED', applicantId: SITI });
  });

  it('replaces an uploaded document with the issued output of the same kind', async () => {
    const { db, bundleCase } = await submitted(memory(), [
      { requirement: 'AKTA_KELAHIRAN', documentId: KTP },
    ]);
    await decides(db, bundleCase.bundleCaseId)('akta', 'ISSUED', { output: { number: 'AL-9' } });
    expect(db.state.applications.find((a) => a.stepKey === 'kk')!.documents).toEqual([
      expect.objectContaining({ requirement: 'AKTA_KELAHIRAN', outputNumber: 'AL-9' }),
    ]);
  });

  it('fails on a rejection, cancels the waiting steps, and tells the applicant why', async () => {
    const { db, bundleCase } = await submitted();
    const decide = decides(db, bundleCase.bundleCaseId);
    await decide('akta', 'REJECTED', { reason: 'Surat keterangan lahir tidak terbaca' });
    const failed = db.state.cases.get(bundleCase.bundleCaseId)!;
    expect(failed.steps.map((s) => s.status)).toEqual(['REJECTED', 'CANCELLED', 'CANCELLED']);
    expect(failed.failureReason).toBe('Surat keterangan lahir tidak terbaca');
    const last = db.state.published.at(-1)!;
    expect(last.event).toBe(BundleStatusChanged);
    expect(last.payload).toMatchObject({ status: 'FAILED', failedStep: 'akta' });
    expect(db.state.published.filter((p) => p.event === ApplicationCancelled)).toEqual([]);
  });

  it('ignores applications that are no bundle’s step', async () => {
    const db = memory();
    await followStepStatus(
      {
        applicationId: 'elsewhere',
        trackingNo: 'TRACK9999',
        agencyCode: 'PUPR',
        agencyTimeZone: 'Asia/Jakarta',
        from: 'APPROVED',
        to: 'ISSUED',
        changedAt: '2026-11-23T03:00:00.000Z',
      },
      {
        ...db.writes,
        ...db.mint,
        stepOf: () => Promise.resolve(undefined),
        lockCase: () => Promise.reject(new Error('not a bundle: nothing to lock')),
      },
    );
    expect(db.state.published).toEqual([]);
  });
});

describe('defining and reading', () => {
  const save = (bundle: Omit<BundleV1, 'version'>) => Promise.resolve({ ...bundle, version: 1 });

  it.each<[string, Principal, number]>([
    ['an applicant', SITI_HERSELF, 403],
    ['an agency admin', { ...MALL_ADMIN, roles: ['AGENCY_ADMIN'] }, 403],
    ['nobody', ANONYMOUS, 401],
  ])('refuses %s a definition', async (_who, principal, status) => {
    const error = await domainErrorOf(
      defineBundle(
        principal,
        { code: 'X-1', nameId: 'x', nameEn: 'x', steps: [] },
        {
          findService: () => Promise.resolve(undefined),
          save,
        },
      ),
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(error.status).toBe(status);
  });

  it('stores the steps in dependency order with their agencies', async () => {
    const bundle = await defineBundle(
      MALL_ADMIN,
      {
        code: 'TWO',
        nameId: ' Dua ',
        nameEn: 'Two',
        steps: [
          { key: 'b', serviceCode: 'KK', dependsOn: ['a'], inputs: [] },
          { key: 'a', serviceCode: 'AKTA', dependsOn: [], inputs: [] },
        ],
      },
      { findService: (code) => Promise.resolve({ code, agencyCode: 'DUKCAPIL' }), save },
    );
    expect(bundle.nameId).toBe('Dua');
    expect(bundle.steps.map((s) => [s.key, s.agencyCode])).toEqual([
      ['a', 'DUKCAPIL'],
      ['b', 'DUKCAPIL'],
    ]);
  });

  it('shows a case to its applicant and its submitting client only', async () => {
    const { db, bundleCase } = await submitted();
    const find = () =>
      Promise.resolve({
        bundleCase: db.state.cases.get(bundleCase.bundleCaseId)!,
        submittedByClient: 'kiosk-1',
      });
    expect((await getBundleCase(SITI_HERSELF, bundleCase.trackingNo, find)).steps).toHaveLength(3);
    const kiosk: Principal = {
      kind: 'client',
      subject: 'c',
      clientId: 'kiosk-1',
      roles: [],
      scopes: ['applications:read'],
    };
    expect((await getBundleCase(kiosk, bundleCase.trackingNo, find)).trackingNo).toBe(
      bundleCase.trackingNo,
    );
    const other = await domainErrorOf(
      getBundleCase({ ...SITI_HERSELF, subject: 'someone-else' }, bundleCase.trackingNo, find),
    );
    expect(other.code).toBe('bundle_case_not_found');
  });
});
