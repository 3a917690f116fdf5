import { DomainError } from '@satupintu/common';
import { ANONYMOUS, type Principal } from '@satupintu/contracts';
import { requireWebhookManager } from './webhook-access';

const officer = (roles: Principal['roles'], agency?: string): Principal => ({
  kind: 'officer',
  subject: 'officer-1',
  roles,
  ...(agency ? { agency } : {}),
  scopes: [],
});
const client = (scopes: string[]): Principal => ({
  kind: 'client',
  clientId: 'c1',
  roles: [],
  scopes,
});

const applicant: Principal = { kind: 'applicant', subject: 'a1', roles: [], scopes: [] };

function statusOf(principal: Principal): number {
  try {
    requireWebhookManager(principal, 'DUKCAPIL');
    return 200;
  } catch (error) {
    if (error instanceof DomainError) return error.status;
    throw error;
  }
}

describe('requireWebhookManager', () => {
  it.each([
    ["the agency's admin", 200, officer(['AGENCY_ADMIN'], 'DUKCAPIL')],
    ['a mall admin', 200, officer(['MALL_ADMIN'])],
    ["the agency's own system", 200, client(['agency:DUKCAPIL:work'])],
    [
      'a verifier of the agency (moves cases, does not say where its events go)',
      403,
      officer(['VERIFIER'], 'DUKCAPIL'),
    ],
    ['a front-desk officer of the agency', 403, officer(['FRONT_DESK'], 'DUKCAPIL')],
    ["another agency's admin", 403, officer(['AGENCY_ADMIN'], 'PUPR')],
    ["another agency's system", 403, client(['agency:PUPR:work'])],
    ['an applicant', 403, applicant],
    ['nobody', 401, ANONYMOUS],
  ])('%s: %i', (_who, status, principal) => {
    expect(statusOf(principal)).toBe(status);
  });
});
