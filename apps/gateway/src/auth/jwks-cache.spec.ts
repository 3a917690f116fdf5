import { generateKeyPair, exportJWK } from 'jose';
import type { RpcClient } from '@satupintu/messaging';
import { JwksCache, RETRY_AFTER_FAILURE_MS } from './jwks-cache';

/** Identity's answers, in order: an error (not answering yet) or its keys. */
function identityAnswering(answers: ('down' | object[])[]) {
  let calls = 0;
  const rpc = {
    request: () => {
      const answer = answers[Math.min(calls++, answers.length - 1)];
      return answer === 'down'
        ? Promise.reject(new Error('no responders'))
        : Promise.resolve({ keys: answer });
    },
  } as unknown as RpcClient;
  return { rpc, calls: () => calls };
}

describe('JwksCache', () => {
  let now = 1_000_000;
  beforeEach(() => jest.spyOn(Date, 'now').mockImplementation(() => now));
  afterEach(() => jest.restoreAllMocks());

  const aKey = async (kid: string) => {
    const { publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    return { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' };
  };

  it('asks identity again a second after a failed fetch, not only after the interval', async () => {
    const key = await aKey('k1');
    const identity = identityAnswering(['down', [key]]);
    const cache = new JwksCache(identity.rpc, { refreshSeconds: 300, minRefreshMs: 30_000 });
    await cache.refresh();

    // Identity is starting: within the second, a token with an unknown kid cannot be judged.
    await expect(cache.keyFor({ kid: 'k1', alg: 'EdDSA' })).rejects.toMatchObject({
      status: 503,
    });
    expect(identity.calls()).toBe(1);

    now += RETRY_AFTER_FAILURE_MS;
    await expect(cache.keyFor({ kid: 'k1', alg: 'EdDSA' })).resolves.toBeDefined();
    expect(identity.calls()).toBe(2);
  });

  it('keeps the interval between fetches an unknown kid causes while identity answers', async () => {
    const identity = identityAnswering([[await aKey('k1')]]);
    const cache = new JwksCache(identity.rpc, { refreshSeconds: 300, minRefreshMs: 30_000 });
    await cache.refresh();
    now += RETRY_AFTER_FAILURE_MS;
    await expect(cache.keyFor({ kid: 'forged', alg: 'EdDSA' })).rejects.toThrow('no key');
    expect(identity.calls()).toBe(1);
  });
});
