import { parse, type ParserError } from 'parse5';
import { runInContext } from '@satupintu/common';
import {
  AddFollowUpItem,
  ApplicationStatusChanged,
  ApplicationSubmitted,
  CreateFollowUpPlan,
  ExportSkmReport,
  GetSkmIndex,
  GetSkmReport,
  GetSkmTrend,
  ListSkmSuggestions,
  RenderSkmReport,
  SubmitKioskSkmResponse,
  SubmitSkmResponse,
  type ApplicationStatusChangedV1,
  type ApplicationSubmittedV2,
  type Principal,
  type SkmAnswersV1,
  type SubmitKioskSkmResponseV1,
} from '@satupintu/contracts';
import {
  SKM_WEIGHT_RULES,
  skmIndex,
  tallySkm,
  type SkmAnswers,
  type SkmWeightRule,
} from '@satupintu/domain';
import { RpcClient } from '@satupintu/messaging';
import {
  ServiceProcess,
  anApiClient,
  anApplicant,
  anOfficer,
  deleteNamespaceStreams,
  domainErrorOf,
  eventually,
  publishEvents,
  queryServiceDb,
  testEnvironment,
} from '@satupintu/testing';
import { randomUUID } from 'node:crypto';

/**
 * SKM in surveys, over real events on the real streams and real responses through its requests.
 * Surveys runs in a namespace and database of its own, so only this suite's cases and responses
 * count. The mall keeps Jakarta time (+07).
 */
describe('SKM responses and index', () => {
  const env = testEnvironment();
  const namespace = `${env.SP_NAMESPACE}skm`;
  const prefix = `${env.DB_PREFIX}_skm`;
  let surveys: ServiceProcess;
  let rpc: RpcClient;

  const applicants = { A1: randomUUID(), A2: randomUUID(), A5: randomUUID() };
  interface CaseSeed {
    applicant: string;
    agency: 'DUKCAPIL' | 'PUPR';
    service: string;
    /** How it ended, and when (UTC); absent while it runs. */
    end?: ['ISSUED' | 'REJECTED', string];
  }
  const cases: Record<string, CaseSeed> = {
    C1: {
      applicant: applicants.A1,
      agency: 'DUKCAPIL',
      service: 'DUKCAPIL-KK',
      end: ['ISSUED', '2026-01-10T03:00:00Z'],
    },
    C2: {
      applicant: applicants.A2,
      agency: 'DUKCAPIL',
      service: 'DUKCAPIL-KK',
      end: ['REJECTED', '2026-02-10T03:00:00Z'],
    },
    // 17:30 UTC on 31 March is 00:30 on 1 April in Jakarta: the second quarter.
    C3: {
      applicant: applicants.A2,
      agency: 'DUKCAPIL',
      service: 'DUKCAPIL-KK',
      end: ['ISSUED', '2026-03-31T17:30:00Z'],
    },
    C4: { applicant: applicants.A1, agency: 'DUKCAPIL', service: 'DUKCAPIL-KK' },
    C5: {
      applicant: applicants.A5,
      agency: 'PUPR',
      service: 'PUPR-PBG',
      end: ['ISSUED', '2026-03-01T03:00:00Z'],
    },
    C6: {
      applicant: applicants.A2,
      agency: 'DUKCAPIL',
      service: 'DUKCAPIL-KK',
      end: ['ISSUED', '2025-11-01T03:00:00Z'],
    },
    C7: {
      applicant: applicants.A2,
      agency: 'DUKCAPIL',
      service: 'DUKCAPIL-KK',
      end: ['ISSUED', '2025-11-02T03:00:00Z'],
    },
  };
  const ids = Object.fromEntries(Object.keys(cases).map((key) => [key, randomUUID()]));
  const trackingNo = (key: string) => `SKM${key.padEnd(6, 'X')}`;

  const all = (answer: 1 | 2 | 3 | 4): SkmAnswers =>
    Object.fromEntries(
      ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'].map((e) => [e, answer]),
    );
  const without = (answers: SkmAnswers, element: keyof SkmAnswers): SkmAnswers => {
    const { [element]: _left, ...rest } = answers;
    return rest;
  };
  // DUKCAPIL-KK, first quarter of 2026: U4 and U9 each left unanswered once.
  //   U1–U3, U5–U8: (4 + 3 + 4 + 2) / 4 = 3.25; U4: (4 + 3 + 4) / 3 = 11/3; U9: (4 + 3 + 2) / 3 = 3
  //   Σ NRR = 7 × 3.25 + 11/3 + 3 = 29.41666…
  //   IKM exact: 29.41666… / 9 × 25 = 81.7129… → 81.71 (B); × 0.111 × 25 = 81.63125 → 81.63 (B);
  //   × 0.11 × 25 = 80.8958… → 80.90 (B)
  const kkQ1: SkmAnswers[] = [all(4), all(3), without(all(4), 'U9'), without(all(2), 'U4')];
  // PUPR-PBG, same quarter: U8 unanswered.
  const pbgQ1: SkmAnswers[] = [without(all(1), 'U8')];
  // DUKCAPIL-KK, last quarter of 2025: one response against two cases served.
  const kkQ4: SkmAnswers[] = [all(3)];
  const HAND = { EXACT: 81.71, ROUNDED_0_111: 81.63, ROUNDED_0_11: 80.9 } as const;

  const kiosk = anApiClient(['surveys:kiosk'], { subject: 'kiosk-lobby', clientId: 'kiosk-lobby' });
  const mallAdmin = anOfficer('DUKCAPIL', ['MALL_ADMIN']);
  const as = <T>(principal: Principal, work: () => Promise<T>, idempotencyKey?: string) =>
    runInContext(
      {
        requestId: randomUUID(),
        traceparent: '',
        principal,
        ...(idempotencyKey ? { idempotencyKey } : {}),
      },
      work,
    );
  const atKiosk = (body: SubmitKioskSkmResponseV1) =>
    as(kiosk, () => rpc.request(SubmitKioskSkmResponse, body));
  const byApplicant = (applicant: string, key: string, answers: SkmAnswersV1 = all(4)) =>
    as(anApplicant({ subject: applicant }), () =>
      rpc.request(SubmitSkmResponse, { trackingNo: trackingNo(key), answers }),
    );

  beforeAll(async () => {
    surveys = await ServiceProcess.start('surveys', {
      SP_NAMESPACE: namespace,
      DB_PREFIX: prefix,
      MALL_TIME_ZONE: 'Asia/Jakarta',
    });
    rpc = new RpcClient({ url: env.NATS_URL, namespace, timeoutMs: 20_000, name: 'skm-test' });
    const submitted: ApplicationSubmittedV2[] = Object.entries(cases).map(([key, seed]) => ({
      applicationId: ids[key],
      trackingNo: trackingNo(key),
      serviceCode: seed.service,
      agencyCode: seed.agency,
      agencyTimeZone: 'Asia/Jakarta',
      channel: 'WEB',
      applicantId: seed.applicant,
      submittedAt: '2025-10-01T03:00:00Z',
    }));
    const ended: ApplicationStatusChangedV1[] = Object.entries(cases).flatMap(([key, seed]) =>
      seed.end
        ? [
            {
              applicationId: ids[key],
              trackingNo: trackingNo(key),
              agencyCode: seed.agency,
              agencyTimeZone: 'Asia/Jakarta',
              from: 'APPROVED',
              to: seed.end[0],
              changedAt: seed.end[1],
              sequence: 4,
            },
          ]
        : [],
    );
    // The end before the submission for some: the two streams keep no order between them.
    await publishEvents(env.NATS_URL, namespace, ApplicationStatusChanged, ended);
    await publishEvents(env.NATS_URL, namespace, ApplicationSubmitted, submitted);
    await eventually(async () => {
      const [row] = await queryServiceDb<{ known: string; finished: string }>(
        ['surveys'],
        'SELECT count(applicant_id) AS known, count(finished_at) AS finished FROM served_cases',
        [],
        prefix,
      );
      expect([Number(row.known), Number(row.finished)]).toEqual([submitted.length, ended.length]);
    }, 60_000);
    const seed = (service: string, agency: string, day: string, answers: SkmAnswers[]) =>
      answers.map((given, i) =>
        atKiosk({
          agencyCode: agency,
          serviceCode: service,
          day,
          answers: given,
          respondent: { sex: i % 2 ? 'F' : 'M', education: 'SMA' },
          ...(i === 0 ? { suggestion: `Saran ${service} ${day}` } : {}),
        }),
      );
    await Promise.all([
      ...seed('DUKCAPIL-KK', 'DUKCAPIL', '2026-02-15', kkQ1),
      ...seed('PUPR-PBG', 'PUPR', '2026-03-31', pbgQ1),
      ...seed('DUKCAPIL-KK', 'DUKCAPIL', '2025-12-31', kkQ4),
    ]);
  }, 120_000);

  afterAll(async () => {
    if (rpc) await rpc.onApplicationShutdown();
    await surveys?.stop();
    await deleteNamespaceStreams(env.NATS_URL, namespace);
  });

  describe('responses about a case', () => {
    it("takes one response by the case's applicant once the case is finished", async () => {
      const receipt = await byApplicant(applicants.A1, 'C1', { U1: 4, U9: 2 });
      expect(receipt).toMatchObject({
        source: 'CASE',
        agencyCode: 'DUKCAPIL',
        serviceCode: 'DUKCAPIL-KK',
        answered: ['U1', 'U9'],
      });
      const [row] = await queryServiceDb<Record<string, number | null>>(
        ['surveys'],
        'SELECT u1, u2, u8, u9 FROM skm_responses WHERE id = $1',
        [receipt.responseId],
        prefix,
      );
      expect(row).toEqual({ u1: 4, u2: null, u8: null, u9: 2 });
    });

    it('refuses a second response about the same case', async () => {
      await byApplicant(applicants.A2, 'C6');
      const error = await domainErrorOf(byApplicant(applicants.A2, 'C6'));
      expect([error.code, error.status]).toEqual(['skm_already_answered', 409]);
    });

    it('keeps two responses sent at once about one case to one', async () => {
      const outcomes = await Promise.allSettled([
        byApplicant(applicants.A5, 'C5'),
        byApplicant(applicants.A5, 'C5'),
        byApplicant(applicants.A5, 'C5'),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const [row] = await queryServiceDb<{ n: string }>(
        ['surveys'],
        'SELECT count(*) AS n FROM skm_responses WHERE application_id = $1',
        [ids.C5],
        prefix,
      );
      expect(Number(row.n)).toBe(1);
    });

    it('refuses a response before the case is finished', async () => {
      const error = await domainErrorOf(byApplicant(applicants.A1, 'C4'));
      expect([error.code, error.status]).toEqual(['skm_case_not_finished', 409]);
    });

    it("answers another applicant's case as not found", async () => {
      const error = await domainErrorOf(byApplicant(applicants.A1, 'C2'));
      expect([error.code, error.status]).toEqual(['skm_case_not_found', 404]);
    });

    it('answers a replay under the same Idempotency-Key with the first receipt', async () => {
      const key = randomUUID();
      const send = () =>
        as(
          anApplicant({ subject: applicants.A2 }),
          () =>
            rpc.request(SubmitSkmResponse, { trackingNo: trackingNo('C7'), answers: { U3: 3 } }),
          key,
        );
      const first = await send();
      expect(await send()).toEqual(first);
    });
  });

  describe('the index', () => {
    const index = (
      weightRule: SkmWeightRule,
      scope: { agencyCode?: string; serviceCode?: string },
    ) =>
      as(mallAdmin, () =>
        rpc.request(GetSkmIndex, { period: 'quarter', at: '2026-02-01', weightRule, ...scope }),
      );

    it.each(SKM_WEIGHT_RULES)(
      'equals skmIndex over the same responses, unanswered elements included, weighted %s',
      async (rule) => {
        for (const [scope, responses] of [
          [{ serviceCode: 'DUKCAPIL-KK' }, kkQ1],
          [{ agencyCode: 'PUPR' }, pbgQ1],
          [{}, [...kkQ1, ...pbgQ1]],
        ] as const) {
          const answer = await index(rule, scope);
          const pure = skmIndex(tallySkm(responses), rule);
          expect(answer.elements.map((e) => [e.element, e.answered, e.nrr])).toEqual(
            pure.elements.map((e) => [e.element, e.answered, e.nrr ?? null]),
          );
          expect(answer.ikm).toBe(pure.ikm ?? null);
          expect(answer.category).toBe(pure.category ?? null);
          expect(answer.weightRule).toBe(rule);
        }
      },
    );

    it('matches the hand-computed figures of the seeded quarter', async () => {
      for (const rule of SKM_WEIGHT_RULES) {
        const answer = await index(rule, { serviceCode: 'DUKCAPIL-KK' });
        expect([answer.ikmRounded, answer.category]).toEqual([HAND[rule], 'B']);
      }
      const answer = await index('EXACT', { serviceCode: 'DUKCAPIL-KK' });
      expect(answer).toMatchObject({
        period: { kind: 'quarter', start: '2026-01-01', end: '2026-04-01', label: '2026-TW1' },
        timeZone: 'Asia/Jakarta',
        respondents: 4,
        // C1 and C2; C3 ended on 1 April in Jakarta.
        population: 2,
        minimumSample: 2,
        sampleTooSmall: false,
        suggestions: 1,
      });
      expect(answer.elements.find((e) => e.element === 'U4')).toMatchObject({ answered: 3 });
      expect(answer.weakestFirst.slice(0, 2)).toEqual(['U9', 'U1']);
      expect(answer.profile.sex).toEqual({ M: 2, F: 2, UNSTATED: 0 });
      expect(answer.profile.ageBand.UNSTATED).toBe(4);
    });

    it('has no index where an element was answered by nobody', async () => {
      const answer = await index('EXACT', { agencyCode: 'PUPR' });
      expect(answer).toMatchObject({ ikm: null, category: null, unanswered: ['U8'] });
    });

    it('flags a sample below the Krejcie & Morgan minimum of the served population', async () => {
      const answer = await as(mallAdmin, () =>
        rpc.request(GetSkmIndex, {
          period: 'quarter',
          at: '2025-12-31',
          serviceCode: 'DUKCAPIL-KK',
        }),
      );
      expect(answer).toMatchObject({
        respondents: 1,
        population: 2,
        minimumSample: 2,
        sampleTooSmall: true,
      });
    });

    it('follows the trend across periods and counts the year as one', async () => {
      const trend = await as(mallAdmin, () =>
        rpc.request(GetSkmTrend, {
          period: 'quarter',
          from: '2025-10-01',
          to: '2026-06-30',
          agencyCode: 'DUKCAPIL',
        }),
      );
      expect(trend.periods.map((p) => [p.period.label, p.respondents, p.population])).toEqual([
        ['2025-TW4', 1, 2],
        ['2026-TW1', 4, 2],
        ['2026-TW2', 0, 1],
      ]);
      const year = await as(mallAdmin, () =>
        rpc.request(GetSkmIndex, { period: 'year', at: '2025-07-01' }),
      );
      expect([year.period.label, year.respondents, year.population]).toEqual(['2025', 1, 2]);
    });

    it("keeps an agency's admin to their own agency", async () => {
      const admin = anOfficer('PUPR', ['AGENCY_ADMIN']);
      const error = await domainErrorOf(
        as(admin, () =>
          rpc.request(GetSkmIndex, { period: 'quarter', at: '2026-02-01', agencyCode: 'DUKCAPIL' }),
        ),
      );
      expect(error.status).toBe(403);
    });

    it("lists a period's suggestions a page at a time", async () => {
      const list = (cursor?: string) =>
        as(mallAdmin, () =>
          rpc.request(ListSkmSuggestions, {
            period: 'quarter',
            at: '2026-02-01',
            limit: 1,
            ...(cursor ? { cursor } : {}),
          }),
        );
      const first = await list();
      expect(first.items.map((s) => s.text)).toEqual(['Saran PUPR-PBG 2026-03-31']);
      const second = await list(first.nextCursor);
      expect(second.items.map((s) => s.text)).toEqual(['Saran DUKCAPIL-KK 2026-02-15']);
      expect(second.nextCursor).toBeUndefined();
    });
  });

  describe('the published report', () => {
    const request = { period: 'quarter', at: '2026-03-15', serviceCode: 'DUKCAPIL-KK' } as const;

    it('is public, with the trend, the weight rule and the recorded follow-up plan', async () => {
      const anonymous: Principal = { kind: 'anonymous', roles: [], scopes: [] };
      const before = await as(anonymous, () => rpc.request(GetSkmReport, request));
      expect(before.followUpPlan).toEqual({ forum: null, items: [] });
      // The plan of the same scope, recorded under the very label the report prints for the period.
      expect(before.index.period.label).toBe('2026-TW1');
      const forum = {
        date: '2026-04-20',
        participants: [{ name: 'Rina Wulandari', affiliation: 'Forum Warga' }],
        minutes: 'Disepakati perbaikan waktu penyelesaian.',
      };
      const plan = await as(
        mallAdmin,
        () =>
          rpc.request(CreateFollowUpPlan, {
            scope: { kind: 'SERVICE', serviceCode: 'DUKCAPIL-KK' },
            period: before.index.period.label,
            forum,
          }),
        randomUUID(),
      );
      await as(
        mallAdmin,
        () =>
          rpc.request(AddFollowUpItem, {
            planId: plan.planId,
            element: 'U3',
            activity: 'Layanan antar dokumen',
            plannedQuarters: ['II', 'III'],
            responsibleUnit: 'Bidang Pelayanan',
          }),
        randomUUID(),
      );
      const report = await as({ kind: 'anonymous', roles: [], scopes: [] }, () =>
        rpc.request(GetSkmReport, request),
      );
      expect(report.language).toBe('id');
      expect(report.index.ikmRounded).toBe(81.71);
      expect(report.index.weightRule).toBe('EXACT');
      expect(report.trend.map((p) => p.period.label)).toEqual([
        '2025-TW2',
        '2025-TW3',
        '2025-TW4',
        '2026-TW1',
      ]);
      expect(report.followUpPlan.forum).toEqual(forum);
      expect(
        report.followUpPlan.items.map(({ element, activity, plannedQuarters, status }) => ({
          element,
          activity,
          plannedQuarters,
          status,
        })),
      ).toEqual([
        {
          element: 'U3',
          activity: 'Layanan antar dokumen',
          plannedQuarters: ['II', 'III'],
          status: 'PLANNED',
        },
      ]);
    });

    it('renders as valid HTML whose figures are the hand-computed ones, in Indonesian or English', async () => {
      for (const [language, ikm, label] of [
        ['id', '81,71', 'Laporan Survei Kepuasan Masyarakat'],
        ['en', '81.71', 'Community Satisfaction Survey'],
      ] as const) {
        const { html } = await as({ kind: 'anonymous', roles: [], scopes: [] }, () =>
          rpc.request(RenderSkmReport, { ...request, language }),
        );
        const errors: ParserError[] = [];
        parse(html, { onParseError: (error) => errors.push(error) });
        expect(errors).toEqual([]);
        expect(html).toContain(label);
        expect(html).toContain(`<span id="ikm">${ikm}</span>`);
        expect(html).toContain('<span id="category">B</span>');
        expect(html).toContain('<td class="n" id="respondents">4</td>');
        expect(html).toContain('<td class="n" id="population">2</td>');
        expect(html).toContain('<td class="n" id="minimum-sample">2</td>');
        expect(html.match(/<svg/g)).toHaveLength(2);
      }
    });

    it('exports the trend as CSV, the reported period last', async () => {
      const { csv } = await as({ kind: 'anonymous', roles: [], scopes: [] }, () =>
        rpc.request(ExportSkmReport, request),
      );
      const lines = csv.split('\r\n');
      expect(lines).toHaveLength(6);
      expect(lines[4].split(',').slice(0, 7)).toEqual([
        '2026-TW1',
        '2026-01-01',
        '2026-04-01',
        '',
        'DUKCAPIL-KK',
        'EXACT',
        String(1 / 9),
      ]);
    });
  });
});
