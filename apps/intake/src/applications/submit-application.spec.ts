import { DomainError } from '@satupintu/common';
import {
  ANONYMOUS,
  SYSTEM,
  type ApplicationReceiptV1,
  type ApplicationSubmittedV2,
  type Principal,
  type ServedTicketV1,
  type SubmitApplicationV2,
} from '@satupintu/contracts';
import { regionIndexOf } from '@satupintu/domain';
import { domainErrorOf } from '@satupintu/testing';
import {
  submitApplication,
  type NewApplication,
  type SubmitApplicationPorts,
} from './submit-application';
import type { ServiceStandardRules } from './standard-checks';

// 32.01.01, day 45 (a woman born on the 5th), June, '90, serial 0001.
const NIK = '3201014506900001';
const NOW = new Date('2025-11-23T03:00:00.000Z');
const ID = '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b';
const SITI = '0d9d3f4c-7a57-4c0e-b1a4-6f0d2b7e9c11';
const BUSINESS = '0b6f6f0e-3c1d-4a57-9f3e-2d8c6a1b9e40';

const FRONT_DESK: Principal = {
  kind: 'officer',
  subject: 'officer-1',
  roles: ['FRONT_DESK'],
  agency: 'DUKCAPIL',
  scopes: [],
};
const SITI_HERSELF: Principal = { kind: 'applicant', subject: SITI, roles: [], scopes: [] };
const PORTAL: Principal = {
  kind: 'client',
  subject: 'client-1',
  clientId: 'oss-portal',
  roles: [],
  scopes: ['applications:submit', 'applications:read'],
};

const CATALOG: Record<
  string,
  { code: string; agencyCode: string; agencyTimeZone: string } & ServiceStandardRules
> = {
  'DUKCAPIL-KK': { code: 'DUKCAPIL-KK', agencyCode: 'DUKCAPIL', agencyTimeZone: 'Asia/Jakarta' },
  // A service with a published standard: its form's fields and its channels.
  'DUKCAPIL-AKTA-LAHIR': {
    code: 'DUKCAPIL-AKTA-LAHIR',
    agencyCode: 'DUKCAPIL',
    agencyTimeZone: 'Asia/Jakarta',
    fields: [
      { name: 'childName', type: 'text', required: true, maxLength: 100 },
      { name: 'birthDate', type: 'date', required: true },
      { name: 'motherNik', type: 'nik', required: true },
    ],
    channels: ['WEB', 'COUNTER'],
  },
};

interface Fake extends SubmitApplicationPorts {
  added: NewApplication[];
  events: ApplicationSubmittedV2[];
  receipts: ApplicationReceiptV1[];
  lookedUp: string[];
  idsMade: number;
  /** Registered applicants by NIK, and the businesses each acts for. */
  known: Record<string, { id: string; businesses: string[] }>;
  /** The queue's tickets called to FRONT_DESK's counter, by code. */
  serving: Record<string, ServedTicketV1>;
}

/** Plain fake ports: `accept` says, per call to add, whether the tracking number is free. */
function fakePorts(accept: boolean[] = [true]): Fake {
  const trackingNos = [
    'TRACK0001',
    'TRACK0002',
    'TRACK0003',
    'TRACK0004',
    'TRACK0005',
    'TRACK0006',
  ];
  let next = 0;
  const ports: Fake = {
    added: [],
    events: [],
    receipts: [],
    lookedUp: [],
    idsMade: 0,
    known: { [NIK]: { id: SITI, businesses: [BUSINESS] } },
    regions: regionIndexOf(['32.01.01']),
    findApplicantByNik: (nik) => {
      const known = ports.known[nik];
      return Promise.resolve(known ? { id: known.id } : undefined);
    },
    actsFor: (applicantId, businessId) =>
      Promise.resolve(
        Object.values(ports.known).some(
          (known) => known.id === applicantId && known.businesses.includes(businessId),
        ),
      ),
    findService: (code) => {
      ports.lookedUp.push(code);
      return Promise.resolve(CATALOG[code]);
    },
    findDocuments: () => Promise.resolve([]),
    findByExternalReference: (clientId, reference) =>
      Promise.resolve(
        ports.added.find(
          (added) =>
            added.submittedBy?.clientId === clientId && added.externalReference === reference,
        ),
      ),
    add: (application, event, receipt) => {
      ports.added.push(structuredClone(application));
      ports.events.push(structuredClone(event));
      ports.receipts.push(structuredClone(receipt));
      return Promise.resolve(accept[ports.added.length - 1] ?? false);
    },
    newId: () => {
      ports.idsMade++;
      return ID;
    },
    newTrackingNo: () => trackingNos[next++],
    now: () => NOW,
    serving: {},
    servedTicket: (ticketCode) => {
      const ticket = ports.serving[ticketCode];
      return ticket
        ? Promise.resolve(ticket)
        : Promise.reject(
            DomainError.validation(
              [{ field: 'queueTicket', code: 'queue_ticket_not_at_counter' }],
              422,
            ),
          );
    },
  };
  return ports;
}

const CONSENT = { method: 'SIGNED_FORM', reference: 'PRS/2025/11/0042' } as const;

function input(overrides: Partial<SubmitApplicationV2> = {}): SubmitApplicationV2 {
  return {
    serviceCode: 'DUKCAPIL-KK',
    applicant: { nik: NIK, name: 'Siti Rahayu', consent: CONSENT },
    ...overrides,
  };
}

describe('submitApplication', () => {
  it("records the applicant's consent to a front-desk submission, and refuses one without", async () => {
    const ports = fakePorts();
    await submitApplication(FRONT_DESK, input(), ports);
    expect(ports.added[0].applicant?.consent).toEqual(CONSENT);

    const error = await domainErrorOf(
      submitApplication(FRONT_DESK, input({ applicant: { nik: NIK, name: 'Siti Rahayu' } }), ports),
    );
    expect([error.status, error.errors]).toEqual([
      422,
      [{ field: 'applicant.consent', code: 'consent_required' }],
    ]);
    expect(ports.added).toHaveLength(1);
  });

  it("keeps an API client's own reference, and names the first case when it comes again", async () => {
    const ports = fakePorts([true, true]);
    await submitApplication(PORTAL, input({ externalReference: 'OSS-2025-000123' }), ports);
    expect(ports.added[0].externalReference).toBe('OSS-2025-000123');

    const again = await domainErrorOf(
      submitApplication(PORTAL, input({ externalReference: 'OSS-2025-000123' }), ports),
    );
    expect([again.status, again.code, again.params]).toEqual([
      409,
      'external_reference_exists',
      { externalReference: 'OSS-2025-000123', trackingNo: 'TRACK0001' },
    ]);
    expect(ports.added).toHaveLength(1);
  });

  it('takes a reference only from an API client', async () => {
    const ports = fakePorts();
    const error = await domainErrorOf(
      submitApplication(FRONT_DESK, input({ externalReference: 'MINE-1' }), ports),
    );
    expect(error.errors).toEqual([
      { field: 'externalReference', code: 'external_reference_not_for_caller' },
    ]);
    expect(ports.added).toHaveLength(0);
  });

  it('answers with a receipt for a valid application', async () => {
    const ports = fakePorts();
    const receipt = await submitApplication(FRONT_DESK, input(), ports);
    expect(receipt).toEqual({
      applicationId: ID,
      trackingNo: 'TRACK0001',
      status: 'SUBMITTED',
      serviceCode: 'DUKCAPIL-KK',
      agencyCode: 'DUKCAPIL',
      channel: 'COUNTER',
      // The receipt is for people: in the agency's time zone (WIB).
      submittedAt: '2025-11-23T10:00:00.000+07:00',
    });
    // Stored with the application, for a replayed Idempotency-Key to answer the same.
    expect(ports.receipts).toEqual([receipt]);
  });

  it('stores the submitted event for the owning agency', async () => {
    const ports = fakePorts();
    await submitApplication(FRONT_DESK, input(), ports);
    expect(ports.added).toEqual([
      {
        applicationId: ID,
        trackingNo: 'TRACK0001',
        serviceCode: 'DUKCAPIL-KK',
        agencyCode: 'DUKCAPIL',
        agencyTimeZone: 'Asia/Jakarta',
        channel: 'COUNTER',
        // Siti has an account: the application is hers, by id, whoever submitted it.
        applicantId: SITI,
        submittedBy: { kind: 'officer', subject: 'officer-1' },
        applicant: { nik: NIK, name: 'Siti Rahayu', consent: CONSENT },
        submittedAt: '2025-11-23T03:00:00.000Z',
      },
    ]);
  });

  it.each([
    ['an applicant', SITI_HERSELF, { applicant: undefined }, 'WEB', 'MOBILE'],
    ['a front-desk officer', FRONT_DESK, {}, 'COUNTER', 'CALL_CENTER'],
    ['an API client', PORTAL, {}, 'PORTAL', 'KIOSK'],
  ] as [string, Principal, Partial<SubmitApplicationV2>, string, string][])(
    'gives %s its default channel %s and keeps a given one of its own',
    async (_label, principal, overrides, byDefault, other) => {
      const plain = fakePorts();
      await submitApplication(principal, input(overrides), plain);
      expect(plain.added[0].channel).toBe(byDefault);

      const given = fakePorts();
      const receipt = await submitApplication(
        principal,
        input({ ...overrides, channel: other as SubmitApplicationV2['channel'] }),
        given,
      );
      expect(given.added[0].channel).toBe(other);
      expect(receipt.channel).toBe(other);
    },
  );

  it('refuses a channel that is not the caller’s, naming the ones it may use', async () => {
    const ports = fakePorts();
    const error = await domainErrorOf(
      submitApplication(SITI_HERSELF, input({ applicant: undefined, channel: 'COUNTER' }), ports),
    );
    expect(error.status).toBe(422);
    expect(error.errors).toEqual([
      { field: 'channel', code: 'channel_not_for_caller', params: { values: 'WEB, MOBILE' } },
    ]);
    expect(ports.added).toEqual([]);
  });

  it('tells the agency which application, never who applied', async () => {
    const ports = fakePorts();
    await submitApplication(
      FRONT_DESK,
      input({
        applicant: { nik: NIK, name: 'Siti Rahayu', birthDate: '1990-06-05', consent: CONSENT },
      }),
      ports,
    );
    const { applicant, ...facts } = ports.added[0];
    expect(applicant).toEqual({
      nik: NIK,
      name: 'Siti Rahayu',
      birthDate: '1990-06-05',
      consent: CONSENT,
    });
    expect(ports.events).toEqual([facts]);
    expect(facts.applicantId).toBe(SITI);
    expect(JSON.stringify(ports.events[0])).not.toMatch(/3201014506900001|Siti|1990-06-05/);
  });

  it('trims the applicant name', async () => {
    const ports = fakePorts();
    await submitApplication(
      FRONT_DESK,
      input({ applicant: { nik: NIK, name: '  Siti Rahayu \t', consent: CONSENT } }),
      ports,
    );
    expect(ports.added[0].applicant?.name).toBe('Siti Rahayu');
  });

  it('stores the NIK without surrounding whitespace', async () => {
    const ports = fakePorts();
    await submitApplication(
      FRONT_DESK,
      input({ applicant: { nik: ` ${NIK} `, name: 'Siti', consent: CONSENT } }),
      ports,
    );
    expect(ports.added[0].applicant?.nik).toBe(NIK);
  });

  it('includes the birth date only when it is given', async () => {
    const without = fakePorts();
    await submitApplication(FRONT_DESK, input(), without);
    expect(without.added[0].applicant).not.toHaveProperty('birthDate');

    const withDate = fakePorts();
    const applicant = { nik: NIK, name: 'Siti', birthDate: '1990-06-05', consent: CONSENT };
    await submitApplication(FRONT_DESK, input({ applicant }), withDate);
    expect(withDate.added[0].applicant?.birthDate).toBe('1990-06-05');
  });

  it('refuses a NIK whose birth date differs from the stated one', async () => {
    const ports = fakePorts();
    const applicant = { nik: NIK, name: 'Siti', birthDate: '1990-06-06', consent: CONSENT };
    const error = await domainErrorOf(submitApplication(FRONT_DESK, input({ applicant }), ports));
    expect(error.errors).toEqual([{ field: 'applicant.nik', code: 'nik_birth_date_mismatch' }]);
    expect(ports.added).toEqual([]);
  });

  it.each([
    ['nik_format', '32010145069000'],
    ['nik_region', '3202014506900001'],
    ['nik_birth_date', '3201017306900001'],
    ['nik_serial', '3201014506900000'],
  ])('refuses a NIK with %s as a 422 on applicant.nik', async (problem, nik) => {
    const ports = fakePorts();
    const error = await domainErrorOf(
      submitApplication(
        FRONT_DESK,
        input({ applicant: { nik, name: 'S', consent: CONSENT } }),
        ports,
      ),
    );
    expect(error.status).toBe(422);
    expect(error.code).toBe('unprocessable');
    expect(error.errors).toEqual([{ field: 'applicant.nik', code: problem }]);
    expect(ports.added).toEqual([]);
  });

  it('refuses a service that is not in the catalog, naming it', async () => {
    const ports = fakePorts();
    const error = await domainErrorOf(
      submitApplication(FRONT_DESK, input({ serviceCode: 'NOPE-1' }), ports),
    );
    expect(error.status).toBe(422);
    expect(error.errors).toEqual([
      { field: 'serviceCode', code: 'unknown_service', params: { serviceCode: 'NOPE-1' } },
    ]);
    expect(ports.added).toEqual([]);
  });

  it('reports a NIK problem and an unknown service together in one 422', async () => {
    const ports = fakePorts();
    const error = await domainErrorOf(
      submitApplication(
        FRONT_DESK,
        input({ serviceCode: 'NOPE-1', applicant: { nik: '123', name: 'S', consent: CONSENT } }),
        ports,
      ),
    );
    expect(error.code).toBe('unprocessable');
    expect(error.status).toBe(422);
    expect(error.errors).toEqual([
      { field: 'applicant.nik', code: 'nik_format' },
      { field: 'serviceCode', code: 'unknown_service', params: { serviceCode: 'NOPE-1' } },
    ]);
    expect(ports.lookedUp).toEqual(['NOPE-1']);
    expect(ports.added).toEqual([]);
    expect(ports.idsMade).toBe(0);
  });

  it('draws a new tracking number when one is taken, keeping the application id', async () => {
    const ports = fakePorts([false, false, true]);
    const receipt = await submitApplication(FRONT_DESK, input(), ports);
    expect(receipt.trackingNo).toBe('TRACK0003');
    expect(ports.added.map((event) => event.trackingNo)).toEqual([
      'TRACK0001',
      'TRACK0002',
      'TRACK0003',
    ]);
    expect(new Set(ports.added.map((event) => event.applicationId))).toEqual(new Set([ID]));
    expect(new Set(ports.added.map((event) => event.submittedAt)).size).toBe(1);
    expect(ports.idsMade).toBe(1);
  });

  it('gives up after five taken tracking numbers', async () => {
    const ports = fakePorts([false, false, false, false, false, true]);
    await expect(submitApplication(FRONT_DESK, input(), ports)).rejects.toThrow(
      'no free tracking number after 5 attempts',
    );
    expect(ports.added).toHaveLength(5);
  });

  it('does not present running out of tracking numbers as a client error', async () => {
    const ports = fakePorts([]);
    const error: unknown = await submitApplication(FRONT_DESK, input(), ports).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(DomainError);
  });
});

describe('submitApplication: at the counter, for a queue ticket', () => {
  const TICKET = 'ANT7K3M9QX2CD';
  const served = (agencyCode = 'DUKCAPIL'): ServedTicketV1 => ({
    ticketCode: TICKET,
    ticketNo: 'B-017',
    counterCode: '3',
    serviceCode: 'DUKCAPIL-KK',
    agencyCode,
  });

  it('records the ticket and the counter on the case and in its event', async () => {
    const ports = fakePorts();
    ports.serving[TICKET] = served();
    await submitApplication(FRONT_DESK, input({ queueTicket: TICKET, channel: 'COUNTER' }), ports);
    expect(ports.events[0].queueTicket).toEqual({ code: TICKET, counterCode: '3' });
    expect(ports.added[0].queueTicket).toEqual({ code: TICKET, counterCode: '3' });
  });

  it('refuses a ticket not called to the officer’s counter, with the other problems', async () => {
    const ports = fakePorts();
    const error = await domainErrorOf(
      submitApplication(
        FRONT_DESK,
        input({ queueTicket: TICKET, applicant: { nik: NIK, name: 'Siti Rahayu' } }),
        ports,
      ),
    );
    expect([error.status, error.errors]).toEqual([
      422,
      [
        { field: 'applicant.consent', code: 'consent_required' },
        { field: 'queueTicket', code: 'queue_ticket_not_at_counter' },
      ],
    ]);
    expect(ports.added).toHaveLength(0);
  });

  it('refuses a ticket for another agency, on the phone, or from anyone but an officer', async () => {
    const ports = fakePorts();
    ports.serving[TICKET] = served('PUPR');
    for (const [who, overrides, code] of [
      [FRONT_DESK, {}, 'queue_ticket_of_other_agency'],
      [FRONT_DESK, { channel: 'CALL_CENTER' }, 'queue_ticket_not_for_caller'],
      [PORTAL, {}, 'queue_ticket_not_for_caller'],
    ] as const) {
      const error = await domainErrorOf(
        submitApplication(who, input({ queueTicket: TICKET, ...overrides }), ports),
      );
      expect(error.errors.map((e) => [e.field, e.code])).toContainEqual(['queueTicket', code]);
    }
    expect(ports.added).toHaveLength(0);
  });
});

describe('submitApplication: who may submit, for whom', () => {
  it('makes a signed-in applicant the applicant, by id, with no details kept', async () => {
    const ports = fakePorts();
    await submitApplication(SITI_HERSELF, input({ applicant: undefined }), ports);
    expect(ports.added[0]).not.toHaveProperty('applicant');
    expect(ports.events[0]).toMatchObject({
      applicantId: SITI,
      submittedBy: { kind: 'applicant', subject: SITI },
      channel: 'WEB',
    });
  });

  it('refuses an applicant naming someone else (or themself) as the applicant', async () => {
    const ports = fakePorts();
    const error = await domainErrorOf(submitApplication(SITI_HERSELF, input(), ports));
    expect(error.status).toBe(422);
    expect(error.errors).toEqual([{ field: 'applicant', code: 'applicant_is_caller' }]);
    expect(ports.added).toEqual([]);
  });

  it.each([
    ['a front-desk officer', FRONT_DESK],
    ['an API client', PORTAL],
  ] as [string, Principal][])('needs %s to name the applicant', async (_label, principal) => {
    const ports = fakePorts();
    const error = await domainErrorOf(
      submitApplication(principal, input({ applicant: undefined }), ports),
    );
    expect(error.status).toBe(422);
    expect(error.errors).toEqual([{ field: 'applicant', code: 'required' }]);
  });

  it('records the API client that submitted, and links a registered applicant', async () => {
    const ports = fakePorts();
    await submitApplication(PORTAL, input(), ports);
    expect(ports.events[0]).toMatchObject({
      applicantId: SITI,
      submittedBy: { kind: 'client', subject: 'client-1', clientId: 'oss-portal' },
      channel: 'PORTAL',
    });
  });

  it('takes an application for someone without an account, keeping the details given', async () => {
    const ports = fakePorts();
    ports.known = {};
    await submitApplication(FRONT_DESK, input(), ports);
    expect(ports.events[0]).not.toHaveProperty('applicantId');
    expect(ports.added[0].applicant).toEqual({ nik: NIK, name: 'Siti Rahayu', consent: CONSENT });
  });

  it('lets an applicant apply for a business they act for, and only for one', async () => {
    const member = fakePorts();
    await submitApplication(
      SITI_HERSELF,
      input({ applicant: undefined, businessId: BUSINESS }),
      member,
    );
    expect(member.events[0].businessId).toBe(BUSINESS);

    const stranger = fakePorts();
    stranger.known = { [NIK]: { id: SITI, businesses: [] } };
    const error = await domainErrorOf(
      submitApplication(
        SITI_HERSELF,
        input({ applicant: undefined, businessId: BUSINESS }),
        stranger,
      ),
    );
    expect(error.errors).toEqual([{ field: 'businessId', code: 'not_business_member' }]);
    expect(stranger.added).toEqual([]);
  });

  it('refuses a business for an applicant named without an account', async () => {
    const ports = fakePorts();
    ports.known = {};
    const error = await domainErrorOf(
      submitApplication(FRONT_DESK, input({ businessId: BUSINESS }), ports),
    );
    expect(error.errors).toEqual([{ field: 'businessId', code: 'not_business_member' }]);
  });

  it("takes the OSS connector's word for the business of the person OSS names, and no other client's", async () => {
    const oss: Principal = { ...PORTAL, subject: 'oss-connector', clientId: 'oss-connector' };
    // The owner OSS named has no account yet, or intake has not followed their membership.
    const knowns: Record<string, { id: string; businesses: string[] }>[] = [
      {},
      { [NIK]: { id: SITI, businesses: [] } },
    ];
    for (const known of knowns) {
      const ports = fakePorts();
      ports.known = known;
      await submitApplication(oss, input({ businessId: BUSINESS }), ports);
      expect(ports.events[0].businessId).toBe(BUSINESS);
      expect(ports.added[0].businessId).toBe(BUSINESS);
    }

    const ports = fakePorts();
    ports.known = {};
    const error = await domainErrorOf(
      submitApplication(PORTAL, input({ businessId: BUSINESS }), ports),
    );
    expect(error.errors).toEqual([{ field: 'businessId', code: 'not_business_member' }]);
  });

  it.each([
    ['an anonymous caller', ANONYMOUS, 401],
    ['the system', SYSTEM, 403],
    ['a verifier (no FRONT_DESK role)', { ...FRONT_DESK, roles: ['VERIFIER'] }, 403],
    ['a client without applications:submit', { ...PORTAL, scopes: ['applications:read'] }, 403],
  ] as [string, Principal, number][])('refuses %s with %s', async (_label, principal, status) => {
    const ports = fakePorts();
    const error = await domainErrorOf(submitApplication(principal, input(), ports));
    expect(error.status).toBe(status);
    expect(ports.added).toEqual([]);
    expect(ports.lookedUp).toEqual([]);
  });

  describe("against the service's standard", () => {
    const birth = (overrides: Partial<SubmitApplicationV2> = {}) =>
      input({ serviceCode: 'DUKCAPIL-AKTA-LAHIR', ...overrides });
    const form = { childName: 'Putri Rahayu', birthDate: '2026-11-20', motherNik: NIK };

    it('stores valid form data with the application, and never on the event', async () => {
      const ports = fakePorts();
      await submitApplication(FRONT_DESK, birth({ form }), ports);
      expect(ports.added[0].form).toEqual(form);
      expect(ports.events[0]).not.toHaveProperty('form');
    });

    it('refuses form data that does not meet the standard, per field, and stores nothing', async () => {
      const ports = fakePorts();
      const error = await domainErrorOf(
        submitApplication(
          FRONT_DESK,
          birth({
            form: { birthDate: '2026-02-30', motherNik: '3201014506900000', pet: 'kucing' },
          }),
          ports,
        ),
      );
      expect([error.code, error.status]).toEqual(['unprocessable', 422]);
      expect(error.errors).toEqual([
        { field: 'form.childName', code: 'required' },
        { field: 'form.birthDate', code: 'must_be_date' },
        { field: 'form.motherNik', code: 'nik_serial' },
        { field: 'form.pet', code: 'unknown_field' },
      ]);
      expect(ports.added).toEqual([]);
    });

    it('accepts an application without form data: the agency collects it', async () => {
      const ports = fakePorts();
      await submitApplication(FRONT_DESK, birth(), ports);
      expect(ports.added[0]).not.toHaveProperty('form');
    });

    it('refuses a channel the service does not take', async () => {
      const ports = fakePorts();
      const error = await domainErrorOf(
        submitApplication(FRONT_DESK, birth({ channel: 'CALL_CENTER', form }), ports),
      );
      expect(error.errors).toEqual([
        { field: 'channel', code: 'channel_not_for_service', params: { values: 'WEB, COUNTER' } },
      ]);
    });

    it('refuses form data for a service without a published standard', async () => {
      const ports = fakePorts();
      const error = await domainErrorOf(
        submitApplication(FRONT_DESK, input({ form: { anything: 'x' } }), ports),
      );
      expect(error.errors).toEqual([{ field: 'form', code: 'form_not_for_service' }]);
    });
  });
});
