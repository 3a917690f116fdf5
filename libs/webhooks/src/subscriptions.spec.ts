import { randomBytes } from 'node:crypto';
import {
  isPrivateHost,
  openSecret,
  sealSecret,
  subscriptionErrors,
  webhookUrlAllowed,
} from './subscriptions';
import { publicOnlyLookup, sendToPublicOnly } from './delivery-worker';

describe('webhook subscriptions', () => {
  it('take https URLs, and http ones only when allowed (development)', () => {
    expect(webhookUrlAllowed('https://agency.example.id/hooks', false)).toBe(true);
    expect(webhookUrlAllowed('https://10.0.0.5:8443/hooks?x=1', false)).toBe(true);
    expect(webhookUrlAllowed('http://agency.example.id/hooks', false)).toBe(false);
    expect(webhookUrlAllowed('http://127.0.0.1:8080/hooks', false)).toBe(false);
    expect(webhookUrlAllowed('http://127.0.0.1:8080/hooks', true)).toBe(true);
  });

  it('refuse what is not an absolute http(s) URL, or carries credentials', () => {
    for (const url of [
      '',
      'agency.example.id/hooks',
      '/hooks',
      'ftp://agency.example.id/hooks',
      'javascript:alert(1)',
      'https://user:pass@agency.example.id/hooks',
      'https://token@agency.example.id/hooks',
      `https://agency.example.id/${'a'.repeat(2000)}`,
    ]) {
      expect(webhookUrlAllowed(url, true)).toBe(false);
    }
  });

  it('name each bad field', () => {
    expect(
      subscriptionErrors({ url: 'https://a.example/h', eventTypes: ['x.y'] }, { allowHttp: false }),
    ).toEqual([]);
    expect(
      subscriptionErrors(
        { url: 'http://a.example/h', eventTypes: ['', 'x'] },
        { allowHttp: false },
      ),
    ).toEqual([
      { field: 'url', code: 'webhook_url' },
      { field: 'eventTypes', code: 'webhook_event_types', params: { max: 50 } },
    ]);
    expect(
      subscriptionErrors(
        { url: 'https://a.example/h', eventTypes: Array(51).fill('x') },
        { allowHttp: false },
      ),
    ).toHaveLength(1);
  });

  it('refuse targets on this machine or a private network unless allowed (SSRF)', () => {
    for (const host of [
      'localhost',
      'api.localhost',
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.5',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '[::1]',
      '[::]',
      '[fd00::1]',
      '[fe80::1]',
      '[::ffff:127.0.0.1]',
      '[::ffff:a9fe:a9fe]',
    ]) {
      expect([host, isPrivateHost(new URL(`https://${host}/h`).hostname)]).toEqual([host, true]);
    }
    for (const host of ['agency.example.id', '8.8.8.8', '172.32.0.1', '[2001:db8::1]']) {
      expect([host, isPrivateHost(new URL(`https://${host}/h`).hostname)]).toEqual([host, false]);
    }
    expect(subscriptionErrors({ url: 'https://10.0.0.1/h' }, { allowHttp: false })).toEqual([
      { field: 'url', code: 'webhook_url_private' },
    ]);
    expect(
      subscriptionErrors(
        { url: 'http://127.0.0.1:8080/h' },
        { allowHttp: true, allowPrivateTargets: true },
      ),
    ).toEqual([]);
  });

  it('keep the secret sealed to its subscription', () => {
    const key = randomBytes(32);
    const sealed = sealSecret('whsec_abc', key, 'sub-1');
    expect(sealed.toString('latin1')).not.toContain('whsec_abc');
    expect(openSecret(sealed, key, 'sub-1')).toBe('whsec_abc');
    expect(() => openSecret(sealed, key, 'sub-2')).toThrow(/does not open/);
    expect(() => openSecret(sealed, randomBytes(32), 'sub-1')).toThrow(/does not open/);
  });
});

describe('sending to public addresses only (SSRF at connect time)', () => {
  const lookupOf = (hostname: string) =>
    new Promise<{ error: NodeJS.ErrnoException | null }>((resolve) =>
      publicOnlyLookup(hostname, { all: true }, (error) => resolve({ error })),
    );

  it('refuses a name that resolves to a loopback address, and an address in the URL', async () => {
    expect((await lookupOf('localhost')).error?.code).toBe('EPRIVATETARGET');
    await expect(
      sendToPublicOnly('http://127.0.0.1:9/h', {}, '{}', new AbortController().signal),
    ).rejects.toThrow(/not a public address/);
  });
});
