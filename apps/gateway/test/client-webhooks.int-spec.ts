import type { Role } from '@satupintu/contracts';
import {
  ServiceProcess,
  WebhookReceiver,
  callGateway,
  clientCredentialsToken,
  deleteNamespaceStreams,
  eventually,
  passwordToken,
  payByCallback,
  queryServiceDb,
  testEnvironment,
} from '@satupintu/testing';
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { DEMO_ACCOUNTS, demoOfficerUsername } from '../../identity/src/demo/demo-accounts';

type Answer = Record<string, unknown>;
type Payment = { code: string; amount: number };

const AGENCY = 'PUPR';
const SECRET = 'the-secret-shared-with-the-bank-in-this-test';

/**
 * API clients subscribe to the applications they submit (`/v1/webhook-subscriptions`, answered
 * by tracking through `libs/webhooks`), across the real identity, intake, tracking, agency and
 * gateway: the demo portal submits for Budi, PUPR walks the case to its issue, and the portal's
 * receiver gets every entry of its timeline once, in order, each verified with the secret; a
 * second client's subscription receives nothing of it.
 */
describe('API clients’ webhook subscriptions', () => {
  const env = testEnvironment();
  const own = { DB_PREFIX: `${env.DB_PREFIX}_hooks`, SP_NAMESPACE: `${env.SP_NAMESPACE}-hooks` };
  const running: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  const tokens = new Map<string, string>();
  const [, budi] = DEMO_ACCOUNTS.citizens;
  const [portal] = DEMO_ACCOUNTS.clients;
  const portalHooks = new WebhookReceiver((data) => String(data.applicationId));
  const otherHooks = new WebhookReceiver((data) => String(data.applicationId));

  beforeAll(async () => {
    await Promise.all([portalHooks.start(), otherHooks.start()]);
    const started = await Promise.all([
      ServiceProcess.start('identity', { ...own, DEMO_SEED: 'true', NODE_ENV: 'test' }),
      ServiceProcess.start('intake', { ...own, DEMO_SEED: 'true' }),
      ServiceProcess.start('tracking', own),
      ServiceProcess.start('agency', {
        ...own,
        AGENCY_CODE: AGENCY,
        DEMO_SEED: 'true',
        PAYMENT_CALLBACK_SECRETS: SECRET,
      }),
      ServiceProcess.start('gateway', own),
    ]);
    running.push(...started);
    gateway = started[4];
    await eventually(async () => {
      tokens.set('portal', (await clientCredentialsToken(gateway.url, portal)).accessToken);
      for (const role of ['VERIFIER', 'APPROVER'] as Role[])
        tokens.set(
          role,
          await passwordToken(
            gateway.url,
            demoOfficerUsername(AGENCY, role),
            DEMO_ACCOUNTS.officerPassword,
          ),
        );
      tokens.set(
        'admin',
        await passwordToken(gateway.url, 'admin.mall', DEMO_ACCOUNTS.officerPassword),
      );
    }, 30_000);
    // A second portal, as the mall admin would add it.
    const clientId = `other-portal-${randomUUID().slice(0, 8)}`;
    const created = await call('admin', 'POST', '/v1/clients', {
      clientId,
      name: 'Portal lain (uji)',
      kind: 'PORTAL',
      scopes: ['applications:submit', 'applications:read'],
    });
    expect(created.status).toBe(201);
    tokens.set(
      'other',
      (
        await clientCredentialsToken(gateway.url, {
          clientId,
          secret: created.body.secret as string,
        })
      ).accessToken,
    );
    await eventually(async () => {
      const rows = await queryServiceDb(
        ['agency', AGENCY],
        "SELECT 1 FROM service_standards WHERE code = 'PUPR-PBG'",
        [],
        own.DB_PREFIX,
      );
      expect(rows).toHaveLength(1);
    }, 30_000);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(running.map((service) => service.stop()));
    await Promise.all([portalHooks.stop(), otherHooks.stop()]);
    await deleteNamespaceStreams(env.NATS_URL, own.SP_NAMESPACE);
  });

  const call = (who: string, method: string, path: string, body?: unknown) =>
    callGateway<Answer>(gateway.url, `Bearer ${tokens.get(who)!}`, method, path, body);

  async function subscribe(who: string, receiver: WebhookReceiver): Promise<string> {
    const response = await fetch(`${gateway.url}/v1/webhook-subscriptions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokens.get(who)!}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify({ url: receiver.url() }),
    });
    const body = (await response.json()) as { subscription: Answer; secret: string };
    expect(response.status).toBe(201);
    receiver.secret = body.secret;
    return body.subscription.id as string;
  }

  const move = async (role: Role, trackingNo: string, body: Record<string, unknown>) => {
    const moved = await call(
      role,
      'POST',
      `/v1/agencies/${AGENCY}/cases/${trackingNo}/transitions`,
      body,
    );
    expect(moved.status).toBe(200);
    return moved.body;
  };

  it('tells the submitting client each status of its application in order, and no other client', async () => {
    const portalSubscription = await subscribe('portal', portalHooks);
    const otherSubscription = await subscribe('other', otherHooks);
    // Each client sees its own subscription only.
    const mine = await call('portal', 'GET', '/v1/webhook-subscriptions');
    expect(mine.status).toBe(200);
    expect((mine.body.items as Answer[]).map((s) => [s.id, s.clientId])).toEqual([
      [portalSubscription, portal.clientId],
    ]);
    expect(
      (await call('portal', 'GET', `/v1/webhook-subscriptions/${otherSubscription}`)).status,
    ).toBe(404);

    // The portal submits for Budi (his profile may not have reached intake yet).
    const submitted = await eventually(async () => {
      const answer = await call('portal', 'POST', '/v1/applications', {
        serviceCode: 'PUPR-PBG',
        applicant: {
          nik: budi.nik,
          name: budi.name,
          birthDate: budi.birthDate,
          consent: { method: 'SIGNED_FORM' },
        },
      });
      expect(answer.status).toBe(201);
      return answer.body as { applicationId: string; trackingNo: string };
    }, 30_000);
    const { applicationId, trackingNo } = submitted;
    await eventually(async () => {
      const [row] = await queryServiceDb<{ status: string }>(
        ['agency', AGENCY],
        'SELECT status FROM cases WHERE application_id = $1',
        [applicationId],
        own.DB_PREFIX,
      );
      expect(row?.status).toBe('VERIFYING');
    });

    const due = await move('VERIFIER', trackingNo, {
      action: 'COMPLETE_VERIFICATION',
      amount: 750_000,
    });
    const payment = due.payment as Payment;
    expect(
      await payByCallback(gateway.url, AGENCY, SECRET, {
        ...payment,
        reference: 'BRI-20261203-000042',
      }),
    ).toBe(200);
    await move('APPROVER', trackingNo, { action: 'APPROVE', reason: 'Sesuai standar teknis.' });
    await move('APPROVER', trackingNo, { action: 'ISSUE' });

    const statuses = [
      'SUBMITTED',
      'VERIFYING',
      'AWAITING_PAYMENT',
      'IN_REVIEW',
      'APPROVED',
      'ISSUED',
    ];
    await eventually(() => expect(portalHooks.received).toHaveLength(statuses.length), 30_000);
    expect(
      portalHooks.received.map((hook) => [
        hook.type,
        hook.data.trackingNo,
        hook.data.sequence,
        hook.data.status,
      ]),
    ).toEqual(
      statuses.map((status, i) => [
        'tracking.application.status-changed.v1',
        trackingNo,
        i,
        status,
      ]),
    );
    // Each verified by the receiver as it arrived, and again here with the secret.
    for (const hook of portalHooks.received) {
      expect(hook.verified).toBe(true);
      expect(new Webhook(portalHooks.secret).verify(hook.body, hook.headers)).toMatchObject({
        type: 'tracking.application.status-changed.v1',
      });
      expect(hook.overlapped).toBe(false);
    }
    expect(portalHooks.received[2].data.payment).toMatchObject({
      code: payment.code,
      amount: 750_000,
    });
    expect(new Set(portalHooks.received.map((hook) => hook.webhookId)).size).toBe(statuses.length);

    // Nothing of it was ever enqueued for the other client, nor sent.
    const others = await queryServiceDb(
      ['tracking'],
      'SELECT 1 FROM webhook_deliveries WHERE subscription_id = $1',
      [otherSubscription],
      own.DB_PREFIX,
    );
    expect(others).toHaveLength(0);
    expect(otherHooks.received).toHaveLength(0);

    // The portal's delivery log has them, delivered.
    const log = await call(
      'portal',
      'GET',
      `/v1/webhook-subscriptions/${portalSubscription}/deliveries`,
    );
    expect(log.status).toBe(200);
    expect((log.body.items as Answer[]).map((d) => d.status)).toEqual(
      statuses.map(() => 'delivered'),
    );
  }, 120_000);

  it('is for API clients with applications:read only', async () => {
    const officer = await call('VERIFIER', 'GET', '/v1/webhook-subscriptions');
    expect(officer.status).toBe(403);
    const anonymous = await fetch(`${gateway.url}/v1/webhook-subscriptions`);
    expect(anonymous.status).toBe(401);
  });
});
