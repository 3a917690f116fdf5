import { ANONYMOUS, type CreateApiClientV1, type Principal } from '@satupintu/contracts';
import type { Manager } from '../access/callers';
import {
  allowedScopes,
  clientManager,
  managesClient,
  newApiClient,
  newClientSecret,
} from './api-client';

const mall: Manager = { all: true };
const dukcapil: Manager = { all: false, agency: 'DUKCAPIL' };
const system = (overrides: Partial<CreateApiClientV1> = {}): CreateApiClientV1 => ({
  clientId: 'dukcapil-simduk',
  name: 'SIMDUK Dukcapil',
  kind: 'AGENCY_SYSTEM',
  agencyCode: 'DUKCAPIL',
  scopes: ['agency:DUKCAPIL:work'],
  ...overrides,
});

describe('API clients', () => {
  it('are managed by mall admins and, for their agency, agency admins', () => {
    const officer = (roles: Principal['roles'], agency?: string): Principal => ({
      kind: 'officer',
      subject: 'o',
      roles,
      ...(agency ? { agency } : {}),
      scopes: [],
    });
    expect(clientManager(officer(['MALL_ADMIN']))).toEqual(mall);
    expect(clientManager(officer(['AGENCY_ADMIN'], 'DUKCAPIL'))).toEqual(dukcapil);
    expect(() => clientManager(officer(['APPROVER'], 'DUKCAPIL'))).toThrow('forbidden');
    expect(() => clientManager(ANONYMOUS)).toThrow('unauthenticated');
  });

  it("give an agency system only its own agency's work", () => {
    expect(allowedScopes('AGENCY_SYSTEM', 'PUPR')).toEqual([
      'agency:PUPR:work',
      'applications:read',
    ]);
    expect(newApiClient(dukcapil, system()).scopes).toEqual(['agency:DUKCAPIL:work']);
    expect(() => newApiClient(mall, system({ scopes: ['agency:PUPR:work'] }))).toThrow(
      'unprocessable',
    );
  });

  it("let a kiosk issue the floor's queue numbers, and no other kind", () => {
    expect(allowedScopes('KIOSK', undefined)).toContain('queue:kiosk');
    expect(allowedScopes('PORTAL', undefined)).not.toContain('queue:kiosk');
    expect(allowedScopes('AGENCY_SYSTEM', 'PUPR')).not.toContain('queue:kiosk');
  });

  it('give kiosks and the portal only the scopes of their kind', () => {
    expect(
      newApiClient(mall, {
        clientId: 'kiosk-1',
        name: 'Kiosk',
        kind: 'KIOSK',
        scopes: ['surveys:kiosk'],
      }),
    ).toEqual({ clientId: 'kiosk-1', name: 'Kiosk', kind: 'KIOSK', scopes: ['surveys:kiosk'] });
    try {
      newApiClient(mall, {
        clientId: 'portal',
        name: 'OSS',
        kind: 'PORTAL',
        scopes: ['applications:submit', 'surveys:kiosk', 'agency:DUKCAPIL:work'],
      });
      throw new Error('accepted');
    } catch (error) {
      expect(error).toMatchObject({
        status: 422,
        errors: [
          { field: 'scopes.1', code: 'scope_not_allowed', params: { scope: 'surveys:kiosk' } },
          {
            field: 'scopes.2',
            code: 'scope_not_allowed',
            params: { scope: 'agency:DUKCAPIL:work' },
          },
        ],
      });
    }
  });

  it('need an agency when they are an agency system', () => {
    expect(() =>
      newApiClient(mall, system({ agencyCode: undefined, scopes: ['applications:read'] })),
    ).toThrow('unprocessable');
  });

  it('are refused to an agency admin for another agency or another kind', () => {
    expect(() =>
      newApiClient(dukcapil, system({ agencyCode: 'PUPR', scopes: ['agency:PUPR:work'] })),
    ).toThrow('forbidden');
    expect(() =>
      newApiClient(dukcapil, {
        clientId: 'k',
        name: 'K',
        kind: 'KIOSK',
        scopes: ['surveys:kiosk'],
      }),
    ).toThrow('forbidden');
  });

  it('are not there, for rotation or revocation, to an agency admin of another agency', () => {
    const client = newApiClient(mall, system());
    expect(managesClient(dukcapil, client)).toBe(true);
    expect(managesClient({ all: false, agency: 'PUPR' }, client)).toBe(false);
    expect(managesClient(mall, client)).toBe(true);
    expect(managesClient(mall, undefined)).toBe(false);
  });

  it('get secrets of 32 random bytes that fit HTTP Basic', () => {
    const secret = newClientSecret((size) => Buffer.alloc(size, 0xff));
    expect(secret).toMatch(/^sps_[A-Za-z0-9_-]{43}$/);
    expect(secret).not.toContain(':');
  });
});
