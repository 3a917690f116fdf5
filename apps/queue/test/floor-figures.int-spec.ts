import type { Principal } from '@satupintu/contracts';
import {
  ServiceProcess,
  TestTokenIssuer,
  anApplicant,
  anOfficer,
  queryServiceDb,
  testEnvironment,
} from '@satupintu/testing';
import { randomUUID } from 'node:crypto';

const DAY = '2025-03-04';
const A = 'FIGA';
const B = 'FIGB';

interface Seeded {
  agency: string;
  service: string;
  status: 'WAITING' | 'SERVED' | 'NO_SHOW' | 'BOOKED';
  day?: string;
  /** Wall-clock times of the mall (Asia/Jakarta, +07:00) on DAY. */
  checkedIn?: string;
  called?: string;
  lastCalled?: string;
  served?: string;
  noShow?: string;
}

/**
 * A seeded day at the mall (Tuesday 4 March 2025), the figures worked out by hand below from
 * these times (wait: check-in to first call; service: last call to served, in seconds).
 */
const TICKETS: Seeded[] = [
  // A-KTP, 8 o'clock: waits 600 and 300, services 600 and 720 (recalled at 08:40).
  {
    agency: A,
    service: `${A}-KTP`,
    status: 'SERVED',
    checkedIn: '08:00:00',
    called: '08:10:00',
    served: '08:20:00',
  },
  {
    agency: A,
    service: `${A}-KTP`,
    status: 'SERVED',
    checkedIn: '08:30:00',
    called: '08:35:00',
    lastCalled: '08:40:00',
    served: '08:52:00',
  },
  // A-KTP, 9 o'clock: a no-show after a wait of 1800, and one still waiting at closing.
  {
    agency: A,
    service: `${A}-KTP`,
    status: 'NO_SHOW',
    checkedIn: '09:15:00',
    called: '09:45:00',
    noShow: '09:50:00',
  },
  { agency: A, service: `${A}-KTP`, status: 'WAITING', checkedIn: '09:20:00' },
  // A-KK, 9 o'clock: wait 1200, service 1800.
  {
    agency: A,
    service: `${A}-KK`,
    status: 'SERVED',
    checkedIn: '09:05:00',
    called: '09:25:00',
    served: '09:55:00',
  },
  // B-IMB, 10 o'clock: wait 240, service 390.
  {
    agency: B,
    service: `${B}-IMB`,
    status: 'SERVED',
    checkedIn: '10:00:00',
    called: '10:04:00',
    served: '10:10:30',
  },
  // Not counted: a booking never checked in, and a ticket of the next day.
  { agency: A, service: `${A}-KTP`, status: 'BOOKED' },
  {
    agency: A,
    service: `${A}-KTP`,
    status: 'SERVED',
    day: '2025-03-05',
    checkedIn: '08:00:00',
    called: '08:01:00',
    served: '08:02:00',
  },
];

/** B's one ticket: wait 240, service 390. */
const ONE_AT_B = {
  tickets: 1,
  called: 1,
  served: 1,
  noShows: 0,
  noShowRate: 0,
  meanWaitSeconds: 240,
  medianWaitSeconds: 240,
  p90WaitSeconds: 240,
  meanServiceSeconds: 390,
  medianServiceSeconds: 390,
  p90ServiceSeconds: 390,
};

const NONE = {
  noShowRate: null,
  meanServiceSeconds: null,
  medianServiceSeconds: null,
  p90ServiceSeconds: null,
};

/**
 * The floor figures on the dashboards (GET /v1/dashboards/queue) across the real gateway and
 * queue service, in a namespace and databases of their own: they equal the figures computed by
 * hand on a seeded day; who may read which; the CSV.
 */
describe('GET /v1/dashboards/queue', () => {
  const env = testEnvironment();
  const namespace = `${env.SP_NAMESPACE}qf`;
  const prefix = `${env.DB_PREFIX}_qfig`;
  const isolated = { SP_NAMESPACE: namespace, DB_PREFIX: prefix };
  let services: ServiceProcess[] = [];
  let issuer: TestTokenIssuer;
  let gateway: ServiceProcess;
  const auth = new Map<Principal, string>();
  const mallAdmin = anOfficer('MPP', ['MALL_ADMIN']);
  const adminA = anOfficer(A, ['AGENCY_ADMIN']);
  const frontDeskA = anOfficer(A, ['FRONT_DESK']);
  const applicant = anApplicant();

  const get = (principal: Principal | undefined, path: string, accept?: string) =>
    fetch(`${gateway.url}${path}`, {
      headers: {
        'accept-language': 'en',
        ...(principal ? { authorization: auth.get(principal)! } : {}),
        ...(accept ? { accept } : {}),
      },
    });

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start({ natsUrl: env.NATS_URL, namespace });
    for (const principal of [mallAdmin, adminA, frontDeskA, applicant])
      auth.set(
        principal,
        (await issuer.authorization(principal, { expiresInSeconds: 3600 })).authorization,
      );
    services = await Promise.all([
      ServiceProcess.start('gateway', isolated),
      ServiceProcess.start('queue', isolated),
    ]);
    gateway = services[0];
    const at = (day: string, time: string | undefined) => (time ? `${day}T${time}+07:00` : null);
    let number = 0;
    for (const t of TICKETS) {
      const day = t.day ?? DAY;
      number += 1;
      const checkedIn = t.status !== 'BOOKED';
      await queryServiceDb(
        ['queue'],
        `INSERT INTO tickets (id, code, kind, status, purpose, service_code, agency_code, day,
                              line, number, checked_in_at, called_at, last_called_at, calls,
                              served_at, no_show_at, applicant_id, slot_start, slot_end, booked_at)
         VALUES ($1, $2, $3, $4, 'APPLY', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,
                 $16, $17, $18, $19)`,
        [
          randomUUID(),
          `ANT${String(number).padStart(9, '0')}`,
          checkedIn ? 'WALK_IN' : 'BOOKED',
          t.status,
          t.service,
          t.agency,
          day,
          checkedIn ? 'F' : null,
          checkedIn ? number : null,
          at(day, t.checkedIn),
          at(day, t.called),
          at(day, t.lastCalled ?? t.called),
          t.called ? (t.lastCalled ? 2 : 1) : 0,
          at(day, t.served),
          at(day, t.noShow),
          checkedIn ? null : 'applicant-1',
          checkedIn ? null : at(day, '11:00:00'),
          checkedIn ? null : at(day, '11:30:00'),
          checkedIn ? null : at(day, '07:00:00'),
        ],
        prefix,
      );
    }
  });

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await issuer.stop();
  });

  it('equal the figures computed by hand on the seeded day', async () => {
    const response = await get(mallAdmin, `/v1/dashboards/queue?from=${DAY}&to=2025-03-05`);
    expect(response.status).toBe(200);
    const report = (await response.json()) as Record<string, unknown>;
    // The interpolated percentiles: sorted values v, position p = 0.9 × (n − 1),
    // v[⌊p⌋] + (p − ⌊p⌋) × (v[⌊p⌋ + 1] − v[⌊p⌋]), in binary floating point.
    const p90 = (values: number[]) => {
      const v = [...values].sort((x, y) => x - y);
      const p = 0.9 * (v.length - 1);
      const i = Math.floor(p);
      return i + 1 < v.length ? v[i] + (p - i) * (v[i + 1] - v[i]) : v[i];
    };
    expect(report).toEqual({
      from: DAY,
      to: '2025-03-05',
      // Waits 240, 300, 600, 1200, 1800; services 390, 600, 720, 1800.
      total: {
        tickets: 6,
        called: 5,
        served: 4,
        noShows: 1,
        noShowRate: 1 / 5,
        meanWaitSeconds: 828,
        medianWaitSeconds: 600,
        p90WaitSeconds: p90([240, 300, 600, 1200, 1800]),
        meanServiceSeconds: 877.5,
        medianServiceSeconds: 660,
        p90ServiceSeconds: p90([390, 600, 720, 1800]),
      },
      agencies: [
        {
          // Waits 300, 600, 1200, 1800; services 600, 720, 1800.
          agencyCode: A,
          tickets: 5,
          called: 4,
          served: 3,
          noShows: 1,
          noShowRate: 1 / 4,
          meanWaitSeconds: 975,
          medianWaitSeconds: 900,
          p90WaitSeconds: p90([300, 600, 1200, 1800]),
          meanServiceSeconds: 1040,
          medianServiceSeconds: 720,
          p90ServiceSeconds: p90([600, 720, 1800]),
        },
        {
          agencyCode: B,
          ...ONE_AT_B,
        },
      ],
      services: [
        {
          agencyCode: A,
          serviceCode: `${A}-KK`,
          tickets: 1,
          called: 1,
          served: 1,
          noShows: 0,
          noShowRate: 0,
          meanWaitSeconds: 1200,
          medianWaitSeconds: 1200,
          p90WaitSeconds: 1200,
          meanServiceSeconds: 1800,
          medianServiceSeconds: 1800,
          p90ServiceSeconds: 1800,
        },
        {
          // Waits 600, 300, 1800; services 600, 720; one still waiting.
          agencyCode: A,
          serviceCode: `${A}-KTP`,
          tickets: 4,
          called: 3,
          served: 2,
          noShows: 1,
          noShowRate: 1 / 3,
          meanWaitSeconds: 900,
          medianWaitSeconds: 600,
          p90WaitSeconds: p90([300, 600, 1800]),
          meanServiceSeconds: 660,
          medianServiceSeconds: 660,
          p90ServiceSeconds: p90([600, 720]),
        },
        {
          agencyCode: B,
          serviceCode: `${B}-IMB`,
          ...ONE_AT_B,
        },
      ],
      hours: [
        {
          agencyCode: A,
          hour: 8,
          tickets: 2,
          called: 2,
          served: 2,
          noShows: 0,
          noShowRate: 0,
          meanWaitSeconds: 450,
          medianWaitSeconds: 450,
          p90WaitSeconds: p90([300, 600]),
          meanServiceSeconds: 660,
          medianServiceSeconds: 660,
          p90ServiceSeconds: p90([600, 720]),
        },
        {
          agencyCode: A,
          hour: 9,
          tickets: 3,
          called: 2,
          served: 1,
          noShows: 1,
          noShowRate: 1 / 2,
          meanWaitSeconds: 1500,
          medianWaitSeconds: 1500,
          p90WaitSeconds: p90([1200, 1800]),
          meanServiceSeconds: 1800,
          medianServiceSeconds: 1800,
          p90ServiceSeconds: 1800,
        },
        {
          agencyCode: B,
          hour: 10,
          ...ONE_AT_B,
        },
      ],
    });
  });

  it("show an agency's admin their own agency, and refuse the rest", async () => {
    const own = await get(adminA, `/v1/dashboards/queue?from=${DAY}&to=2025-03-05&agencyCode=${A}`);
    expect(own.status).toBe(200);
    const report = (await own.json()) as {
      agencyCode: string;
      total: unknown;
      agencies: unknown[];
    };
    expect(report.agencyCode).toBe(A);
    expect(report.total).toMatchObject({ tickets: 5, served: 3, noShows: 1, meanWaitSeconds: 975 });
    expect(report.agencies).toHaveLength(1);

    for (const [who, path, status] of [
      [adminA, `/v1/dashboards/queue?from=${DAY}&to=2025-03-05&agencyCode=${B}`, 403],
      [adminA, `/v1/dashboards/queue?from=${DAY}&to=2025-03-05`, 403],
      [frontDeskA, `/v1/dashboards/queue?from=${DAY}&to=2025-03-05&agencyCode=${A}`, 403],
      [applicant, `/v1/dashboards/queue?from=${DAY}&to=2025-03-05`, 403],
      [undefined, `/v1/dashboards/queue?from=${DAY}&to=2025-03-05`, 401],
    ] as const) {
      const answer = await get(who, path);
      expect([path, answer.status]).toEqual([path, status]);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });

  it('answer a bad range or date with a problem document saying which', async () => {
    for (const [query, field] of [
      ['from=2025-03-05&to=2025-03-04', 'to'],
      ['from=2025-01-01&to=2026-01-04', 'to'],
      ['from=2025-02-30&to=2025-03-04', 'from'],
      ['from=4-3-2025&to=2025-03-04', 'from'],
    ] as const) {
      const answer = await get(mallAdmin, `/v1/dashboards/queue?${query}`);
      expect([query, answer.status]).toEqual([query, 400]);
      const problem = (await answer.json()) as { errors: Array<{ field: string }> };
      expect(problem.errors.map((e) => e.field)).toContain(field);
    }
  });

  it('come as CSV too, the same figures', async () => {
    const answer = await get(
      mallAdmin,
      `/v1/dashboards/queue?from=${DAY}&to=2025-03-05&agencyCode=${B}`,
      'text/csv',
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(answer.headers.get('vary')).toMatch(/Accept/i);
    expect(await answer.text()).toBe(
      'scope,agencyCode,serviceCode,hour,tickets,called,served,noShows,noShowRate,' +
        'meanWaitSeconds,medianWaitSeconds,p90WaitSeconds,meanServiceSeconds,' +
        'medianServiceSeconds,p90ServiceSeconds\r\n' +
        `total,${B},,,1,1,1,0,0,240,240,240,390,390,390\r\n` +
        `agency,${B},,,1,1,1,0,0,240,240,240,390,390,390\r\n` +
        `service,${B},${B}-IMB,,1,1,1,0,0,240,240,240,390,390,390\r\n` +
        `hour,${B},,10,1,1,1,0,0,240,240,240,390,390,390\r\n`,
    );
  });

  it('count nothing as null on a day without tickets', async () => {
    const answer = await get(mallAdmin, '/v1/dashboards/queue?from=2025-03-10&to=2025-03-11');
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({
      from: '2025-03-10',
      to: '2025-03-11',
      total: {
        tickets: 0,
        called: 0,
        served: 0,
        noShows: 0,
        meanWaitSeconds: null,
        medianWaitSeconds: null,
        p90WaitSeconds: null,
        ...NONE,
      },
      agencies: [],
      services: [],
      hours: [],
    });
  });
});
