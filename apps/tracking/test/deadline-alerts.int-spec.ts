import { runInContext } from '@satupintu/common';
import {
  ApplicationStatusChanged,
  ApplicationSubmitted,
  CaseDeadlineAlert,
  ListDeadlineAlerts,
  TRACKING_STREAM,
  type ApplicationStatusChangedV1,
  type ApplicationSubmittedV2,
  type CaseDeadlineAlertV1,
  type DeadlineAlertItemV1,
  type ListDeadlineAlertsV1,
  type Principal,
  type Status,
} from '@satupintu/contracts';
import { RpcClient, streamName } from '@satupintu/messaging';
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

const DAY_MS = 86_400_000;
const ZONE = 'Asia/Jakarta';

type Kind = CaseDeadlineAlertV1['kind'];

/** A case told as its events: a submission, then the agency's changes with their deadlines. */
interface TestCase {
  name: string;
  submitted: ApplicationSubmittedV2;
  changes: ApplicationStatusChangedV1[];
  /** The alerts it must raise, each exactly once. */
  expected: Kind[];
}

/**
 * At-risk and overdue alerts, raised once each, whatever happens to tracking: its first sweep
 * dies (SIGKILL) after writing its alerts and before committing them; then two replicas sweep
 * every 300 ms and one is killed in the middle, while other cases become overdue and at risk
 * seconds later. The stream then holds exactly one event per case and kind, and a case that
 * finished or waits on the applicant is not alerted even though its deadline passed.
 */
describe('deadline alerts across a crash, a kill and two replicas', () => {
  const env = testEnvironment();
  const namespace = `${env.SP_NAMESPACE}d`;
  const prefix = `${env.DB_PREFIX}_da`;
  const isolated = {
    SP_NAMESPACE: namespace,
    DB_PREFIX: prefix,
    TRACKING_DEADLINE_SWEEP_MS: '300',
  };
  const running: ServiceProcess[] = [];
  let rpc: RpcClient;

  afterAll(async () => {
    if (rpc) await rpc.onApplicationShutdown();
    await Promise.all(running.map((service) => service.stop()));
    await deleteNamespaceStreams(env.NATS_URL, namespace);
  });

  const count = async (sql: string) =>
    Number((await queryServiceDb<{ n: string }>(['tracking'], sql, [], prefix))[0]?.n ?? 0);

  const now = Date.now();
  /** Long enough after publishing for the kill to land before it, most runs; not relied on. */
  const soon = new Date(now + 20_000).toISOString();
  const at = (offsetMs: number) => new Date(now + offsetMs).toISOString();
  let serial = 0;

  function testCase(
    name: string,
    agencyCode: string,
    steps: { to: Status; at: string; deadline?: string }[],
    expected: Kind[],
  ): TestCase {
    serial += 1;
    const applicationId = randomUUID();
    const trackingNo = `DL${String(serial).padStart(7, '0')}`;
    const submitted: ApplicationSubmittedV2 = {
      applicationId,
      trackingNo,
      serviceCode: `${agencyCode}-TEST`,
      agencyCode,
      agencyTimeZone: ZONE,
      channel: 'KIOSK',
      submittedAt: new Date(Date.parse(steps[0].at) - 60_000).toISOString(),
    };
    let from: Status = 'SUBMITTED';
    const changes = steps.map((step, index): ApplicationStatusChangedV1 => {
      const change: ApplicationStatusChangedV1 = {
        applicationId,
        trackingNo,
        agencyCode,
        agencyTimeZone: ZONE,
        from,
        to: step.to,
        changedAt: step.at,
        sequence: index + 1,
        ...(step.deadline ? { deadline: step.deadline } : {}),
      };
      from = step.to;
      return change;
    });
    return { name, submitted, changes, expected };
  }

  const agencies = ['DUKCAPIL', 'PUPR'];
  const cases: TestCase[] = [];
  for (let i = 0; i < 8; i++) {
    const agency = agencies[i % 2];
    // Running for 40 days, due two days ago: at risk and overdue from the first sweep.
    cases.push(
      testCase(
        `overdue ${i}`,
        agency,
        [{ to: 'VERIFYING', at: at(-40 * DAY_MS), deadline: at(-2 * DAY_MS) }],
        ['AT_RISK', 'OVERDUE'],
      ),
    );
    // Due in three days with some thirty working days allowed: a quarter of them (the last
    // seven or so) began more than a week ago. At risk, not overdue.
    cases.push(
      testCase(
        `at risk ${i}`,
        agency,
        [{ to: 'VERIFYING', at: at(-40 * DAY_MS), deadline: at(3 * DAY_MS) }],
        ['AT_RISK'],
      ),
    );
  }
  for (let i = 0; i < 4; i++) {
    const agency = agencies[i % 2];
    // At risk now, overdue seconds later.
    cases.push(
      testCase(
        `overdue soon ${i}`,
        agency,
        [{ to: 'VERIFYING', at: at(-40 * DAY_MS), deadline: soon }],
        ['AT_RISK', 'OVERDUE'],
      ),
    );
    // A service of one working day (Tue 3 Nov 2026): no day left to warn on, so the case is at
    // risk from its deadline. It never ran with one before: no time limit stated at first, the
    // budget from the deadline given with the revision, then back with a deadline seconds away.
    cases.push(
      testCase(
        `at risk soon ${i}`,
        agency,
        [
          { to: 'VERIFYING', at: '2026-11-02T10:00:00.000+07:00' },
          {
            to: 'NEEDS_REVISION',
            at: '2026-11-02T11:00:00.000+07:00',
            deadline: '2026-11-04T00:00:00.000+07:00',
          },
          { to: 'VERIFYING', at: at(-60_000), deadline: soon },
        ],
        ['AT_RISK', 'OVERDUE'],
      ),
    );
  }
  // Never alerted, though their deadlines pass during the test: one decided, one waiting on
  // the applicant, and one far from its deadline.
  const far = at(60 * DAY_MS);
  const rejected = testCase(
    'rejected',
    'DUKCAPIL',
    [
      { to: 'VERIFYING', at: at(-40 * DAY_MS), deadline: far },
      { to: 'REJECTED', at: at(-DAY_MS), deadline: soon },
    ],
    [],
  );
  const waiting = testCase(
    'waiting on the applicant',
    'PUPR',
    [
      { to: 'VERIFYING', at: at(-40 * DAY_MS), deadline: far },
      { to: 'NEEDS_REVISION', at: at(-DAY_MS), deadline: soon },
    ],
    [],
  );
  const calm = testCase(
    'calm',
    'DUKCAPIL',
    [{ to: 'VERIFYING', at: at(-DAY_MS), deadline: far }],
    [],
  );
  cases.push(rejected, waiting, calm);

  const expectedAlerts = cases
    .flatMap((c) => c.expected.map((kind) => `${c.submitted.applicationId} ${kind}`))
    .sort();
  const alertedBySoon = cases.filter((c) => c.name.includes('soon'));

  const officer = (roles: Principal['roles'], agency?: string): Principal => ({
    kind: 'officer',
    subject: randomUUID(),
    roles,
    scopes: [],
    ...(agency ? { agency } : {}),
  });
  const mallAdmin = officer(['MALL_ADMIN']);
  const list = (principal: Principal, request: ListDeadlineAlertsV1) =>
    runInContext({ requestId: randomUUID(), traceparent: '', principal }, () =>
      rpc.request(ListDeadlineAlerts, request),
    );
  /** Every page of a list, seven items at a time. */
  async function listAll(
    principal: Principal,
    request: Omit<ListDeadlineAlertsV1, 'limit' | 'cursor'>,
  ): Promise<DeadlineAlertItemV1[]> {
    const items: DeadlineAlertItemV1[] = [];
    let cursor: string | undefined;
    do {
      const page = await list(principal, { ...request, limit: 7, ...(cursor ? { cursor } : {}) });
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }
  const trackingNos = (items: { trackingNo: string }[]) =>
    items.map((item) => item.trackingNo).sort();
  const withAlert = (kind: Kind, agencyCode?: string) =>
    cases
      .filter((c) => c.expected.includes(kind))
      .filter((c) => !agencyCode || c.submitted.agencyCode === agencyCode);

  it('raises each alert exactly once, and lists them to those who may see them', async () => {
    // Migrate, then lay down the history while tracking is down.
    await (await ServiceProcess.start('tracking', isolated)).stop();
    await publishEvents(
      env.NATS_URL,
      namespace,
      ApplicationSubmitted,
      cases.map((c) => c.submitted),
    );
    await publishEvents(
      env.NATS_URL,
      namespace,
      ApplicationStatusChanged,
      cases.flatMap((c) => c.changes),
    );

    // The first sweep that raises anything dies before it commits: nothing of it is kept.
    const doomed = await ServiceProcess.spawn('tracking', {
      ...isolated,
      SP_FAILPOINT: 'deadline-alerts-before-commit',
    });
    expect(await doomed.exited()).toMatchObject({ signal: 'SIGKILL' });
    expect(await count('SELECT count(*) AS n FROM deadline_alerts')).toBe(0);

    // Two replicas; one is killed once the alerts already due are raised.
    const [first, second] = await Promise.all([
      ServiceProcess.start('tracking', isolated),
      ServiceProcess.start('tracking', isolated),
    ]);
    running.push(second);
    const dueAtOnce = cases.filter((c) => !c.name.includes('soon'));
    await eventually(
      async () =>
        expect(
          await count(
            `SELECT count(*) AS n FROM deadline_alerts WHERE application_id IN (${dueAtOnce
              .map((c) => `'${c.submitted.applicationId}'`)
              .join(', ')})`,
          ),
        ).toBe(dueAtOnce.reduce((n, c) => n + c.expected.length, 0)),
      30_000,
    );
    expect(await first.kill()).toMatchObject({ signal: 'SIGKILL' });
    running.push(await ServiceProcess.start('tracking', isolated));

    // The cases due seconds later are alerted too; then every event has left the outbox.
    await eventually(async () => {
      expect(
        await count(
          `SELECT count(*) AS n FROM deadline_alerts WHERE kind = 'OVERDUE' AND application_id IN (${alertedBySoon
            .map((c) => `'${c.submitted.applicationId}'`)
            .join(', ')})`,
        ),
      ).toBe(alertedBySoon.length);
      expect(await count('SELECT count(*) AS n FROM outbox')).toBe(0);
    }, 60_000);
    // The sweep that raised those ran after the same deadline of the decided and the waiting case.
    const [views] = await queryServiceDb<{ passed: boolean }>(
      ['tracking'],
      `SELECT bool_and(deadline < now()) AS passed FROM case_views WHERE application_id IN ($1, $2)`,
      [rejected.submitted.applicationId, waiting.submitted.applicationId],
      prefix,
    );
    expect(views.passed).toBe(true);

    const stored = await readStreams(env.NATS_URL, streamName(namespace, TRACKING_STREAM.name));
    const events = stored.map((message) => JSON.parse(message.data) as CaseDeadlineAlertV1);
    expect(events.map((event) => `${event.applicationId} ${event.kind}`).sort()).toEqual(
      expectedAlerts,
    );
    for (const message of stored) {
      const event = JSON.parse(message.data) as CaseDeadlineAlertV1;
      const known = cases.find((c) => c.submitted.applicationId === event.applicationId);
      expect(message.subject).toBe(
        `${namespace}.events.${CaseDeadlineAlert.subject}.${known?.submitted.agencyCode}`,
      );
      expect(event.trackingNo).toBe(known?.submitted.trackingNo);
      expect(event.deadline).toMatch(/\+07:00$/);
      expect(Date.parse(event.deadline)).toBe(Date.parse(known?.changes.at(-1)?.deadline ?? ''));
      expect(Date.parse(event.raisedAt)).toBeGreaterThanOrEqual(
        event.kind === 'OVERDUE' ? Date.parse(event.deadline) : now,
      );
    }

    rpc = new RpcClient({
      url: env.NATS_URL,
      namespace,
      timeoutMs: 10_000,
      name: 'deadline-alerts-test',
    });
    // The mall administrator sees every agency's; an agency's admin its own.
    for (const kind of ['AT_RISK', 'OVERDUE'] as const) {
      expect(trackingNos(await listAll(mallAdmin, { kind, open: true }))).toEqual(
        trackingNos(withAlert(kind).map((c) => c.submitted)),
      );
      for (const agencyCode of agencies) {
        const own = await listAll(officer(['AGENCY_ADMIN'], agencyCode), { agencyCode, kind });
        expect(trackingNos(own)).toEqual(
          trackingNos(withAlert(kind, agencyCode).map((c) => c.submitted)),
        );
        expect(await listAll(mallAdmin, { agencyCode, kind })).toEqual(own);
      }
    }
    const [item] = await listAll(mallAdmin, { agencyCode: 'PUPR', kind: 'OVERDUE' }).then((items) =>
      items.filter((i) => i.trackingNo === cases[2].submitted.trackingNo),
    );
    expect(item).toEqual({
      trackingNo: cases[2].submitted.trackingNo,
      serviceCode: 'PUPR-TEST',
      agencyCode: 'PUPR',
      kind: 'OVERDUE',
      deadline: expect.stringMatching(/\+07:00$/) as string,
      raisedAt: expect.stringMatching(/\+07:00$/) as string,
      status: 'VERIFYING',
    });

    // Decided after it was alerted: no longer open, listed with its status now.
    const decided = cases[0];
    await publishEvents(env.NATS_URL, namespace, ApplicationStatusChanged, [
      {
        ...decided.changes[0],
        from: 'VERIFYING',
        to: 'REJECTED',
        changedAt: new Date().toISOString(),
        sequence: 2,
      },
    ]);
    await eventually(async () => {
      const open = await listAll(mallAdmin, { kind: 'OVERDUE', open: true });
      expect(trackingNos(open)).not.toContain(decided.submitted.trackingNo);
    });
    expect(await listAll(mallAdmin, { kind: 'OVERDUE', open: false })).toEqual([
      expect.objectContaining({ trackingNo: decided.submitted.trackingNo, status: 'REJECTED' }),
    ]);

    // Another agency's admin, a verifier, and the agency's own system are refused.
    for (const [principal, request, status] of [
      [officer(['AGENCY_ADMIN'], 'PUPR'), { agencyCode: 'DUKCAPIL', limit: 5 }, 403],
      [officer(['AGENCY_ADMIN'], 'DUKCAPIL'), { limit: 5 }, 403],
      [officer(['VERIFIER'], 'DUKCAPIL'), { agencyCode: 'DUKCAPIL', limit: 5 }, 403],
      [
        {
          kind: 'client',
          subject: 'sys',
          clientId: 'sys',
          roles: [],
          scopes: ['agency:DUKCAPIL:work'],
        },
        { agencyCode: 'DUKCAPIL', limit: 5 },
        403,
      ],
    ] as [Principal, ListDeadlineAlertsV1, number][]) {
      expect((await domainErrorOf(list(principal, request))).status).toBe(status);
    }
  }, 180_000);
});
