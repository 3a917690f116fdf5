import { ANONYMOUS, type Principal, type PublishServiceStandardV1 } from '@satupintu/contracts';
import { DEMO_SERVICES } from '@satupintu/demo';
import { domainErrorOf } from '@satupintu/testing';
import { mayPublishStandards, publishServiceStandard } from './publish-service-standard';

const officer = (overrides: Partial<Principal>): Principal => ({
  kind: 'officer',
  subject: 'officer-1',
  roles: ['AGENCY_ADMIN'],
  agency: 'DUKCAPIL',
  scopes: [],
  ...overrides,
});

const { agencyCode: _agency, ...KK } = DEMO_SERVICES.find((s) => s.code === 'DUKCAPIL-KK')!;

function fakePorts() {
  const published: { code: string; version: number }[] = [];
  return {
    published,
    publish: (code: string, content: Omit<PublishServiceStandardV1, 'code'>) => {
      const version = published.filter((p) => p.code === code).length + 1;
      published.push({ code, version });
      return Promise.resolve({ ...content, code, agencyCode: 'DUKCAPIL', version });
    },
  };
}

describe('mayPublishStandards', () => {
  it.each([
    ['the agency admin of the agency', true, officer({})],
    ['a mall admin', true, officer({ roles: ['MALL_ADMIN'], agency: undefined })],
    ['the agency admin of another agency', false, officer({ agency: 'PUPR' })],
    ['a verifier of the agency', false, officer({ roles: ['VERIFIER'] })],
    ['a front-desk officer of the agency', false, officer({ roles: ['FRONT_DESK'] })],
    [
      "the agency's system",
      false,
      { kind: 'client', clientId: 'c1', roles: [], scopes: ['agency:DUKCAPIL:work'] },
    ],
    ['an applicant', false, { kind: 'applicant', subject: 'a1', roles: [], scopes: [] }],
    ['an anonymous caller', false, ANONYMOUS],
  ] as [string, boolean, Principal][])('%s: %s', (_label, expected, principal) => {
    expect(mayPublishStandards(principal, 'DUKCAPIL')).toBe(expected);
  });
});

describe('publishServiceStandard', () => {
  it('publishes the next version of a standard', async () => {
    const ports = fakePorts();
    const first = await publishServiceStandard('DUKCAPIL', officer({}), KK, ports);
    const second = await publishServiceStandard('DUKCAPIL', officer({}), KK, ports);
    expect([first.version, second.version]).toEqual([1, 2]);
    expect(second).toMatchObject({ code: 'DUKCAPIL-KK', agencyCode: 'DUKCAPIL' });
  });

  it("refuses a code that is not the agency's, and fields that do not fit together, at once", async () => {
    const ports = fakePorts();
    const error = await domainErrorOf(
      publishServiceStandard(
        'DUKCAPIL',
        officer({}),
        {
          ...KK,
          code: 'PUPR-KK',
          requirements: {
            ...KK.requirements,
            fields: [{ name: 'reason', label: KK.names, type: 'enum', required: true }],
          },
        },
        ports,
      ),
    );
    expect([error.code, error.status]).toEqual(['unprocessable', 422]);
    expect(error.errors).toEqual([
      { field: 'code', code: 'service_code_not_of_agency', params: { prefix: 'DUKCAPIL-' } },
      { field: 'requirements.fields.0.options', code: 'required' },
    ]);
    expect(ports.published).toEqual([]);
  });

  it('refuses the bare agency code as a service code', async () => {
    const error = await domainErrorOf(
      publishServiceStandard('DUKCAPIL', officer({}), { ...KK, code: 'DUKCAPIL-' }, fakePorts()),
    );
    expect(error.errors[0]).toMatchObject({ field: 'code' });
  });

  it('refuses those who may not publish, before anything is written', async () => {
    const ports = fakePorts();
    const stranger = await domainErrorOf(
      publishServiceStandard('DUKCAPIL', officer({ agency: 'PUPR' }), KK, ports),
    );
    expect([stranger.code, stranger.status]).toEqual(['forbidden', 403]);
    const nobody = await domainErrorOf(publishServiceStandard('DUKCAPIL', ANONYMOUS, KK, ports));
    expect([nobody.code, nobody.status]).toEqual(['unauthenticated', 401]);
    expect(ports.published).toEqual([]);
  });
});
