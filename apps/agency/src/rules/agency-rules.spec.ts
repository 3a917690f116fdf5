import {
  AGENCY_RULES,
  agencyFindings,
  factsNeeded,
  businessWithItsKbli,
  registeredApplicant,
  type AgencyRule,
  type CaseFacts,
} from './agency-rules';

const business = { nib: '9120000000001', kbli: ['56101', '47111'] };
const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  serviceCode: 'DPMPTSP-NIB',
  serviceCategories: ['BUSINESS'],
  kbliFields: ['kbli'],
  serviceRequiresNib: false,
  applicant: { registered: true },
  business,
  form: { kbli: '56101', businessName: 'Warung Sejahtera' },
  ...over,
});

describe('Dukcapil: a registered applicant', () => {
  it('passes an applicant with an account, and finds one without', () => {
    expect(registeredApplicant.check(facts())).toEqual([]);
    expect(registeredApplicant.check(facts({ applicant: undefined }))).toEqual([
      { requirement: 'applicant', code: 'nik_not_registered' },
    ]);
  });
});

describe('DPMPTSP: a business with a valid NIB and the KBLI it holds', () => {
  it('passes a business service for a business holding the KBLI named', () => {
    expect(businessWithItsKbli.check(facts())).toEqual([]);
    expect(
      businessWithItsKbli.check(
        facts({ kbliFields: ['kbli', 'kbliOther'], form: { kbli: '56101', kbliOther: '47111' } }),
      ),
    ).toEqual([]);
  });

  it('leaves services that are not for businesses alone', () => {
    expect(
      businessWithItsKbli.check(
        facts({ serviceCategories: ['BUILDING'], business: undefined, form: { kbli: '99999' } }),
      ),
    ).toEqual([]);
  });

  it('needs a business where the service requires an NIB, with a NIB of 13 digits', () => {
    expect(
      businessWithItsKbli.check(
        facts({ serviceCode: 'DPMPTSP-REKLAME', serviceRequiresNib: true, business: undefined }),
      ),
    ).toEqual([{ requirement: 'business', code: 'business_required' }]);
    for (const nib of ['912000000000', '91200000000012', '91200000000a1', ''])
      expect(businessWithItsKbli.check(facts({ business: { ...business, nib } }))).toEqual([
        { requirement: 'business', code: 'nib_format' },
      ]);
  });

  it('lets a case of a service requiring no NIB (the NIB itself) name no business, and checks one it names', () => {
    expect(businessWithItsKbli.check(facts({ business: undefined }))).toEqual([]);
    expect(businessWithItsKbli.check(facts({ business: { ...business, nib: '1' } }))).toEqual([
      { requirement: 'business', code: 'nib_format' },
    ]);
  });

  it('finds each KBLI field of the form naming a KBLI the business does not hold', () => {
    expect(
      businessWithItsKbli.check(
        facts({
          kbliFields: ['kbli', 'mainActivity', 'sideActivity'],
          form: { kbli: '10710', mainActivity: '47111', sideActivity: '62019' },
        }),
      ),
    ).toEqual([
      { requirement: 'kbli', code: 'kbli_not_held', params: { kbli: '10710' } },
      { requirement: 'sideActivity', code: 'kbli_not_held', params: { kbli: '62019' } },
    ]);
  });

  it('reads only the fields the standard types kbli, and leaves an optional one left empty', () => {
    expect(businessWithItsKbli.check(facts({ kbliFields: [], form: { kbli: '10710' } }))).toEqual(
      [],
    );
    expect(businessWithItsKbli.check(facts({ form: { businessName: 'X' } }))).toEqual([]);
  });

  it('needs the form only for a business service whose form has a KBLI field', () => {
    const service = {
      serviceCode: 'DPMPTSP-NIB',
      serviceCategories: ['BUSINESS'],
      serviceRequiresNib: false,
    };
    expect(businessWithItsKbli.needs?.({ ...service, kbliFields: ['kbli'] })).toEqual(['form']);
    expect(businessWithItsKbli.needs?.({ ...service, kbliFields: [] })).toEqual([]);
    expect(
      businessWithItsKbli.needs?.({
        ...service,
        serviceCategories: ['BUILDING'],
        kbliFields: ['kbli'],
      }),
    ).toEqual([]);
  });
});

describe('agencyFindings', () => {
  it('runs only the rules of the agency it is asked for', () => {
    const bare = facts({
      serviceCode: 'DPMPTSP-REKLAME',
      serviceRequiresNib: true,
      applicant: undefined,
      business: undefined,
    });
    expect(agencyFindings('DUKCAPIL', bare)).toEqual([
      {
        rule: 'dukcapil.registered-applicant',
        requirement: 'applicant',
        code: 'nik_not_registered',
      },
    ]);
    expect(agencyFindings('DPMPTSP', bare)).toEqual([
      { rule: 'dpmptsp.business-nib-and-kbli', requirement: 'business', code: 'business_required' },
    ]);
    expect(agencyFindings('PUPR', bare)).toEqual([]);
    expect(agencyFindings('BPJSKES', bare)).toEqual([]);
  });

  it('asks for the form only for an agency and service whose rules need it', () => {
    const service = {
      serviceCode: 'S',
      serviceCategories: ['BUSINESS'],
      kbliFields: ['kbli'],
      serviceRequiresNib: false,
    };
    expect([...factsNeeded('DPMPTSP', service)]).toEqual(['form']);
    expect([...factsNeeded('DPMPTSP', { ...service, kbliFields: [] })]).toEqual([]);
    expect([...factsNeeded('DUKCAPIL', service)]).toEqual([]);
    expect([...factsNeeded('PUPR', service)]).toEqual([]);
  });

  it('registers the demo agencies’ rules under their codes', () => {
    expect(Object.keys(AGENCY_RULES).sort()).toEqual(['DPMPTSP', 'DUKCAPIL']);
  });

  it('collects the findings of every rule of the agency, in order', () => {
    const one: AgencyRule = {
      name: 'one',
      check: () => [{ requirement: 'a', code: 'nib_format' }],
    };
    const two: AgencyRule = {
      name: 'two',
      check: () => [{ requirement: 'b', code: 'business_required' }],
    };
    expect(
      agencyFindings('X', facts(), { X: [one, two] }).map((f) => [f.rule, f.requirement]),
    ).toEqual([
      ['one', 'a'],
      ['two', 'b'],
    ]);
  });
});
