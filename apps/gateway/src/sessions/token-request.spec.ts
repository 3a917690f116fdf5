import { DomainError } from '@satupintu/common';
import { basicCredentials, readTokenRequest } from './token-request';

const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('readTokenRequest', () => {
  it('reads client credentials from HTTP Basic', () => {
    expect(
      readTokenRequest({ grant_type: 'client_credentials' }, basic('portal', 's3cret:with:colons')),
    ).toEqual({
      grant: 'client_credentials',
      request: { clientId: 'portal', clientSecret: 's3cret:with:colons' },
    });
  });

  it('reads client credentials and a scope from the form', () => {
    expect(
      readTokenRequest(
        {
          grant_type: 'client_credentials',
          client_id: 'kiosk-1',
          client_secret: 'abc',
          scope: 'surveys:kiosk',
        },
        undefined,
      ),
    ).toEqual({
      grant: 'client_credentials',
      request: { clientId: 'kiosk-1', clientSecret: 'abc', scope: 'surveys:kiosk' },
    });
  });

  it('reads a refresh token, ignoring parameters it does not know (RFC 6749 §3.2)', () => {
    const refreshToken = 'q0Zr3xk8H1wP5mJ2vN7cT4yL9bD6fG0sA3eR8uW1iKo';
    expect(
      readTokenRequest(
        { grant_type: 'refresh_token', refresh_token: refreshToken, resource: 'x' },
        undefined,
      ),
    ).toEqual({ grant: 'refresh_token', request: { refreshToken } });
  });

  it('refuses a missing or repeated parameter as invalid_request', () => {
    expect(refusal(() => readTokenRequest({}, undefined))).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'grant_type', code: 'required' }],
    });
    expect(
      refusal(() =>
        readTokenRequest({ grant_type: ['client_credentials', 'refresh_token'] }, undefined),
      ),
    ).toMatchObject({ code: 'validation_failed', errors: [{ field: 'grant_type' }] });
    expect(
      refusal(() => readTokenRequest({ grant_type: 'refresh_token' }, undefined)),
    ).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'refresh_token', code: 'required' }],
    });
  });

  it('refuses a grant type it does not offer', () => {
    expect(refusal(() => readTokenRequest({ grant_type: 'password' }, undefined))).toMatchObject({
      code: 'unsupported_grant_type',
      status: 400,
    });
  });

  it('answers a malformed refresh token as a bad grant (one we never issued)', () => {
    expect(
      refusal(() =>
        readTokenRequest({ grant_type: 'refresh_token', refresh_token: 'x' }, undefined),
      ),
    ).toMatchObject({ code: 'invalid_grant', status: 401 });
  });

  it('refuses a client that authenticates twice, or not at all', () => {
    expect(
      refusal(() =>
        readTokenRequest(
          { grant_type: 'client_credentials', client_id: 'portal', client_secret: 'x' },
          basic('portal', 'x'),
        ),
      ),
    ).toMatchObject({ code: 'validation_failed' });
    expect(
      refusal(() => readTokenRequest({ grant_type: 'client_credentials' }, undefined)),
    ).toMatchObject({ code: 'invalid_client', status: 401 });
    expect(
      refusal(() =>
        readTokenRequest({ grant_type: 'client_credentials', client_id: 'portal' }, undefined),
      ),
    ).toMatchObject({ code: 'invalid_client' });
  });

  it('refuses a malformed scope', () => {
    expect(
      refusal(() =>
        readTokenRequest({ grant_type: 'client_credentials', scope: 'a  b' }, basic('p', 's')),
      ),
    ).toMatchObject({ code: 'validation_failed', errors: [{ field: 'scope' }] });
  });
});

describe('basicCredentials', () => {
  it('decodes form-urlencoded id and secret (RFC 6749 §2.3.1)', () => {
    expect(basicCredentials(basic('klien 1', 'p@ss+wörd'))).toEqual({
      clientId: 'klien 1',
      clientSecret: 'p@ss+wörd',
    });
  });

  it('ignores other schemes and no header', () => {
    expect(basicCredentials('Bearer abc')).toBeUndefined();
    expect(basicCredentials(undefined)).toBeUndefined();
  });

  it('refuses Basic without a colon as a failed client authentication', () => {
    const header = `Basic ${Buffer.from('no-colon').toString('base64')}`;
    expect(refusal(() => basicCredentials(header))).toMatchObject({ code: 'invalid_client' });
  });
});
