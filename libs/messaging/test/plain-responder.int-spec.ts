import { Test, type TestingModule } from '@nestjs/testing';
import {
  CoreModule,
  DomainError,
  ServiceMetrics,
  createLogger,
  runInContext,
  type RequestContext,
} from '@satupintu/common';
import { defineRequest, type Principal } from '@satupintu/contracts';
import { eventually, testEnvironment } from '@satupintu/testing';
import { IsString } from 'class-validator';
import { NatsModule, PlainResponder, RpcClient, RpcClientModule } from '../src';

class GreetV1 {
  @IsString()
  name: string;
}

interface GreetingV1 {
  greeting: string;
  requestId: string;
  subject?: string;
}

const Greet = defineRequest<GreetV1, GreetingV1>({
  subject: 'plaintest.person.greet.v1',
  service: 'plaintest',
  payload: GreetV1,
});

const OFFICER: Principal = {
  kind: 'officer',
  subject: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
  roles: ['FRONT_DESK'],
  agency: 'DUKCAPIL',
  scopes: [],
};

/**
 * A contract answered by the PlainResponder, asked through the RpcClient the gateway uses
 * (Nest's ClientNats), over real NATS: the caller sees what a `@HandleRequest` handler would
 * give it (the answer, a refusal as its DomainError, a bug as a bare 500), the handler runs in
 * the caller's context, and a request in hand when the service stops is still answered.
 */
describe('PlainResponder', () => {
  const env = testEnvironment();
  let service: TestingModule;
  let client: TestingModule;
  let rpc: RpcClient;
  let metrics: ServiceMetrics;
  /** Set by a test to hold the handler until it says so. */
  let gate: { entered: () => void; release: Promise<void> } | undefined;

  const handle = async (payload: unknown, caller: RequestContext): Promise<GreetingV1> => {
    const { name } = payload as { name?: unknown };
    if (gate && name === 'Budi') {
      gate.entered();
      await gate.release;
    }
    if (name === 'nobody') throw new DomainError('application_not_found', 404, [], { name });
    if (typeof name !== 'string') throw new Error('a bug: the handler trusted its payload');
    return {
      greeting: `Halo, ${name}`,
      requestId: caller.requestId,
      subject: caller.principal.subject,
    };
  };

  beforeAll(async () => {
    metrics = new ServiceMetrics('plain-test');
    service = await Test.createTestingModule({
      imports: [
        CoreModule.forRoot(createLogger('plain-test', 'silent'), metrics),
        NatsModule.forRoot({ url: env.NATS_URL, name: 'plain-test', namespace: env.SP_NAMESPACE }),
      ],
      providers: [PlainResponder],
    }).compile();
    await service.init();
    expect(service.get(PlainResponder).answer(Greet, handle)).toBe(
      `${env.SP_NAMESPACE}.plaintest.person.greet.v1`,
    );
    client = await Test.createTestingModule({
      imports: [
        RpcClientModule.forRoot({
          url: env.NATS_URL,
          namespace: env.SP_NAMESPACE,
          timeoutMs: 10_000,
          name: 'plain-test-client',
        }),
      ],
    }).compile();
    await client.init();
    rpc = client.get(RpcClient);
    await rpc.ping();
  });

  afterAll(async () => {
    await client?.close();
    await service?.close();
  });

  const handled = async (outcome: string) =>
    (await metrics.requestsHandled.get()).values.find(
      (value) =>
        value.labels.outcome === outcome &&
        value.labels.subject === `${env.SP_NAMESPACE}.plaintest.person.greet.v1`,
    )?.value ?? 0;

  it('answers in the caller’s context, as a request handler would', async () => {
    const caller: RequestContext = {
      requestId: 'plain-responder-test-1',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      principal: OFFICER,
    };
    const answer = await runInContext(caller, () => rpc.request(Greet, { name: 'Siti' }));
    expect(answer).toEqual({
      greeting: 'Halo, Siti',
      requestId: 'plain-responder-test-1',
      subject: OFFICER.subject,
    });
    expect(await handled('ok')).toBeGreaterThanOrEqual(1);
  });

  it('sends a refusal back as the DomainError it was', async () => {
    const refusal = await rpc.request(Greet, { name: 'nobody' }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({
      code: 'application_not_found',
      status: 404,
      params: { name: 'nobody' },
    });
    expect(await handled('refused')).toBe(1);
  });

  it('answers a bug with a bare 500 that tells nothing of it', async () => {
    const failure = await rpc
      .request(Greet, { name: 42 } as unknown as GreetV1)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DomainError);
    expect(failure).toMatchObject({ code: 'internal_error', status: 500 });
    expect(JSON.stringify((failure as DomainError).serialize())).not.toContain('trusted');
    expect(await handled('failed')).toBe(1);
  });

  it('stops taking requests when the service stops, and answers the one in hand', async () => {
    let entered!: () => void;
    const inHandler = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    gate = { entered, release: new Promise<void>((resolve) => (release = resolve)) };
    const held = rpc.request(Greet, { name: 'Budi' });
    await inHandler;
    const closed = service.close();
    // Nobody takes the subject any more while Budi's request is still held in its handler...
    await eventually(async () => {
      await expect(rpc.request(Greet, { name: 'Ani' })).rejects.toMatchObject({
        code: 'service_unavailable',
        status: 503,
      });
    });
    // ...and the service waits for it, so it is answered once released.
    release();
    await expect(held).resolves.toMatchObject({ greeting: 'Halo, Budi' });
    await closed;
  });
});
