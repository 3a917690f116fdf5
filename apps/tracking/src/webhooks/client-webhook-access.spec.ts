import type { Principal } from '@satupintu/contracts';
import { clientWebhookScope } from './client-webhook-access';

const client = (scopes: string[]): Principal => ({
  kind: 'client',
  subject: 'client:portal',
  clientId: 'portal',
  roles: [],
  scopes,
});

describe("who manages an API client's webhook subscriptions", () => {
  it('is the client itself, with applications:read: its id is their scope', () => {
    expect(clientWebhookScope(client(['applications:read']))).toBe('portal');
  });

  it('refuses a client without applications:read, officers, applicants and the anonymous', () => {
    expect(() => clientWebhookScope(client(['applications:submit']))).toThrow('forbidden');
    expect(() =>
      clientWebhookScope({ kind: 'officer', subject: 'o', roles: ['MALL_ADMIN'], scopes: [] }),
    ).toThrow('forbidden');
    expect(() =>
      clientWebhookScope({ kind: 'applicant', subject: 'a', roles: [], scopes: [] }),
    ).toThrow('forbidden');
    expect(() => clientWebhookScope({ kind: 'anonymous', roles: [], scopes: [] })).toThrow(
      'unauthenticated',
    );
  });
});
