import { GetJwks } from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import {
  ServiceProcess,
  deleteNamespaceStreams,
  queryServiceDb,
  testEnvironment,
} from '@satupintu/testing';

/**
 * Replicas of identity that start together on a database without keys (a new deployment) and
 * are asked for the JWKS at once: all of them bootstrap, yet exactly one key comes to exist,
 * because every change of the keys is made under one lock in the database.
 */
describe('signing keys with several identity replicas', () => {
  const env = testEnvironment();
  // A deployment of its own: its own database (dropped with the run's) and namespace.
  const prefix = `${env.DB_PREFIX}_replicas`;
  const namespace = `${env.SP_NAMESPACE}-replicas`;
  let replicas: ServiceProcess[] = [];
  let rpc: RpcClient;

  beforeAll(async () => {
    const own = { DB_PREFIX: prefix, SP_NAMESPACE: namespace };
    replicas = await Promise.all([
      ServiceProcess.start('identity', own),
      ServiceProcess.start('identity', own),
      ServiceProcess.start('identity', own),
    ]);
    rpc = new RpcClient({ url: env.NATS_URL, namespace, timeoutMs: 10_000, name: 'replicas-test' });
  });

  afterAll(async () => {
    await rpc?.onApplicationShutdown();
    await Promise.all(replicas.map((replica) => replica.stop()));
    await deleteNamespaceStreams(env.NATS_URL, namespace);
  });

  it('make exactly one signing key, and all of them publish it', async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, () => rpc.request(GetJwks, {})));
    const keys = await queryServiceDb<{ kid: string; state: string }>(
      ['identity'],
      'SELECT kid, state FROM signing_keys',
      [],
      prefix,
    );
    expect(keys).toEqual([{ kid: expect.any(String) as string, state: 'active' }]);
    for (const jwks of answers) expect(jwks.keys.map((key) => key.kid)).toEqual([keys[0].kid]);
  });
});
