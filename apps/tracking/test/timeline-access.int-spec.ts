import { runInContext } from '@satupintu/common';
import {
  ANONYMOUS,
  ApplicationSubmitted,
  GetTimeline,
  type ApplicationSubmittedV2,
  type Principal,
} from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import {
  ServiceProcess,
  domainErrorOf,
  eventually,
  publishEvents,
  testEnvironment,
} from '@satupintu/testing';
import { randomUUID } from 'node:crypto';

/**
 * Tracking decides who may read a timeline from the principal beside the request and what the
 * submission event said about the application's owners. Anyone else gets exactly the answer for
 * a number nobody has, so a refusal does not tell whether the application exists.
 */
describe('who may read a timeline', () => {
  const env = testEnvironment();
  let tracking: ServiceProcess;
  let rpc: RpcClient;

  const siti = randomUUID();
  const submitted: ApplicationSubmittedV2 = {
    applicationId: randomUUID(),
    trackingNo: 'ACCESS01X',
    serviceCode: 'DUKCAPIL-KK',
    agencyCode: 'DUKCAPIL',
    agencyTimeZone: 'Asia/Jakarta',
    channel: 'PORTAL',
    applicantId: siti,
    submittedBy: { kind: 'client', subject: randomUUID(), clientId: 'portal-test' },
    submittedAt: new Date().toISOString(),
  };

  const officer = (agency: string, role: Principal['roles'][number]): Principal => ({
    kind: 'officer',
    subject: randomUUID(),
    roles: [role],
    agency,
    scopes: [],
  });
  const client = (clientId: string, scopes: string[]): Principal => ({
    kind: 'client',
    subject: randomUUID(),
    clientId,
    roles: [],
    scopes,
  });
  const read = (principal: Principal, trackingNo = submitted.trackingNo) =>
    runInContext({ requestId: randomUUID(), traceparent: '', principal }, () =>
      rpc.request(GetTimeline, { trackingNo }),
    );

  beforeAll(async () => {
    tracking = await ServiceProcess.start('tracking');
    rpc = new RpcClient({
      url: env.NATS_URL,
      namespace: env.SP_NAMESPACE,
      timeoutMs: 10_000,
      name: 'timeline-access-test',
    });
    await publishEvents(env.NATS_URL, env.SP_NAMESPACE, ApplicationSubmitted, [submitted]);
    await eventually(async () => {
      expect((await read({ kind: 'applicant', subject: siti, roles: [], scopes: [] })).status).toBe(
        'SUBMITTED',
      );
    });
  });

  afterAll(async () => {
    if (rpc) await rpc.onApplicationShutdown();
    await tracking?.stop();
  });

  it.each([
    ['its applicant', { kind: 'applicant', subject: siti, roles: [], scopes: [] }],
    ['a verifier of the owning agency', officer('DUKCAPIL', 'VERIFIER')],
    ['a front-desk officer of another agency (the call center)', officer('PUPR', 'FRONT_DESK')],
    ['a mall administrator', { ...officer('DUKCAPIL', 'MALL_ADMIN'), agency: undefined }],
    [
      'the client that submitted it, with applications:read',
      client('portal-test', ['applications:read']),
    ],
    ["the owning agency's system", client('dukcapil-sys', ['agency:DUKCAPIL:work'])],
  ] as [string, Principal][])('shows it to %s', async (_label, principal) => {
    const timeline = await read(principal);
    expect(timeline.trackingNo).toBe(submitted.trackingNo);
    expect(timeline.entries.map((entry) => entry.status)).toContain('SUBMITTED');
  });

  it.each([
    ['another applicant', { kind: 'applicant', subject: randomUUID(), roles: [], scopes: [] }],
    ['a verifier of another agency', officer('PUPR', 'VERIFIER')],
    ['another client, even with applications:read', client('portal-other', ['applications:read'])],
    [
      'the submitting client without applications:read',
      client('portal-test', ['applications:submit']),
    ],
    ["another agency's system", client('pupr-sys', ['agency:PUPR:work'])],
    ['an anonymous caller', ANONYMOUS],
  ] as [string, Principal][])(
    'answers %s exactly as for a number nobody has',
    async (_label, principal) => {
      const refused = await domainErrorOf(read(principal));
      const unknown = await domainErrorOf(read(principal, 'NOBODY01X'));
      expect(refused.status).toBe(404);
      expect(refused.code).toBe('application_not_found');
      expect({ ...refused.params }).toEqual({ trackingNo: submitted.trackingNo });
      expect({ status: unknown.status, code: unknown.code, errors: unknown.errors }).toEqual({
        status: refused.status,
        code: refused.code,
        errors: refused.errors,
      });
    },
  );
});
