import type { IssuedTokensV1 } from '@satupintu/contracts';
import type { ApiClient, Person } from './credentials.repository';
import { issueClientToken } from './issue-client-token';
import { accountKey, logIn, type LogInPorts } from './log-in';
import type { AttemptDecision } from './lockout';

const person: Person = {
  kind: 'applicant',
  id: 'a-1',
  passwordHash: 'hash-of-right',
  active: true,
  roles: [],
  agency: null,
  context: {},
};
const TOKENS: IssuedTokensV1 = { accessToken: 'at', tokenType: 'Bearer', expiresIn: 900 };

function ports(overrides: Partial<LogInPorts> = {}) {
  const verified: string[] = [];
  const counted: string[] = [];
  const cleared: string[] = [];
  const allowed: AttemptDecision = {
    allowed: true,
    record: { failures: 1, firstFailedAt: new Date(), lockedUntil: null },
  };
  const fake: LogInPorts = {
    findPerson: (identifier) =>
      Promise.resolve(identifier === '3201010101010001' ? person : undefined),
    countAttempt: (key) => {
      counted.push(key);
      return Promise.resolve(allowed);
    },
    clearAttempts: (key) => {
      cleared.push(key);
      return Promise.resolve();
    },
    verify: (hash, password) => {
      verified.push(hash);
      return Promise.resolve(hash === 'hash-of-right' && password === 'right');
    },
    dummyHash: () => Promise.resolve('dummy-hash'),
    openSession: () => Promise.resolve(TOKENS),
    ...overrides,
  };
  return { fake, verified, counted, cleared };
}

describe('logIn', () => {
  it('opens a session for the right password and clears the count', async () => {
    const { fake, cleared } = ports();
    await expect(logIn({ identifier: '3201010101010001', password: 'right' }, fake)).resolves.toBe(
      TOKENS,
    );
    expect(cleared).toEqual(['applicant:a-1']);
  });

  it('verifies against a dummy hash when nobody has the identifier: a refusal costs the same', async () => {
    const { fake, verified, counted } = ports();
    await expect(
      logIn({ identifier: 'Nobody@Example.id', password: 'right' }, fake),
    ).rejects.toMatchObject({ code: 'invalid_credentials', status: 401 });
    expect(verified).toEqual(['dummy-hash']);
    expect(counted).toEqual([accountKey(undefined, 'nobody@example.id')]);
  });

  it('refuses a deactivated account with the right password like a wrong one', async () => {
    const { fake } = ports({ findPerson: () => Promise.resolve({ ...person, active: false }) });
    await expect(logIn({ identifier: 'x', password: 'right' }, fake)).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
  });

  it('refuses a locked account without checking its password', async () => {
    const { fake, verified } = ports({
      countAttempt: () => Promise.resolve({ allowed: false, retryAfterSeconds: 600 }),
    });
    await expect(
      logIn({ identifier: '3201010101010001', password: 'right' }, fake),
    ).rejects.toMatchObject({
      code: 'account_locked',
      status: 429,
      params: { retryAfterSeconds: 600 },
    });
    expect(verified).toEqual([]);
  });
});

describe('accountKey', () => {
  it('counts an account under its id, an unknown identifier under its hash, case aside', () => {
    expect(accountKey({ kind: 'officer', id: 'o-1' }, 'whatever')).toBe('officer:o-1');
    expect(accountKey(undefined, ' Siti@Example.id ')).toBe(
      accountKey(undefined, 'siti@example.id'),
    );
    expect(accountKey(undefined, 'siti@example.id')).not.toContain('siti');
  });
});

describe('issueClientToken', () => {
  const client: ApiClient = {
    clientId: 'portal',
    scopes: ['applications:submit', 'applications:read'],
    agency: null,
    revoked: false,
    secretHashes: ['old', 'new'],
  };
  const clientPorts = (found: ApiClient | undefined, verified: string[] = []) => ({
    findClient: () => Promise.resolve(found),
    verify: (hash: string, secret: string) => {
      verified.push(hash);
      return Promise.resolve(hash === secret);
    },
    dummyHash: () => Promise.resolve('dummy-hash'),
    accessToken: () => Promise.resolve(TOKENS),
  });

  it('tries every secret of the client until one matches', async () => {
    const verified: string[] = [];
    const answer = await issueClientToken(
      { clientId: 'portal', clientSecret: 'new' },
      clientPorts(client, verified),
    );
    expect(verified).toEqual(['old', 'new']);
    expect(answer.scope).toBe('applications:submit applications:read');
  });

  it('costs a dummy verification for an unknown or revoked client', async () => {
    for (const found of [undefined, { ...client, revoked: true }]) {
      const verified: string[] = [];
      await expect(
        issueClientToken({ clientId: 'portal', clientSecret: 'new' }, clientPorts(found, verified)),
      ).rejects.toMatchObject({ code: 'invalid_client', status: 401 });
      expect(verified).toEqual(['dummy-hash']);
    }
  });

  it('grants the scopes asked for, once each, and refuses one the client lacks', async () => {
    const narrowed = await issueClientToken(
      { clientId: 'portal', clientSecret: 'old', scope: 'applications:read applications:read' },
      clientPorts(client),
    );
    expect(narrowed.scope).toBe('applications:read');
    await expect(
      issueClientToken(
        { clientId: 'portal', clientSecret: 'old', scope: 'surveys:kiosk' },
        clientPorts(client),
      ),
    ).rejects.toMatchObject({ code: 'invalid_scope', params: { scope: 'surveys:kiosk' } });
  });
});
