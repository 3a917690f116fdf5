import { ANONYMOUS, decodePrincipal, encodePrincipal, type Principal } from './principal';

const officer: Principal = {
  kind: 'officer',
  subject: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
  roles: ['VERIFIER', 'APPROVER'],
  agency: 'DUKCAPIL',
  scopes: [],
};

const client: Principal = {
  kind: 'client',
  subject: 'client-7',
  roles: [],
  agency: 'DPMPTSP',
  scopes: ['applications:submit', 'agency:DPMPTSP:work'],
  clientId: 'oss-portal',
};

describe('principal headers', () => {
  it.each([
    ['an officer', officer],
    ['an API client', client],
    ['an anonymous caller', ANONYMOUS],
  ])('carry %s across unchanged', (_label, principal) => {
    const header = encodePrincipal(principal);
    expect(header).not.toMatch(/[\r\n]/);
    expect(decodePrincipal(header)).toEqual(principal);
  });

  it('leave out the fields a caller does not have', () => {
    expect(JSON.parse(encodePrincipal(ANONYMOUS))).toEqual({
      kind: 'anonymous',
      roles: [],
      scopes: [],
    });
  });

  it.each([
    ['nothing', undefined],
    ['an empty header', ''],
    ['not JSON', 'officer'],
    ['JSON that is not an object', '"officer"'],
    ['an unknown kind', '{"kind":"root","roles":[],"scopes":[]}'],
    ['an unknown role', '{"kind":"officer","roles":["GOD"],"scopes":[]}'],
    ['roles that are not a list', '{"kind":"officer","roles":"VERIFIER","scopes":[]}'],
    ['a malformed scope', '{"kind":"client","roles":[],"scopes":["everything"]}'],
    ['a lower-case agency', '{"kind":"officer","roles":[],"scopes":[],"agency":"dukcapil"}'],
    ['a subject with spaces', '{"kind":"officer","roles":[],"scopes":[],"subject":"a b"}'],
    [
      'an oversized header',
      `{"kind":"anonymous","roles":[],"scopes":[],"x":"${'y'.repeat(5000)}"}`,
    ],
  ])('refuse %s, so the caller falls back to anonymous', (_label, header) => {
    expect(decodePrincipal(header)).toBeUndefined();
  });
});
