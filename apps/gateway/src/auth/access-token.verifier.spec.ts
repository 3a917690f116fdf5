import { bearerChallenge } from './access.guard';
import { InvalidTokenError, bearerToken } from './access-token.verifier';

describe('bearerToken', () => {
  it('takes the token of a Bearer header, the scheme in any case', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer abc.def-_~+/=')).toBe('abc.def-_~+/=');
  });

  it('is undefined without a header, or with another scheme (client credentials as Basic)', () => {
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('Basic dXNlcjpwYXNz')).toBeUndefined();
    expect(bearerToken('abc.def.ghi')).toBeUndefined();
  });

  it.each(['Bearer', 'Bearer ', 'Bearer a b', 'Bearer <script>', 'bearer\tx y'])(
    'refuses %j as an invalid token',
    (header) => {
      expect(bearerToken(header)).toBeInstanceOf(InvalidTokenError);
    },
  );
});

describe('bearerChallenge (RFC 6750 §3)', () => {
  it('names the realm, and the error only when a token was sent and refused', () => {
    expect(bearerChallenge(false)).toBe('Bearer realm="satupintu"');
    expect(bearerChallenge(true)).toMatch(/^Bearer realm="satupintu", error="invalid_token"/);
  });
});
