import { type ApiClient, createApiClient } from '@satupintu/api-client';
import {
  ApplicationStatusChanged,
  ApplicationSubmitted,
  type Principal,
  type ServqualResultsV1,
} from '@satupintu/contracts';
import {
  generateTrackingNumber,
  servqualGaps,
  skmPeriodOf,
  type ServqualTally,
} from '@satupintu/domain';
import {
  ServiceProcess,
  TestTokenIssuer,
  anApiClient,
  anApplicant,
  anOfficer,
  deleteNamespaceStreams,
  eventually,
  publishEvents,
  queryServiceDb,
  testEnvironment,
} from '@satupintu/testing';
import { databaseName, databaseUrl } from '@satupintu/persistence';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  RecordedFollowUpPlans,
  type FollowUpPlanSource,
} from '../src/follow-up/follow-up-plan.source';
import { FollowUpPlansRepository } from '../src/follow-up/follow-up-plans.repository';

/**
 * The follow-up plans and SERVQUAL through the gateway (ADR 0033), with surveys in a namespace
 * and databases of its own: who may manage and read what, idempotent creation, versions that
 * refuse a stale update, validation, and the SERVQUAL gaps the database computes against the pure
 * definition (`servqualGaps`) over the same seeded answers. An applicant's case is checked in
 * surveys' own served cases, as for SKM: no tracking runs here.
 */
describe('follow-up plans and SERVQUAL', () => {
  const env = testEnvironment();
  const namespace = `${env.SP_NAMESPACE}fu`;
  const prefix = `${env.DB_PREFIX}_fu`;
  const isolated = { SP_NAMESPACE: namespace, DB_PREFIX: prefix };
  let services: ServiceProcess[] = [];
  let issuer: TestTokenIssuer;
  let gatewayUrl: string;

  const mallAdmin = anOfficer('MPP', ['MALL_ADMIN']);
  const puprAdmin = anOfficer('PUPR', ['AGENCY_ADMIN']);
  const dukcapilAdmin = anOfficer('DUKCAPIL', ['AGENCY_ADMIN']);
  const verifier = anOfficer('PUPR', ['VERIFIER']);
  const analyst = anOfficer('MPP', ['SURVEY_ANALYST']);
  const siti = anApplicant();
  const budi = anApplicant();
  const kiosk = anApiClient(['applications:submit', 'surveys:kiosk']);
  const headers = new Map<Principal, Record<string, string>>();
  const clients = new Map<Principal, ApiClient>();
  const as = (principal: Principal) => clients.get(principal)!;

  /** A raw call, for what the typed client forbids and to read every header. */
  async function call(
    principal: Principal | undefined,
    method: string,
    path: string,
    body?: unknown,
    extra: Record<string, string> = {},
  ) {
    const response = await fetch(`${gatewayUrl}${path}`, {
      method,
      headers: {
        'accept-language': 'en',
        ...(principal ? headers.get(principal) : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...extra,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('json')
      ? (JSON.parse(text) as Record<string, unknown>)
      : {};
    return { status: response.status, headers: response.headers, body: json, text };
  }
  const problem = (
    answer: Awaited<ReturnType<typeof call>>,
    status: number,
    code: string,
    fields?: string[],
  ) => {
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status, code });
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    if (fields)
      expect(
        (answer.body.errors as { field: string; code: string }[]).map(
          (e) => `${e.field}:${e.code}`,
        ),
      ).toEqual(fields);
  };

  // Siti's cases, as surveys hears of them: one PUPR-IMB case issued on 10 Feb 2026 (in the
  // mall's zone, Asia/Jakarta, as in the agency's, WIT), one still verifying.
  const finished = generateTrackingNumber(randomBytes);
  const running = generateTrackingNumber(randomBytes);

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start({ natsUrl: env.NATS_URL, namespace });
    for (const principal of [
      mallAdmin,
      puprAdmin,
      dukcapilAdmin,
      verifier,
      analyst,
      siti,
      budi,
      kiosk,
    ]) {
      const { authorization } = await issuer.authorization(principal, { expiresInSeconds: 3600 });
      headers.set(principal, { authorization });
    }
    services = await Promise.all([
      ServiceProcess.start('gateway', isolated),
      ServiceProcess.start('surveys', isolated),
    ]);
    gatewayUrl = services[0].url;
    for (const [principal, h] of headers)
      clients.set(principal, createApiClient(gatewayUrl, { headers: h }));

    const cases = [
      { trackingNo: finished, applicationId: randomUUID() },
      { trackingNo: running, applicationId: randomUUID() },
    ];
    await publishEvents(
      env.NATS_URL,
      namespace,
      ApplicationSubmitted,
      cases.map((c) => ({
        ...c,
        serviceCode: 'PUPR-IMB',
        agencyCode: 'PUPR',
        agencyTimeZone: 'Asia/Jayapura',
        channel: 'WEB' as const,
        applicantId: siti.subject!,
        submittedAt: '2026-02-02T01:00:00Z',
      })),
    );
    const step = { agencyCode: 'PUPR', agencyTimeZone: 'Asia/Jayapura' };
    await publishEvents(env.NATS_URL, namespace, ApplicationStatusChanged, [
      ...cases.map((c) => ({
        ...c,
        ...step,
        from: 'SUBMITTED' as const,
        to: 'VERIFYING' as const,
        changedAt: '2026-02-03T01:00:00Z',
        sequence: 1,
      })),
      {
        ...cases[0],
        ...step,
        from: 'VERIFYING' as const,
        to: 'ISSUED' as const,
        // 10 Feb 2026 03:00 WIT.
        changedAt: '2026-02-09T18:00:00Z',
        sequence: 2,
      },
    ]);
    await eventually(async () => {
      const rows = await queryServiceDb<{ tracking_no: string; finished_status: string | null }>(
        ['surveys'],
        'SELECT tracking_no, finished_status FROM served_cases WHERE service_code IS NOT NULL',
        [],
        prefix,
      );
      expect(rows.map((row) => [row.tracking_no, row.finished_status]).sort()).toEqual(
        [
          [finished, 'ISSUED'],
          [running, null],
        ].sort(),
      );
    });
  }, 120_000);

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await issuer?.stop();
    await deleteNamespaceStreams(env.NATS_URL, namespace);
  });

  describe('follow-up plans', () => {
    const FORUM = {
      date: '2026-04-15',
      participants: [
        { name: 'Ketua RW 05', affiliation: 'Forum Warga Cibinong' },
        { name: 'Kepala Bidang Pelayanan' },
      ],
      minutes: 'Forum menyepakati prioritas U3 dan U8.',
    };
    let planId: string;

    it('lets an agency admin start a plan for a service of theirs, once per Idempotency-Key', async () => {
      const body = {
        scope: { kind: 'SERVICE' as const, serviceCode: 'PUPR-PBG' },
        period: '2026-TW1',
        forum: FORUM,
      };
      const key = { 'idempotency-key': randomUUID() };
      const first = await call(puprAdmin, 'POST', '/v1/follow-up-plans', body, key);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        scope: { kind: 'SERVICE', serviceCode: 'PUPR-PBG' },
        period: '2026-TW1',
        forum: FORUM,
        items: [],
        version: 1,
      });
      planId = first.body.planId as string;

      const again = await call(puprAdmin, 'POST', '/v1/follow-up-plans', body, key);
      expect({
        status: again.status,
        replayed: again.headers.get('idempotent-replayed'),
        body: again.body,
      }).toEqual({ status: 201, replayed: 'true', body: first.body });
      problem(
        await call(puprAdmin, 'POST', '/v1/follow-up-plans', { ...body, period: '2026-TW2' }, key),
        422,
        'idempotency_key_reused',
      );
      // Without the key, a second plan of the scope and period is refused, naming the first.
      const second = await call(puprAdmin, 'POST', '/v1/follow-up-plans', body);
      problem(second, 409, 'follow_up_plan_exists');
      expect(second.body.detail).toContain(planId);
    });

    it('refuses another agency’s admin, the anonymous and officers without an admin role', async () => {
      const body = { scope: { kind: 'SERVICE', serviceCode: 'PUPR-PBG' }, period: '2026-S1' };
      problem(await call(dukcapilAdmin, 'POST', '/v1/follow-up-plans', body), 403, 'forbidden');
      problem(
        await call(puprAdmin, 'POST', '/v1/follow-up-plans', {
          scope: { kind: 'MALL' },
          period: '2026',
        }),
        403,
        'forbidden',
      );
      problem(await call(undefined, 'POST', '/v1/follow-up-plans', body), 401, 'unauthenticated');
      problem(await call(verifier, 'POST', '/v1/follow-up-plans', body), 403, 'forbidden');
      problem(await call(siti, 'GET', '/v1/follow-up-plans'), 403, 'forbidden');
      // Another agency's plan is as missing; a mall admin reads it.
      problem(
        await call(dukcapilAdmin, 'GET', `/v1/follow-up-plans/${planId}`),
        404,
        'follow_up_plan_not_found',
      );
      problem(
        await call(dukcapilAdmin, 'POST', `/v1/follow-up-plans/${planId}/items`, {
          element: 'U1',
          activity: 'x',
          plannedQuarters: ['I'],
          responsibleUnit: 'y',
        }),
        404,
        'follow_up_plan_not_found',
      );
      const { data, response } = await as(mallAdmin).GET('/v1/follow-up-plans/{planId}', {
        params: { path: { planId } },
      });
      expect(response.status).toBe(200);
      expect(data?.planId).toBe(planId);
      problem(
        await call(dukcapilAdmin, 'GET', '/v1/follow-up-plans?agencyCode=PUPR'),
        403,
        'forbidden',
      );
      const theirs = await as(dukcapilAdmin).GET('/v1/follow-up-plans', {});
      expect(theirs.data?.items.map((p) => p.planId)).not.toContain(planId);
    });

    it('refuses what is malformed, naming the field', async () => {
      problem(
        await call(mallAdmin, 'POST', '/v1/follow-up-plans', {
          scope: { kind: 'AGENCY', serviceCode: 'PUPR-PBG' },
          period: '2026-TW1',
        }),
        400,
        'validation_failed',
        ['scope:scope_codes'],
      );
      problem(
        await call(mallAdmin, 'POST', '/v1/follow-up-plans', {
          scope: { kind: 'MALL' },
          period: '2026-S3',
        }),
        400,
        'validation_failed',
      );
      // A quarter is named as the SKM index names it, TW1–TW4: one naming, no second spelling.
      problem(
        await call(mallAdmin, 'POST', '/v1/follow-up-plans', {
          scope: { kind: 'MALL' },
          period: '2026-Q1',
        }),
        400,
        'validation_failed',
        ['period:must_be_period'],
      );
      problem(
        await call(mallAdmin, 'POST', '/v1/follow-up-plans', {
          scope: { kind: 'MALL' },
          period: '2026',
          owner: 'x',
        }),
        400,
        'validation_failed',
        ['owner:unknown_field'],
      );
      problem(
        await call(puprAdmin, 'POST', `/v1/follow-up-plans/${planId}/items`, {
          element: 'U3',
          activity: 'Pangkas alur',
          plannedQuarters: ['II', 'II'],
          responsibleUnit: 'Bidang Pelayanan',
        }),
        400,
        'validation_failed',
        ['plannedQuarters:quarter_repeated'],
      );
      problem(await call(mallAdmin, 'GET', '/v1/follow-up-plans/nope'), 400, 'validation_failed', [
        'planId:invalid',
      ]);
      problem(
        await call(mallAdmin, 'GET', '/v1/follow-up-plans?cursor=bm9wZQ'),
        400,
        'invalid_cursor',
      );
    });

    it('adds items, moves them as allowed, and refuses a change made on a stale read', async () => {
      const item = {
        element: 'U3' as const,
        activity: 'Memangkas alur verifikasi PBG',
        plannedQuarters: ['III' as const, 'II' as const],
        responsibleUnit: 'Bidang Pelayanan Perizinan',
      };
      const key = { 'idempotency-key': randomUUID() };
      const added = await call(puprAdmin, 'POST', `/v1/follow-up-plans/${planId}/items`, item, key);
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({
        ...item,
        plannedQuarters: ['II', 'III'],
        status: 'PLANNED',
        version: 1,
        evidence: { links: [] },
      });
      const replay = await call(
        puprAdmin,
        'POST',
        `/v1/follow-up-plans/${planId}/items`,
        item,
        key,
      );
      expect(replay.body).toEqual(added.body);
      const ITEM = `/v1/follow-up-plans/${planId}/items/${added.body.itemId as string}`;

      const started = await call(puprAdmin, 'PATCH', ITEM, { version: 1, status: 'IN_PROGRESS' });
      expect(started.status).toBe(200);
      expect(started.body).toMatchObject({ status: 'IN_PROGRESS', version: 2 });
      const stale = await call(puprAdmin, 'PATCH', ITEM, { version: 1, activity: 'Lain' });
      problem(stale, 409, 'version_conflict');
      expect(stale.body.detail).toMatch(/version 1.*current one is 2/);
      problem(
        await call(puprAdmin, 'PATCH', ITEM, { version: 2, status: 'DONE' }),
        422,
        'unprocessable',
        ['evidence:evidence_required'],
      );
      const done = await call(puprAdmin, 'PATCH', ITEM, {
        version: 2,
        status: 'DONE',
        evidence: { text: 'SOP baru berlaku', links: ['https://mpp.example.go.id/sop.pdf'] },
      });
      expect(done.body).toMatchObject({ status: 'DONE', version: 3 });
      problem(
        await call(puprAdmin, 'PATCH', ITEM, { version: 3, status: 'PLANNED' }),
        409,
        'follow_up_transition_refused',
      );

      const plan = await as(puprAdmin).GET('/v1/follow-up-plans/{planId}', {
        params: { path: { planId } },
      });
      expect(plan.data?.items).toEqual([done.body]);
    });

    it('records the forum on the version read, and refuses it on a stale one', async () => {
      const forum = { ...FORUM, date: '2026-04-20', minutes: 'Berita acara yang diperbaiki.' };
      const put = await call(puprAdmin, 'PUT', `/v1/follow-up-plans/${planId}/forum`, {
        ...forum,
        version: 1,
      });
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ forum, version: 2 });
      problem(
        await call(mallAdmin, 'PUT', `/v1/follow-up-plans/${planId}/forum`, {
          ...forum,
          version: 1,
        }),
        409,
        'version_conflict',
      );
    });

    it('lists the plans a page at a time, the latest changed first', async () => {
      for (const body of [
        { scope: { kind: 'MALL' as const }, period: '2026' },
        { scope: { kind: 'AGENCY' as const, agencyCode: 'PUPR' }, period: '2026-S1' },
        { scope: { kind: 'AGENCY' as const, agencyCode: 'DUKCAPIL' }, period: '2026-S1' },
      ]) {
        const { response } = await as(mallAdmin).POST('/v1/follow-up-plans', { body });
        expect(response.status).toBe(201);
      }
      const first = await as(mallAdmin).GET('/v1/follow-up-plans', {
        params: { query: { limit: 2 } },
      });
      expect(first.data?.items).toHaveLength(2);
      expect(first.data?.items[0].scope).toEqual({ kind: 'AGENCY', agencyCode: 'DUKCAPIL' });
      const second = await as(mallAdmin).GET('/v1/follow-up-plans', {
        params: { query: { limit: 2, cursor: first.data!.nextCursor! } },
      });
      expect(second.data?.items).toHaveLength(2);
      expect(second.data?.nextCursor).toBeUndefined();
      expect(second.data?.items[1]).toMatchObject({
        planId,
        forumDate: '2026-04-20',
        items: 1,
        done: 1,
      });
      // PUPR's admin sees PUPR's plan and its service's, not the mall's nor DUKCAPIL's.
      const pupr = await as(puprAdmin).GET('/v1/follow-up-plans', {});
      expect(pupr.data?.items.map((p) => p.scope)).toEqual([
        { kind: 'AGENCY', agencyCode: 'PUPR' },
        { kind: 'SERVICE', serviceCode: 'PUPR-PBG' },
      ]);
    });
    it('gives the SKM report the forum and items of a scope’s period, and nothing for none', async () => {
      // The provider the report injects, over the database the service migrated and wrote.
      const dataSource = await new DataSource({
        type: 'postgres',
        url: databaseUrl(env.DATABASE_URL, databaseName(prefix, 'surveys')),
        extra: { max: 1 },
      }).initialize();
      try {
        const source: FollowUpPlanSource = new RecordedFollowUpPlans(
          new FollowUpPlansRepository(dataSource),
        );
        const section = await source.planFor(
          { kind: 'SERVICE', serviceCode: 'PUPR-PBG' },
          skmPeriodOf('quarter', '2026-01-01'),
        );
        const plan = await as(puprAdmin).GET('/v1/follow-up-plans/{planId}', {
          params: { path: { planId } },
        });
        expect(section.forum).toEqual(plan.data?.forum);
        expect(section.items).toEqual(
          plan.data?.items.map(({ itemId, updatedAt: _at, ...item }) => ({ id: itemId, ...item })),
        );
        expect(
          await source.planFor(
            { kind: 'SERVICE', serviceCode: 'PUPR-PBG' },
            skmPeriodOf('quarter', '2026-04-01'),
          ),
        ).toEqual({ forum: null, items: [] });
      } finally {
        await dataSource.destroy();
      }
    });
  });

  describe('SERVQUAL', () => {
    /** Kiosk answers for PUPR-PBG: item → [expectation, perception] per respondent. */
    const seeded: { day: string; answers: [number, number, number][] }[] = [
      {
        day: '2026-01-05',
        answers: [
          [1, 5, 3],
          [2, 4, 4],
          [5, 5, 2],
          [10, 4, 5],
          [22, 3, 3],
        ],
      },
      {
        day: '2026-02-17',
        answers: [
          [1, 4, 4],
          [5, 5, 4],
          [6, 4, 2],
          [14, 5, 5],
        ],
      },
      {
        day: '2026-03-31',
        answers: [
          [1, 5, 5],
          [2, 3, 2],
          [5, 4, 4],
          [18, 5, 3],
          [22, 4, 2],
        ],
      },
      {
        day: '2026-03-02',
        answers: [
          [9, 5, 1],
          [13, 2, 4],
          [17, 3, 3],
        ],
      },
    ];
    const kioskResponse = (
      day: string,
      answers: [number, number, number][],
      serviceCode = 'PUPR-PBG',
    ) => ({
      serviceCode,
      day,
      answers: answers.map(([item, expectation, perception]) => ({
        item,
        expectation,
        perception,
      })),
    });

    it('records kiosk answers, and answers their gaps as the pure definition computes them', async () => {
      for (const { day, answers } of seeded) {
        const { data, response } = await as(kiosk).POST('/v1/servqual/responses', {
          body: kioskResponse(day, answers),
        });
        expect(response.status).toBe(201);
        expect(data).toMatchObject({
          serviceCode: 'PUPR-PBG',
          day,
          source: 'KIOSK',
          answered: answers.length,
        });
      }
      // Outside the quarter, and another service: not counted.
      for (const body of [
        kioskResponse('2026-04-01', [[1, 1, 5]]),
        kioskResponse('2026-02-01', [[1, 1, 5]], 'PUPR-SLF'),
      ]) {
        const { response } = await as(kiosk).POST('/v1/servqual/responses', { body });
        expect(response.status).toBe(201);
      }

      const tallies = new Map<number, ServqualTally>();
      for (const { answers } of seeded)
        for (const [item, expectation, perception] of answers) {
          const tally = tallies.get(item) ?? {
            item,
            expectationSum: 0,
            perceptionSum: 0,
            answered: 0,
          };
          tally.expectationSum += expectation;
          tally.perceptionSum += perception;
          tally.answered += 1;
          tallies.set(item, tally);
        }
      const pure = servqualGaps([...tallies.values()]);

      const { data, response } = await as(puprAdmin).GET('/v1/servqual/results', {
        params: { query: { serviceCode: 'PUPR-PBG', period: '2026-TW1' } },
      });
      expect(response.status).toBe(200);
      const results = data as ServqualResultsV1;
      expect(results).toMatchObject({
        serviceCode: 'PUPR-PBG',
        period: '2026-TW1',
        from: '2026-01-01',
        until: '2026-04-01',
        respondents: 4,
      });
      expect(results.items).toHaveLength(22);
      results.items.forEach((item, i) => {
        const expected = pure.items[i];
        expect({ item: item.item, dimension: item.dimension, answered: item.answered }).toEqual({
          item: expected.item,
          dimension: expected.dimension,
          answered: expected.answered,
        });
        for (const figure of ['expectation', 'perception', 'gap'] as const) {
          if (expected[figure] === undefined) expect(item[figure]).toBeUndefined();
          else expect(item[figure]).toBeCloseTo(expected[figure], 12);
        }
      });
      results.dimensions.forEach((dimension, i) => {
        expect(dimension.dimension).toBe(pure.dimensions[i].dimension);
        if (pure.dimensions[i].gap === undefined) expect(dimension.gap).toBeUndefined();
        else expect(dimension.gap).toBeCloseTo(pure.dimensions[i].gap, 12);
      });
      // By hand: item 1 expected 5, 4, 5 (14/3) and perceived 3, 4, 5 (4): gap −2/3.
      expect(results.items[0].gap).toBeCloseTo(-2 / 3, 12);

      for (const answer of [
        await call(
          mallAdmin,
          'GET',
          '/v1/servqual/results?serviceCode=PUPR-PBG&period=2026-TW1',
          undefined,
          { accept: 'text/csv' },
        ),
        await call(
          mallAdmin,
          'GET',
          '/v1/servqual/results.csv?serviceCode=PUPR-PBG&period=2026-TW1',
        ),
      ]) {
        expect(answer.status).toBe(200);
        expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
        const lines = answer.text.split('\r\n');
        expect(lines[0]).toBe(
          'serviceCode,period,kind,item,dimension,answered,expectation,perception,gap',
        );
        expect(lines[1]).toMatch(
          /^PUPR-PBG,2026-TW1,ITEM,1,TANGIBLES,3,4\.666666666666\d*,4,-0\.666666666666\d*$/,
        );
        expect(lines).toHaveLength(1 + 22 + 5 + 1);
      }
    });

    it('takes an applicant’s answers once, for a finished case of theirs only', async () => {
      const answers = [{ item: 3, expectation: 5, perception: 4 }];
      const key = { 'idempotency-key': randomUUID() };
      const first = await call(
        siti,
        'POST',
        '/v1/servqual/responses',
        { trackingNo: finished.toLowerCase(), answers },
        key,
      );
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        serviceCode: 'PUPR-IMB',
        day: '2026-02-10',
        source: 'APPLICANT',
        answered: 1,
      });
      const replay = await call(
        siti,
        'POST',
        '/v1/servqual/responses',
        { trackingNo: finished, answers },
        key,
      );
      expect({ status: replay.status, body: replay.body }).toEqual({
        status: 201,
        body: first.body,
      });
      problem(
        await call(siti, 'POST', '/v1/servqual/responses', { trackingNo: finished, answers }),
        409,
        'servqual_already_answered',
      );
      problem(
        await call(siti, 'POST', '/v1/servqual/responses', { trackingNo: running, answers }),
        409,
        'servqual_case_not_finished',
      );
      problem(
        await call(budi, 'POST', '/v1/servqual/responses', { trackingNo: running, answers }),
        404,
        'application_not_found',
      );
      const imb = await as(mallAdmin).GET('/v1/servqual/results', {
        params: { query: { serviceCode: 'PUPR-IMB', period: '2026' } },
      });
      const imbResults = imb.data as ServqualResultsV1;
      expect(imbResults.respondents).toBe(1);
      expect(imbResults.items.find((i) => i.item === 3)).toMatchObject({
        item: 3,
        answered: 1,
        gap: -1,
      });
    });

    it('judges a case exactly as SKM does: the same served case, each with its own codes', async () => {
      const servqual = (who: Principal, trackingNo: string) =>
        call(who, 'POST', '/v1/servqual/responses', {
          trackingNo,
          answers: [{ item: 7, expectation: 4, perception: 4 }],
        });
      const skm = (who: Principal, trackingNo: string) =>
        call(who, 'POST', '/v1/skm/responses', { trackingNo, answers: { U3: 3 } });
      const unknown = generateTrackingNumber(randomBytes);
      for (const [who, trackingNo, status, codes] of [
        [budi, finished, 404, ['application_not_found', 'skm_case_not_found']],
        [siti, unknown, 404, ['application_not_found', 'skm_case_not_found']],
        [siti, running, 409, ['servqual_case_not_finished', 'skm_case_not_finished']],
      ] as const) {
        problem(await servqual(who, trackingNo), status, codes[0]);
        problem(await skm(who, trackingNo), status, codes[1]);
      }
      // Siti's finished case, answered in SERVQUAL above, is hers to rate in SKM too.
      expect((await skm(siti, finished)).status).toBe(201);
    });

    it('refuses the wrong callers, fields and answers', async () => {
      const answers = [{ item: 1, expectation: 5, perception: 4 }];
      problem(
        await call(undefined, 'POST', '/v1/servqual/responses', { trackingNo: finished, answers }),
        401,
        'unauthenticated',
      );
      problem(
        await call(puprAdmin, 'POST', '/v1/servqual/responses', { trackingNo: finished, answers }),
        403,
        'forbidden',
      );
      problem(
        await call(siti, 'POST', '/v1/servqual/responses', {
          serviceCode: 'PUPR-PBG',
          day: '2026-01-05',
          answers,
        }),
        400,
        'validation_failed',
        ['trackingNo:servqual_source'],
      );
      problem(
        await call(
          kiosk,
          'POST',
          '/v1/servqual/responses',
          kioskResponse('2099-01-01', [[1, 5, 4]]),
        ),
        400,
        'validation_failed',
        ['day:day_in_future'],
      );
      problem(
        await call(
          kiosk,
          'POST',
          '/v1/servqual/responses',
          kioskResponse('2026-01-05', [
            [1, 5, 4],
            [1, 4, 4],
          ]),
        ),
        400,
        'validation_failed',
        ['answers.1.item:item_repeated'],
      );
      problem(
        await call(
          kiosk,
          'POST',
          '/v1/servqual/responses',
          kioskResponse('2026-01-05', [[1, 5, 6]]),
        ),
        400,
        'validation_failed',
        ['answers.0.perception:invalid'],
      );
      const mistyped = finished.slice(0, 8) + (finished[8] === '0' ? '1' : '0');
      problem(
        await call(siti, 'POST', '/v1/servqual/responses', { trackingNo: mistyped, answers }),
        400,
        'invalid_tracking_number',
      );

      problem(
        await call(
          dukcapilAdmin,
          'GET',
          '/v1/servqual/results?serviceCode=PUPR-PBG&period=2026-TW1',
        ),
        403,
        'forbidden',
      );
      // A survey analyst reads every service's results, and manages no plan.
      expect(
        (await call(analyst, 'GET', '/v1/servqual/results?serviceCode=PUPR-PBG&period=2026-TW1'))
          .status,
      ).toBe(200);
      problem(await call(analyst, 'GET', '/v1/follow-up-plans'), 403, 'forbidden');
      problem(
        await call(undefined, 'GET', '/v1/servqual/results?serviceCode=PUPR-PBG&period=2026-TW1'),
        401,
        'unauthenticated',
      );
      problem(
        await call(mallAdmin, 'GET', '/v1/servqual/results?serviceCode=PUPR-PBG&period=2026-TW5'),
        400,
        'validation_failed',
        ['period:must_be_period'],
      );
    });
  });
});
