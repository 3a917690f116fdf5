import { oauthDescription, oauthErrorOf } from './oauth-problem.filter';

describe('oauthErrorOf', () => {
  it('names the RFC 6749 §5.2 error of each refusal at the token endpoint', () => {
    expect(oauthErrorOf('invalid_client')).toBe('invalid_client');
    expect(oauthErrorOf('invalid_grant')).toBe('invalid_grant');
    expect(oauthErrorOf('invalid_scope')).toBe('invalid_scope');
    expect(oauthErrorOf('unsupported_grant_type')).toBe('unsupported_grant_type');
    expect(oauthErrorOf('validation_failed')).toBe('invalid_request');
  });

  it('names none for an outage', () => {
    expect(oauthErrorOf('service_unavailable')).toBeUndefined();
    expect(oauthErrorOf('upstream_timeout')).toBeUndefined();
  });
});

describe('oauthDescription', () => {
  it('keeps only the characters RFC 6749 allows', () => {
    expect(oauthDescription('Say "hi" \\ – now…')).toBe('Say hi   now');
  });
});
