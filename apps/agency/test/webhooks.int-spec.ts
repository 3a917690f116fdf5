import { runInContext } from '@satupintu/common';
import {
  ApplicationSubmitted,
  CreateWebhookSubscription,
  type ApplicationSubmittedV2,
  type Principal,
  TransitionCase,
} from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import {
  ServiceProcess,
  WebhookReceiver,
  anOfficer,
  deleteNamespaceStreams,
  eventually,
  publishEvents,
  queryServiceDb,
  testEnvironment,
} from '@satupintu/testing';
import { randomUUID } from 'node:crypto';

/**
 * The agency's system subscribes to its events; its receiver goes away while cases move, and
 * when it is back every event arrives, in order per application, each signed and verifiable
 * with `standardwebhooks`. Then the agency is killed (SIGKILL) while deliveries are pending and
 * in flight: after its restart nothing is lost.
 *
 * The retry schedule is compressed (WEBHOOK_RETRY_SCALE=0.001: 5 ms doubling to 3.6 s, for 86 s
 * instead of 5 s doubling to 1 h, for 24 h), so the receiver stays down for several retry rounds
 * of every application's queue and for more than the 5 minutes of that schedule (0.3 s
 * of wall-clock time here): deliveries failing round after round and all of them going once it
 * is up.
 * Two replicas deliver side by side: the receiver never sees two deliveries of one application
 * at once.
 */
describe("webhooks of an agency's case events", () => {
  const env = testEnvironment();
  const namespace = `${env.SP_NAMESPACE}w`;
  const prefix = `${env.DB_PREFIX}_wh`;
  const AGENCY = 'HOOKS';
  const agencyEnv = {
    SP_NAMESPACE: namespace,
    DB_PREFIX: prefix,
    AGENCY_CODE: AGENCY,
    WEBHOOK_RETRY_SCALE: '0.001',
    // A killed replica's claims lapse after six times this: 6 s.
    WEBHOOK_TIMEOUT_SECONDS: '1',
  };
  const admin = anOfficer(AGENCY, ['AGENCY_ADMIN']);
  const verifier = anOfficer(AGENCY, ['VERIFIER']);
  const approver = anOfficer(AGENCY, ['APPROVER']);
  const receiver = new WebhookReceiver((data) => String(data.applicationId));
  let replicas: ServiceProcess[] = [];
  let rpc: RpcClient;

  const db = <T>(sql: string, params: unknown[] = []) =>
    queryServiceDb<T>(['agency', AGENCY], sql, params, prefix);

  const as = <T>(principal: Principal, work: () => Promise<T>) =>
    runInContext({ requestId: randomUUID(), traceparent: '', principal }, work);

  beforeAll(async () => {
    replicas = await Promise.all([
      ServiceProcess.start('agency', agencyEnv),
      ServiceProcess.start('agency', agencyEnv),
    ]);
    rpc = new RpcClient({ url: env.NATS_URL, namespace, timeoutMs: 10_000, name: 'webhooks-test' });
    // The receiver's port is known, then closed: it is down from the start.
    await receiver.start();
    await receiver.stop();
    const created = await as(admin, () =>
      rpc.request(CreateWebhookSubscription, { url: receiver.url() }, { to: AGENCY }),
    );
    receiver.secret = created.secret;
    expect(receiver.secret).toMatch(/^whsec_/);
  });

  afterAll(async () => {
    await rpc?.onApplicationShutdown();
    await Promise.all(replicas.map((replica) => replica.stop()));
    await receiver.stop();
    await deleteNamespaceStreams(env.NATS_URL, namespace);
  });

  function submitted(): ApplicationSubmittedV2 {
    return {
      applicationId: randomUUID(),
      trackingNo: randomUUID().replace(/-/g, '').slice(0, 9).toUpperCase(),
      serviceCode: `${AGENCY}-1`,
      agencyCode: AGENCY,
      agencyTimeZone: 'Asia/Jakarta',
      channel: 'WEB',
      submittedAt: new Date().toISOString(),
    };
  }

  /** Each application received (→ VERIFYING), verified (→ IN_REVIEW), approved: three events. */
  async function moveCases(count: number): Promise<ApplicationSubmittedV2[]> {
    const applications = Array.from({ length: count }, submitted);
    await publishEvents(env.NATS_URL, namespace, ApplicationSubmitted, applications);
    await eventually(async () => {
      const rows = await db('SELECT 1 FROM cases WHERE application_id = ANY($1)', [
        applications.map((a) => a.applicationId),
      ]);
      expect(rows).toHaveLength(count);
    }, 30_000);
    for (const [who, action] of [
      [verifier, 'COMPLETE_VERIFICATION'],
      [approver, 'APPROVE'],
    ] as const) {
      for (const { trackingNo } of applications) {
        await as(who, () => rpc.request(TransitionCase, { trackingNo, action }, { to: AGENCY }));
      }
    }
    return applications;
  }

  /** Every application's three events accepted by the receiver, in their order, each verified. */
  function expectAllDelivered(applications: ApplicationSubmittedV2[]): void {
    const accepted = receiver.accepted();
    for (const { applicationId } of applications) {
      const mine = accepted.filter((r) => r.data.applicationId === applicationId);
      expect({
        applicationId,
        moves: mine.map((r) => `${String(r.data.from)}→${String(r.data.to)}`),
      }).toEqual({
        applicationId,
        moves: ['SUBMITTED→VERIFYING', 'VERIFYING→IN_REVIEW', 'IN_REVIEW→APPROVED'],
      });
      expect(mine.map((r) => r.data.sequence)).toEqual([1, 2, 3]);
      expect(mine.every((r) => r.type === 'agency.application.status-changed.v1')).toBe(true);
    }
    expect(receiver.received.filter((r) => !r.verified)).toEqual([]);
    expect(receiver.received.filter((r) => r.overlapped)).toEqual([]);
  }

  it('delivers every event after the receiver was down for 5 minutes of the (scaled) schedule, in order per application', async () => {
    const applications = await moveCases(8);
    // Down until every application's first delivery has failed five times and was first tried
    // over 5 minutes ago on the schedule (300 ms at WEBHOOK_RETRY_SCALE=0.001), and counting.
    await eventually(async () => {
      const [row] = await db<{ n: number }>(
        `SELECT count(*)::int AS n FROM webhook_deliveries
          WHERE ordering_key = ANY($1) AND status = 'pending' AND attempts >= 5
            AND first_attempt_at <= now() - interval '300 milliseconds'`,
        [applications.map((a) => a.applicationId)],
      );
      expect(row.n).toBe(applications.length);
    }, 60_000);
    expect(receiver.received).toHaveLength(0);

    await receiver.start();
    await eventually(
      () => expect(receiver.accepted()).toHaveLength(3 * applications.length),
      60_000,
    );
    expectAllDelivered(applications);
    const [settled] = await db<{ pending: number; dead: number }>(
      `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
              count(*) FILTER (WHERE status = 'dead')::int AS dead FROM webhook_deliveries`,
    );
    expect(settled).toEqual({ pending: 0, dead: 0 });
    // Every webhook id once: no replica sent a delivery the other had sent.
    expect(receiver.received).toHaveLength(3 * applications.length);
  }, 150_000);

  it('loses nothing when the agency is killed while deliveries are pending and in flight', async () => {
    await receiver.stop();
    const before = receiver.accepted().length;
    const applications = await moveCases(6);
    await eventually(async () => {
      const [row] = await db<{ n: number }>(
        `SELECT count(*)::int AS n FROM webhook_deliveries WHERE status = 'pending' AND attempts >= 2`,
      );
      expect(row.n).toBe(applications.length);
    }, 60_000);

    // Up, but answering nothing: each application's head is in flight, the rest pending.
    receiver.hold = true;
    await receiver.start();
    await eventually(() => expect(receiver.received.length).toBeGreaterThan(before), 30_000);
    const held = receiver.received.filter((r) => r.answered === undefined).map((r) => r.webhookId);

    for (const replica of replicas)
      expect(await replica.kill()).toMatchObject({ signal: 'SIGKILL' });
    replicas = [];
    const [pending] = await db<{ n: number }>(
      `SELECT count(*)::int AS n FROM webhook_deliveries WHERE status = 'pending'`,
    );
    expect(pending.n).toBe(3 * applications.length);

    receiver.hold = false;
    replicas = [await ServiceProcess.start('agency', agencyEnv)];
    await eventually(
      () => expect(receiver.accepted()).toHaveLength(before + 3 * applications.length),
      60_000,
    );
    expectAllDelivered(applications);
    // At least once: a webhook id came again only if it was in flight when the agency died.
    const answeredTwice = receiver.received
      .filter((r) => r.answered === 200)
      .map((r) => r.webhookId)
      .filter((id, index, ids) => ids.indexOf(id) !== index);
    expect(answeredTwice.filter((id) => !held.includes(id))).toEqual([]);
    const [settled] = await db<{ n: number }>(
      `SELECT count(*)::int AS n FROM webhook_deliveries WHERE status <> 'delivered'`,
    );
    expect(settled.n).toBe(0);
  }, 150_000);
});
