import { ANONYMOUS, type Principal } from '@satupintu/contracts';
import {
  callerOf,
  counterKey,
  lookupNumberPolicy,
  policyFor,
  verdictOn,
  windowAt,
} from './fixed-window';

const settings = {
  RATE_LIMIT_WINDOW_SECONDS: 60,
  RATE_LIMIT_PER_CALLER: 300,
  RATE_LIMIT_SIGN_IN: 10,
  RATE_LIMIT_LOOKUP: 20,
  RATE_LIMIT_LOOKUP_PER_NUMBER: 5,
};
const officer: Principal = {
  kind: 'officer',
  subject: 'o-1',
  roles: ['VERIFIER'],
  agency: 'DUKCAPIL',
  scopes: [],
};
const client: Principal = {
  kind: 'client',
  subject: 'c-1',
  clientId: 'oss-portal',
  roles: [],
  scopes: ['applications:submit'],
};

describe('fixed windows', () => {
  it.each([
    [0, 0, 60],
    [59_999, 0, 1],
    [60_000, 1, 60],
    [61_500, 1, 59],
    [119_001, 1, 1],
  ])('put %i ms in window %i, with %i s until it resets', (now, index, resetSeconds) => {
    expect(windowAt(now, 60)).toEqual({ index, resetSeconds });
  });

  it('agree across replicas on the same moment, whatever their start', () => {
    const now = Date.UTC(2026, 11, 3, 1, 2, 3, 456);
    expect(windowAt(now, 3600)).toEqual(windowAt(now, 3600));
    expect(windowAt(now, 3600).index).toBe(Math.floor(now / 3_600_000));
  });
});

describe('the verdict on a request', () => {
  const policy = policyFor('GET', '/v1/applications/:trackingNo/timeline', settings);
  const window = { index: 7, resetSeconds: 42 };

  it('lets the limit-th request through with nothing remaining', () => {
    expect(verdictOn(300, policy, window)).toEqual({
      allowed: true,
      headers: { 'RateLimit-Limit': '300', 'RateLimit-Remaining': '0', 'RateLimit-Reset': '42' },
    });
  });

  it('counts down from the limit', () => {
    expect(verdictOn(1, policy, window).headers['RateLimit-Remaining']).toBe('299');
  });

  it('refuses the next one until the window ends', () => {
    expect(verdictOn(301, policy, window)).toEqual({
      allowed: false,
      headers: { 'RateLimit-Limit': '300', 'RateLimit-Remaining': '0', 'RateLimit-Reset': '42' },
      retryAfterSeconds: 42,
    });
  });
});

describe('policies and callers', () => {
  it('limit sign-in routes per IP, and more strictly', () => {
    for (const route of ['/v1/auth/login', '/v1/oauth/token']) {
      const policy = policyFor('post', route, settings);
      expect(policy).toEqual({ name: 'sign-in', limit: 10, windowSeconds: 60, per: 'ip' });
      expect(callerOf(policy, officer, '10.0.0.1')).toBe('ip:10.0.0.1');
    }
  });

  it('limit the public lookup per IP, whoever is signed in, and per tracking number', () => {
    const policy = policyFor('post', '/v1/lookups', settings);
    expect(policy).toEqual({ name: 'lookup', limit: 20, windowSeconds: 60, per: 'ip' });
    expect(callerOf(policy, officer, '10.0.0.1')).toBe('ip:10.0.0.1');
    expect(lookupNumberPolicy(settings)).toEqual({
      name: 'lookup-number',
      limit: 5,
      windowSeconds: 60,
      per: 'tracking-number',
    });
    // Its own counters: spending the lookups leaves the rest of the API alone, and back.
    const window = { index: 1, resetSeconds: 1 };
    expect(counterKey(policy, 'ip:10.0.0.1', window)).not.toBe(
      counterKey(policyFor('GET', '/v1/lookups', settings), 'ip:10.0.0.1', window),
    );
  });

  it('limit every other route per caller', () => {
    const policy = policyFor('POST', '/v1/applications', settings);
    expect(policy).toEqual({ name: 'api', limit: 300, windowSeconds: 60, per: 'caller' });
    expect(callerOf(policy, ANONYMOUS, '::1')).toBe('ip:::1');
    expect(callerOf(policy, officer, '::1')).toBe('officer:o-1');
    expect(callerOf(policy, client, '::1')).toBe('client:oss-portal');
  });

  it('key counters by policy, window and a digest of the caller, in characters NATS KV allows', () => {
    const policy = policyFor('GET', '/v1/x', settings);
    const key = counterKey(policy, 'ip:2001:db8::1', { index: 29_000_000, resetSeconds: 1 });
    expect(key).toMatch(/^api\.29000000\.[A-Za-z0-9_-]{22}$/);
    expect(key).not.toContain('2001');
    expect(counterKey(policy, 'ip:2001:db8::2', { index: 29_000_000, resetSeconds: 1 })).not.toBe(
      key,
    );
  });
});
