import { DOMParser } from '@xmldom/xmldom';
import { runInContext } from '@satupintu/common';
import {
  ApplicationStatusChanged,
  ApplicationSubmitted,
  BundleStatusChanged,
  DrawPerformanceChart,
  ExportPerformance,
  GetPerformance,
  type ApplicationStatusChangedV1,
  type ApplicationSubmittedV2,
  type BundleStatusChangedV1,
  type Channel,
  type GetPerformanceV1,
  type PerformancePeriodV1,
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
  testEnvironment,
} from '@satupintu/testing';
import { randomUUID } from 'node:crypto';

/**
 * The dashboards over a data set made of real events on the real streams, every figure checked
 * against one worked out by hand below. Tracking runs in a namespace and database of its own, so
 * no other suite's cases (nor days off from intake's calendar) are counted: the calendar here is
 * Monday to Friday. DUKCAPIL keeps Jakarta time (+07), PUPR Jayapura time (+09).
 *
 * Working days of a case: those after the local day it was submitted, up to and including the
 * local day it was decided. In January–April 2026 the 1st of January is a Thursday.
 */
describe('performance dashboards', () => {
  const env = testEnvironment();
  // A namespace of its own (the deadline-alerts suite has `…d`): no durable consumer shared.
  const namespace = `${env.SP_NAMESPACE}dash`;
  const prefix = `${env.DB_PREFIX}_dash`;
  let tracking: ServiceProcess;
  let rpc: RpcClient;

  type Agency = 'DUKCAPIL' | 'PUPR';
  const ZONES: Record<Agency, string> = { DUKCAPIL: 'Asia/Jakarta', PUPR: 'Asia/Jayapura' };
  interface Seed {
    agency: Agency;
    service: string;
    channel: Channel;
    submittedAt: string;
    /** Each status change: status, when, and the deadline it sets (if any). */
    steps: [Status, string, string?][];
    bundle?: string;
  }

  const B1 = randomUUID(); // DUKCAPIL KK (D9) + PUPR PBG (P4): completed
  const B2 = randomUUID(); // DUKCAPIL AKTA (D10): failed
  const B3 = randomUUID(); // PUPR PBG (P5): completed

  const DAY = 86_400_000;
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();

  // UTC instants; the comment gives the local time.
  const cases: Record<string, Seed> = {
    // Mon 5 Jan 09:00 WIB → issued Wed 7 Jan: 6, 7 = 2 days, by its deadline (end of 12 Jan).
    D1: {
      agency: 'DUKCAPIL',
      service: 'DUKCAPIL-KK',
      channel: 'WEB',
      submittedAt: '2026-01-05T02:00:00Z',
      steps: [
        ['VERIFYING', '2026-01-05T03:00:00Z', '2026-01-12T17:00:00Z'],
        ['IN_REVIEW', '2026-01-06T03:00:00Z'],
        ['APPROVED', '2026-01-07T03:00:00Z'],
        ['ISSUED', '2026-01-07T08:00:00Z'],
      ],
    },
    // Tue 6 Jan → one revision → issued Fri 16 Jan: 7–9, 12–16 = 8 days, after its deadline
    // (end of 15 Jan after the pause).
    D2: {
      agency: 'DUKCAPIL',
      service: 'DUKCAPIL-KK',
      channel: 'KIOSK',
      submittedAt: '2026-01-06T01:00:00Z',
      steps: [
        ['VERIFYING', '2026-01-06T02:00:00Z', '2026-01-13T17:00:00Z'],
        ['NEEDS_REVISION', '2026-01-07T02:00:00Z'],
        ['VERIFYING', '2026-01-09T02:00:00Z', '2026-01-15T17:00:00Z'],
        ['IN_REVIEW', '2026-01-12T02:00:00Z'],
        ['APPROVED', '2026-01-14T02:00:00Z'],
        ['ISSUED', '2026-01-16T03:00:00Z'],
      ],
    },
    // Mon 12 Jan → rejected Wed 14 Jan: 13, 14 = 2 days, in time.
    D3: {
      agency: 'DUKCAPIL',
      service: 'DUKCAPIL-AKTA',
      channel: 'COUNTER',
      submittedAt: '2026-01-12T02:00:00Z',
      steps: [
        ['VERIFYING', '2026-01-12T03:00:00Z', '2026-01-19T17:00:00Z'],
        ['REJECTED', '2026-01-14T04:00:00Z'],
      ],
    },
    // Thu 29 Jan → issued Tue 3 Feb: 30 Jan, 2, 3 Feb = 3 days, in time. Submitted in January,
    // decided in February.
    D4: {
      agency: 'DUKCAPIL',
      service: 'DUKCAPIL-KK',
      channel: 'WEB',
      submittedAt: '2026-01-29T02:00:00Z',
      steps: [
        ['VERIFYING', '2026-01-29T03:00:00Z', '2026-02-05T17:00:00Z'],
        ['IN_REVIEW', '2026-01-30T03:00:00Z'],
        ['APPROVED', '2026-02-02T03:00:00Z'],
        ['ISSUED', '2026-02-03T02:00:00Z'],
      ],
    },
    // Mon 2 Feb → two revisions → rejected Thu 12 Feb: 3–6, 9–12 = 8 days, late (end of 10 Feb).
    D5: {
      agency: 'DUKCAPIL',
      service: 'DUKCAPIL-AKTA',
      channel: 'MOBILE',
      submittedAt: '2026-02-02T02:00:00Z',
      steps: [
        ['VERIFYING', '2026-02-02T03:00:00Z', '2026-02-04T17:00:00Z'],
        ['NEEDS_REVISION', '2026-02-03T03:00:00Z'],
        ['VERIFYING', '2026-02-05T03:00:00Z', '2026-02-06T17:00:00Z'],
        ['NEEDS_REVISION', '2026-02-06T03:00:00Z'],
        ['VERIFYING', '2026-02-09T03:00:00Z', '2026-02-10T17:00:00Z'],
        ['REJECTED', '2026-02-12T03:00:00Z'],
      ],
    },
    // Tue 10 Feb → withdrawn by the applicant: not a decision, counted nowhere but submissions.
    D6: {
      agency: 'DUKCAPIL',
      service: 'DUKCAPIL-KK',
      channel: 'WEB',
      submittedAt: '2026-02-10T02:00:00Z',
      steps: [
        ['VERIFYING', '2026-02-10T03:00:00Z', '2026-02-17T17:00:00Z'],
        ['WITHDRAWN', '2026-02-11T03:00:00Z'],
      ],
    },
    // Mon 16 Feb, still being verified, its deadline (end of 23 Feb) long past: overdue now.
    D7: {
      agency: 'DUKCAPIL',
      service: 'DUKCAPIL-KK',
      channel: 'KIOSK',
      submittedAt: '2026-02-16T02:00:00Z',
      steps: [['VERIFYING', '2026-02-16T03:00:00Z', '2026-02-23T17:00:00Z']],
    },
    // Bundle B1's first step, Mon 2 Mar 09:00 WIB → issued Wed 4 Mar: 3, 4 = 2 days, in time.
    D9: {
      agency: 'DUKCAPIL',
      service: 'DUKCAPIL-KK',
      channel: 'WEB',
      submittedAt: '2026-03-02T02:00:00Z',
      bundle: B1,
      steps: [
        ['VERIFYING', '2026-03-02T03:00:00Z', '2026-03-09T17:00:00Z'],
        ['IN_REVIEW', '2026-03-03T03:00:00Z'],
        ['APPROVED', '2026-03-04T02:00:00Z'],
        ['ISSUED', '2026-03-04T03:00:00Z'],
      ],
    },
    // Bundle B2's only step, Thu 15 Jan → rejected Fri 16 Jan: 1 day, in time.
    D10: {
      agency: 'DUKCAPIL',
      service: 'DUKCAPIL-AKTA',
      channel: 'COUNTER',
      submittedAt: '2026-01-15T02:00:00Z',
      bundle: B2,
      steps: [
        ['VERIFYING', '2026-01-15T03:00:00Z', '2026-01-22T17:00:00Z'],
        ['REJECTED', '2026-01-16T02:00:00Z'],
      ],
    },
    // Sat 31 Jan 16:00 UTC is Sun 1 Feb 01:00 WIT: a February submission in Jayapura.
    // Issued Fri 6 Feb: 2–6 Feb = 5 days, in time.
    P1: {
      agency: 'PUPR',
      service: 'PUPR-PBG',
      channel: 'PORTAL',
      submittedAt: '2026-01-31T16:00:00Z',
      steps: [
        ['VERIFYING', '2026-02-02T00:00:00Z', '2026-02-20T15:00:00Z'],
        ['IN_REVIEW', '2026-02-03T00:00:00Z'],
        ['APPROVED', '2026-02-05T00:00:00Z'],
        ['ISSUED', '2026-02-06T01:00:00Z'],
      ],
    },
    // Tue 3 Mar → rejected Tue 31 Mar 23:30 WIT (still March there): 4–6, 9–13, 16–20, 23–27,
    // 30–31 Mar = 3 + 5 + 5 + 5 + 2 = 20 days, late (end of 10 Mar).
    P2: {
      agency: 'PUPR',
      service: 'PUPR-PBG',
      channel: 'WEB',
      submittedAt: '2026-03-03T00:00:00Z',
      steps: [
        ['VERIFYING', '2026-03-03T01:00:00Z', '2026-03-10T15:00:00Z'],
        ['REJECTED', '2026-03-31T14:30:00Z'],
      ],
    },
    // Mon 30 Mar → issued 31 Mar 16:00 UTC = Wed 1 Apr 01:00 WIT (April, the second quarter):
    // 31 Mar, 1 Apr = 2 days, in time.
    P3: {
      agency: 'PUPR',
      service: 'PUPR-PBG',
      channel: 'COUNTER',
      submittedAt: '2026-03-30T00:00:00Z',
      steps: [
        ['VERIFYING', '2026-03-30T01:00:00Z', '2026-04-06T15:00:00Z'],
        ['IN_REVIEW', '2026-03-30T02:00:00Z'],
        ['APPROVED', '2026-03-31T02:00:00Z'],
        ['ISSUED', '2026-03-31T16:00:00Z'],
      ],
    },
    // Bundle B1's second step, Mon 2 Mar 12:00 WIT → issued Thu 12 Mar: 3–6, 9–12 = 8 days,
    // late (end of 9 Mar).
    P4: {
      agency: 'PUPR',
      service: 'PUPR-PBG',
      channel: 'WEB',
      submittedAt: '2026-03-02T03:00:00Z',
      bundle: B1,
      steps: [
        ['VERIFYING', '2026-03-02T04:00:00Z', '2026-03-09T15:00:00Z'],
        ['IN_REVIEW', '2026-03-10T00:00:00Z'],
        ['APPROVED', '2026-03-11T00:00:00Z'],
        ['ISSUED', '2026-03-12T01:00:00Z'],
      ],
    },
    // Bundle B3's only step, Mon 5 Jan 09:00 WIT → issued Fri 9 Jan: 6–9 = 4 days, in time.
    P5: {
      agency: 'PUPR',
      service: 'PUPR-PBG',
      channel: 'MOBILE',
      submittedAt: '2026-01-05T00:00:00Z',
      bundle: B3,
      steps: [
        ['VERIFYING', '2026-01-05T01:00:00Z', '2026-01-12T15:00:00Z'],
        ['IN_REVIEW', '2026-01-06T01:00:00Z'],
        ['APPROVED', '2026-01-08T01:00:00Z'],
        ['ISSUED', '2026-01-09T00:00:00Z'],
      ],
    },
    // Cases open now, submitted in June 2024 (outside every period asked below) so that their
    // clocks reach today whenever this runs. N1: being verified, deadline tomorrow; three
    // quarters of its working days are long used: at risk, not overdue.
    N1: {
      agency: 'DUKCAPIL',
      service: 'DUKCAPIL-KK',
      channel: 'WEB',
      submittedAt: '2024-06-03T02:00:00Z',
      steps: [['VERIFYING', '2024-06-03T03:00:00Z', iso(now + DAY)]],
    },
    // N2: being verified, deadline yesterday: overdue.
    N2: {
      agency: 'DUKCAPIL',
      service: 'DUKCAPIL-AKTA',
      channel: 'COUNTER',
      submittedAt: '2024-06-03T02:00:00Z',
      steps: [['VERIFYING', '2024-06-03T03:00:00Z', iso(now - DAY)]],
    },
    // N3: waiting on the applicant's revision, its last deadline past: open, its clock paused,
    // so neither at risk nor overdue.
    N3: {
      agency: 'PUPR',
      service: 'PUPR-PBG',
      channel: 'WEB',
      submittedAt: '2024-06-03T02:00:00Z',
      steps: [
        ['VERIFYING', '2024-06-03T03:00:00Z', iso(now - DAY)],
        ['NEEDS_REVISION', iso(now - 2 * DAY)],
      ],
    },
    // N4: submitted, not yet taken up: open, no deadline.
    N4: {
      agency: 'PUPR',
      service: 'PUPR-PBG',
      channel: 'KIOSK',
      submittedAt: '2024-06-03T02:00:00Z',
      steps: [],
    },
  };

  const bundles: BundleStatusChangedV1[] = [
    // B1 started with D9 (Mon 2 Mar 09:00 WIB, Jakarta time) and completed Thu 12 Mar 08:05 WIB:
    // 3–6, 9–12 Mar = 8 working days end to end.
    {
      bundleCaseId: B1,
      trackingNo: 'DBUNDLE01',
      bundleCode: 'START-SMALL-BUSINESS',
      status: 'COMPLETED',
      changedAt: '2026-03-12T01:05:00Z',
    },
    // B2 failed Fri 16 Jan (D10 rejected).
    {
      bundleCaseId: B2,
      trackingNo: 'DBUNDLE02',
      bundleCode: 'BIRTH',
      status: 'FAILED',
      failedStep: 'akta',
      reason: 'Dokumen tidak lengkap',
      changedAt: '2026-01-16T02:05:00Z',
    },
    // B3 started with P5 (Mon 5 Jan 09:00 WIT) and completed Fri 9 Jan 09:05 WIT: 6–9 Jan = 4.
    {
      bundleCaseId: B3,
      trackingNo: 'DBUNDLE03',
      bundleCode: 'BUILDING',
      status: 'COMPLETED',
      changedAt: '2026-01-09T00:05:00Z',
    },
  ];

  const ids = Object.fromEntries(Object.keys(cases).map((key) => [key, randomUUID()]));
  const trackingNo = (key: string) => `DASH${key.padEnd(5, 'X')}`;

  const officer = (roles: Principal['roles'], agency?: string): Principal => ({
    kind: 'officer',
    subject: randomUUID(),
    roles,
    ...(agency ? { agency } : {}),
    scopes: [],
  });
  const mallAdmin = officer(['MALL_ADMIN']);
  const as = <T>(principal: Principal, work: () => Promise<T>) =>
    runInContext({ requestId: randomUUID(), traceparent: '', principal }, work);
  const performance = (principal: Principal, request: GetPerformanceV1) =>
    as(principal, () => rpc.request(GetPerformance, request));

  const count = async (sql: string) =>
    Number((await queryServiceDb<{ n: string }>(['tracking'], sql, [], prefix))[0]?.n ?? 0);

  beforeAll(async () => {
    tracking = await ServiceProcess.start('tracking', {
      SP_NAMESPACE: namespace,
      DB_PREFIX: prefix,
    });
    rpc = new RpcClient({
      url: env.NATS_URL,
      namespace,
      timeoutMs: 20_000,
      name: 'dashboards-test',
    });
    const submitted: ApplicationSubmittedV2[] = Object.entries(cases).map(([key, seed]) => ({
      applicationId: ids[key],
      trackingNo: trackingNo(key),
      serviceCode: seed.service,
      agencyCode: seed.agency,
      agencyTimeZone: ZONES[seed.agency],
      channel: seed.channel,
      submittedAt: seed.submittedAt,
      ...(seed.bundle ? { bundleCaseId: seed.bundle, stepKey: seed.service.toLowerCase() } : {}),
    }));
    const changes: ApplicationStatusChangedV1[] = Object.entries(cases).flatMap(([key, seed]) =>
      seed.steps.map(([to, at, deadline], index) => ({
        applicationId: ids[key],
        trackingNo: trackingNo(key),
        agencyCode: seed.agency,
        agencyTimeZone: ZONES[seed.agency],
        from: index === 0 ? 'SUBMITTED' : seed.steps[index - 1][0],
        to,
        changedAt: at,
        sequence: index + 1,
        ...(deadline ? { deadline } : {}),
        ...(to === 'REJECTED' || to === 'NEEDS_REVISION' ? { reason: 'Berkas kurang' } : {}),
      })),
    );
    await publishEvents(env.NATS_URL, namespace, ApplicationSubmitted, submitted);
    await publishEvents(env.NATS_URL, namespace, ApplicationStatusChanged, changes);
    const steps = Object.values(cases).reduce((sum, seed) => sum + seed.steps.length, 0);
    await eventually(async () => {
      expect(await count('SELECT coalesce(sum(sequence), 0) + count(*) AS n FROM case_views')).toBe(
        steps + submitted.length,
      );
    }, 60_000);
    // A bundle ends after its steps were submitted, as intake publishes it.
    await publishEvents(env.NATS_URL, namespace, BundleStatusChanged, bundles);
    await eventually(async () => {
      expect(await count('SELECT count(*) AS n FROM bundle_views')).toBe(bundles.length);
    });
  }, 120_000);

  afterAll(async () => {
    if (rpc) await rpc.onApplicationShutdown();
    await tracking?.stop();
    await deleteNamespaceStreams(env.NATS_URL, namespace);
  });

  const channels = (counts: Partial<Record<Channel, number>>) => ({
    WEB: 0,
    MOBILE: 0,
    COUNTER: 0,
    KIOSK: 0,
    CALL_CENTER: 0,
    PORTAL: 0,
    ...counts,
  });
  const NONE = {
    decided: 0,
    rejected: 0,
    revised: 0,
    withStandard: 0,
    withinStandard: 0,
    medianDays: null,
    p90Days: null,
    withinStandardShare: null,
    revisionRate: null,
    rejectionRate: null,
  };
  const NO_BUNDLES = {
    bundlesCompleted: 0,
    bundlesFailed: 0,
    bundleMedianDays: null,
    bundleP90Days: null,
  };

  /**
   * The mall by month, January to April 2026. percentile_cont(p) over n sorted values takes
   * position p·(n − 1) and interpolates between its neighbours.
   */
  const MALL_BY_MONTH: PerformancePeriodV1[] = [
    {
      period: '2026-01-01',
      // D1 WEB, D2 KIOSK, D3 COUNTER, D4 WEB, D10 COUNTER, P5 MOBILE.
      submitted: 6,
      byChannel: channels({ WEB: 2, KIOSK: 1, COUNTER: 2, MOBILE: 1 }),
      // D1 (2, in time), D2 (8, late, revised), D3 (2, rejected), D10 (1, rejected), P5 (4).
      decided: 5,
      rejected: 2,
      revised: 1,
      withStandard: 5,
      withinStandard: 4,
      // Sorted 1, 2, 2, 4, 8: the middle one is 2.
      medianDays: 2,
      // Position 0.9 × 4 = 3.6: 4 + 0.6 × (8 − 4) = 6.4.
      p90Days: 6.4,
      withinStandardShare: 4 / 5,
      revisionRate: 1 / 5,
      rejectionRate: 2 / 5,
      // B3 completed (4 days); B2 failed.
      bundlesCompleted: 1,
      bundlesFailed: 1,
      bundleMedianDays: 4,
      bundleP90Days: 4,
    },
    {
      period: '2026-02-01',
      // D5 MOBILE, D6 WEB, D7 KIOSK, P1 PORTAL (1 Feb in Jayapura, 31 Jan in UTC).
      submitted: 4,
      byChannel: channels({ MOBILE: 1, WEB: 1, KIOSK: 1, PORTAL: 1 }),
      // D4 (3, in time), D5 (8, late, revised, rejected), P1 (5, in time); D6 was withdrawn.
      decided: 3,
      rejected: 1,
      revised: 1,
      withStandard: 3,
      withinStandard: 2,
      // Sorted 3, 5, 8.
      medianDays: 5,
      // Position 0.9 × 2 = 1.8: 5 + 0.8 × (8 − 5) = 7.4.
      p90Days: 7.4,
      withinStandardShare: 2 / 3,
      revisionRate: 1 / 3,
      rejectionRate: 1 / 3,
      ...NO_BUNDLES,
    },
    {
      period: '2026-03-01',
      // D9 WEB, P2 WEB, P3 COUNTER, P4 WEB.
      submitted: 4,
      byChannel: channels({ WEB: 3, COUNTER: 1 }),
      // D9 (2, in time), P2 (20, late, rejected), P4 (8, late).
      decided: 3,
      rejected: 1,
      revised: 0,
      withStandard: 3,
      withinStandard: 1,
      // Sorted 2, 8, 20.
      medianDays: 8,
      // Position 1.8: 8 + 0.8 × (20 − 8) = 17.6.
      p90Days: 17.6,
      withinStandardShare: 1 / 3,
      revisionRate: 0,
      rejectionRate: 1 / 3,
      // B1 completed, 8 days end to end.
      bundlesCompleted: 1,
      bundlesFailed: 0,
      bundleMedianDays: 8,
      bundleP90Days: 8,
    },
    {
      period: '2026-04-01',
      submitted: 0,
      byChannel: channels({}),
      // P3 (2, in time), issued 1 Apr 01:00 in Jayapura.
      decided: 1,
      rejected: 0,
      revised: 0,
      withStandard: 1,
      withinStandard: 1,
      medianDays: 2,
      p90Days: 2,
      withinStandardShare: 1,
      revisionRate: 0,
      rejectionRate: 0,
      ...NO_BUNDLES,
    },
  ];

  /** DUKCAPIL by quarter, the first half of 2026. */
  const DUKCAPIL_BY_QUARTER: PerformancePeriodV1[] = [
    {
      period: '2026-01-01',
      // D1 WEB, D2 KIOSK, D3 COUNTER, D4 WEB, D5 MOBILE, D6 WEB, D7 KIOSK, D9 WEB, D10 COUNTER.
      submitted: 9,
      byChannel: channels({ WEB: 4, KIOSK: 2, COUNTER: 2, MOBILE: 1 }),
      // D1 2, D2 8 (late, revised), D3 2 (rejected), D4 3, D5 8 (late, revised, rejected),
      // D9 2, D10 1 (rejected).
      decided: 7,
      rejected: 3,
      revised: 2,
      withStandard: 7,
      withinStandard: 5,
      // Sorted 1, 2, 2, 2, 3, 8, 8: the middle (4th) one is 2.
      medianDays: 2,
      // Position 0.9 × 6 = 5.4: 8 + 0.4 × (8 − 8) = 8.
      p90Days: 8,
      withinStandardShare: 5 / 7,
      revisionRate: 2 / 7,
      rejectionRate: 3 / 7,
      // B1 (a DUKCAPIL step, D9) completed in 8 days; B2 (D10) failed. B3 has no DUKCAPIL step.
      bundlesCompleted: 1,
      bundlesFailed: 1,
      bundleMedianDays: 8,
      bundleP90Days: 8,
    },
    { period: '2026-04-01', submitted: 0, byChannel: channels({}), ...NONE, ...NO_BUNDLES },
  ];

  /** The service PUPR-PBG by quarter, the first half of 2026. */
  const PBG_BY_QUARTER: PerformancePeriodV1[] = [
    {
      period: '2026-01-01',
      // P1 PORTAL, P2 WEB, P3 COUNTER, P4 WEB, P5 MOBILE.
      submitted: 5,
      byChannel: channels({ PORTAL: 1, WEB: 2, COUNTER: 1, MOBILE: 1 }),
      // P1 5, P2 20 (late, rejected), P4 8 (late), P5 4; P3 was decided in April.
      decided: 4,
      rejected: 1,
      revised: 0,
      withStandard: 4,
      withinStandard: 2,
      // Sorted 4, 5, 8, 20. Position 0.5 × 3 = 1.5: 5 + 0.5 × (8 − 5) = 6.5.
      medianDays: 6.5,
      // Position 0.9 × 3 = 2.7: 8 + 0.7 × (20 − 8) = 16.4.
      p90Days: 16.4,
      withinStandardShare: 2 / 4,
      revisionRate: 0,
      rejectionRate: 1 / 4,
      // B3 (4 days) and B1 (8 days), each with a PBG step. Sorted 4, 8: median at 0.5,
      // 4 + 0.5 × 4 = 6; p90 at 0.9, 4 + 0.9 × 4 = 7.6.
      bundlesCompleted: 2,
      bundlesFailed: 0,
      bundleMedianDays: 6,
      bundleP90Days: 7.6,
    },
    {
      period: '2026-04-01',
      submitted: 0,
      byChannel: channels({}),
      // P3, 2 days, in time.
      decided: 1,
      rejected: 0,
      revised: 0,
      withStandard: 1,
      withinStandard: 1,
      medianDays: 2,
      p90Days: 2,
      withinStandardShare: 1,
      revisionRate: 0,
      rejectionRate: 0,
      ...NO_BUNDLES,
    },
  ];

  /**
   * Figures computed by PostgreSQL in floating point (percentiles interpolate, rates divide)
   * against the hand-worked ones: equal to 12 decimal places, every other field exactly.
   */
  const FRACTIONAL = [
    'medianDays',
    'p90Days',
    'withinStandardShare',
    'revisionRate',
    'rejectionRate',
    'bundleMedianDays',
    'bundleP90Days',
  ] as const;
  function expectPeriods(actual: PerformancePeriodV1[], expected: PerformancePeriodV1[]) {
    expect(actual.map((period) => period.period)).toEqual(expected.map((period) => period.period));
    actual.forEach((period, index) => {
      const want = expected[index];
      const exact = (p: PerformancePeriodV1) =>
        Object.fromEntries(
          Object.entries(p).filter(([key]) => !(FRACTIONAL as readonly string[]).includes(key)),
        );
      expect(exact(period)).toEqual(exact(want));
      for (const key of FRACTIONAL) {
        const [got, hand] = [period[key], want[key]];
        if (hand === null) expect(got).toBeNull();
        else expect(got).toBeCloseTo(hand, 12);
      }
    });
  }

  it('counts the mall by month: volume by channel, decisions, bundles, and now', async () => {
    const answer = await performance(mallAdmin, {
      period: 'month',
      from: '2026-01-01',
      to: '2026-04-30',
    });
    expect(answer).toMatchObject({ period: 'month', from: '2026-01-01', to: '2026-04-30' });
    expect(answer.agencyCode).toBeUndefined();
    expectPeriods(answer.periods, MALL_BY_MONTH);
    // Open: D7, N1, N2, N3, N4. At risk: N1 (D7's and N2's deadlines have passed: overdue).
    // N3 waits on the applicant, N4 has no deadline.
    expect(answer.now).toEqual({ open: 5, atRisk: 1, overdue: 2 });
  });

  it('counts one agency by quarter, in its own time zone', async () => {
    const answer = await performance(mallAdmin, {
      period: 'quarter',
      from: '2026-02-15',
      to: '2026-06-30',
      agencyCode: 'DUKCAPIL',
    });
    expect(answer).toMatchObject({ from: '2026-01-01', to: '2026-06-30', agencyCode: 'DUKCAPIL' });
    expectPeriods(answer.periods, DUKCAPIL_BY_QUARTER);
    // D7, N1, N2: N1 at risk, D7 and N2 overdue.
    expect(answer.now).toEqual({ open: 3, atRisk: 1, overdue: 2 });
  });

  it('counts one service by quarter; its agency admin sees it, scoped to the agency', async () => {
    const request: GetPerformanceV1 = {
      period: 'quarter',
      from: '2026-01-01',
      to: '2026-04-01',
      serviceCode: 'PUPR-PBG',
    };
    const ofMall = await performance(mallAdmin, request);
    expectPeriods(ofMall.periods, PBG_BY_QUARTER);
    // N3 (paused) and N4 (no deadline).
    expect(ofMall.now).toEqual({ open: 2, atRisk: 0, overdue: 0 });
    const ofAgency = await performance(officer(['AGENCY_ADMIN'], 'PUPR'), request);
    expect(ofAgency.agencyCode).toBe('PUPR');
    expectPeriods(ofAgency.periods, PBG_BY_QUARTER);
  });

  it("refuses another agency's figures to an agency admin, and anyone not an admin", async () => {
    const month: GetPerformanceV1 = { period: 'month', from: '2026-01-01', to: '2026-01-31' };
    for (const [principal, asked] of [
      [officer(['AGENCY_ADMIN'], 'PUPR'), { agencyCode: 'DUKCAPIL' }],
      [officer(['VERIFIER', 'APPROVER'], 'DUKCAPIL'), { agencyCode: 'DUKCAPIL' }],
      [officer(['FRONT_DESK'], 'DUKCAPIL'), {}],
    ] as const) {
      const refused = await domainErrorOf(performance(principal, { ...month, ...asked }));
      expect([refused.status, refused.code]).toEqual([403, 'forbidden']);
    }
    // An agency admin's own agency, by default.
    const own = await performance(officer(['AGENCY_ADMIN'], 'PUPR'), month);
    expect(own.agencyCode).toBe('PUPR');
    // P5 MOBILE, nothing else of PUPR's in January; P5 issued (4 days, in time).
    expect(own.periods).toHaveLength(1);
    expectPeriods(own.periods, [
      {
        period: '2026-01-01',
        submitted: 1,
        byChannel: channels({ MOBILE: 1 }),
        decided: 1,
        rejected: 0,
        revised: 0,
        withStandard: 1,
        withinStandard: 1,
        medianDays: 4,
        p90Days: 4,
        withinStandardShare: 1,
        revisionRate: 0,
        rejectionRate: 0,
        // B3 (P5) completed in 4 days.
        bundlesCompleted: 1,
        bundlesFailed: 0,
        bundleMedianDays: 4,
        bundleP90Days: 4,
      },
    ]);
  });

  it('refuses a range with to before from, or of more than 366 periods', async () => {
    const backwards = await domainErrorOf(
      performance(mallAdmin, { period: 'day', from: '2026-03-02', to: '2026-03-01' }),
    );
    expect([backwards.status, backwards.errors]).toEqual([
      400,
      [{ field: 'to', code: 'period_order' }],
    ]);
    const tooLong = await domainErrorOf(
      performance(mallAdmin, { period: 'day', from: '2025-01-01', to: '2026-01-02' }),
    );
    expect([tooLong.status, tooLong.errors]).toEqual([
      400,
      [{ field: 'to', code: 'too_many_periods', params: { max: 366 } }],
    ]);
  });

  /** RFC 4180, as far as a reader needs: quoted fields with doubled quotes, CRLF records. */
  function parseCsv(text: string): string[][] {
    const records: string[][] = [];
    let record: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (quoted && c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (quoted && c === '"') {
        quoted = false;
      } else if (quoted) {
        field += c;
      } else if (c === '"') {
        quoted = true;
      } else if (c === ',') {
        record.push(field);
        field = '';
      } else if (c === '\r' && text[i + 1] === '\n') {
        record.push(field);
        records.push(record);
        record = [];
        field = '';
        i++;
      } else {
        field += c;
      }
    }
    expect(field).toBe('');
    expect(record).toEqual([]);
    return records;
  }

  it('exports the same figures as CSV, one record per period', async () => {
    const request: GetPerformanceV1 = { period: 'month', from: '2026-01-01', to: '2026-04-30' };
    const { csv } = await as(mallAdmin, () => rpc.request(ExportPerformance, request));
    const [header, ...records] = parseCsv(csv);
    expect(header.slice(0, 5)).toEqual([
      'periodKind',
      'period',
      'agencyCode',
      'serviceCode',
      'submitted',
    ]);
    const parsed = records.map((record) => {
      const row = Object.fromEntries(header.map((name, index) => [name, record[index]]));
      const value = (name: string) => (row[name] === '' ? null : Number(row[name]));
      expect([row.periodKind, row.agencyCode, row.serviceCode]).toEqual(['month', '', '']);
      const byChannel = Object.fromEntries(
        Object.keys(channels({})).map((channel) => [channel, value(`byChannel.${channel}`)]),
      );
      return {
        period: row.period,
        byChannel,
        ...Object.fromEntries(
          Object.keys(MALL_BY_MONTH[0])
            .filter((name) => name !== 'period' && name !== 'byChannel')
            .map((name) => [name, value(name)]),
        ),
      } as unknown as PerformancePeriodV1;
    });
    expectPeriods(parsed, MALL_BY_MONTH);
  });

  it('draws a measure as an SVG chart, one bar per period', async () => {
    const { svg } = await as(mallAdmin, () =>
      rpc.request(DrawPerformanceChart, {
        period: 'month',
        from: '2026-01-01',
        to: '2026-04-30',
        measure: 'p90Days',
      }),
    );
    const errors: string[] = [];
    const document = new DOMParser({
      onError: (level, message) => errors.push(`${level}: ${message}`),
    }).parseFromString(svg, 'image/svg+xml');
    expect(errors).toEqual([]);
    expect(document.documentElement?.nodeName).toBe('svg');
    const bars = Array.from(document.getElementsByTagName('path')).filter(
      (path) => path.getAttribute('aria-roledescription') === 'bar',
    );
    // One per month, in order, each labelled (axis titles: month, working days) with its
    // period and the hand-worked p90.
    expect(bars.map((bar) => bar.getAttribute('aria-label'))).toEqual([
      'Bulan: 2026-01-01; hari kerja: 6.4',
      'Bulan: 2026-02-01; hari kerja: 7.4',
      'Bulan: 2026-03-01; hari kerja: 17.6',
      'Bulan: 2026-04-01; hari kerja: 2',
    ]);
  });
});
