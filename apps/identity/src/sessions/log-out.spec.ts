import { ANONYMOUS, type Principal } from '@satupintu/contracts';
import { logOutWhom } from './log-out';

const holder = { kind: 'applicant' as const, id: 'a-1' };
const holderOf = (token: string) => Promise.resolve(token === 'known' ? holder : undefined);
const officer: Principal = { kind: 'officer', subject: 'o-1', roles: ['VERIFIER'], scopes: [] };

describe('logOutWhom', () => {
  it("signs out the refresh token's holder, whoever calls", async () => {
    await expect(logOutWhom(ANONYMOUS, { refreshToken: 'known' }, holderOf)).resolves.toEqual(
      holder,
    );
    await expect(logOutWhom(officer, { refreshToken: 'known' }, holderOf)).resolves.toEqual(holder);
  });

  it('does nothing for a refresh token nobody holds', async () => {
    await expect(logOutWhom(ANONYMOUS, { refreshToken: 'unknown' }, holderOf)).resolves.toBe(
      undefined,
    );
  });

  it('signs out the calling person when no refresh token is given', async () => {
    await expect(logOutWhom(officer, {}, holderOf)).resolves.toEqual({
      kind: 'officer',
      id: 'o-1',
    });
  });

  it('refuses an anonymous caller (401) and an API client (403) without a refresh token', async () => {
    await expect(logOutWhom(ANONYMOUS, {}, holderOf)).rejects.toMatchObject({ status: 401 });
    const client: Principal = {
      kind: 'client',
      subject: 'k',
      clientId: 'k',
      roles: [],
      scopes: [],
    };
    await expect(logOutWhom(client, {}, holderOf)).rejects.toMatchObject({ status: 403 });
  });
});
