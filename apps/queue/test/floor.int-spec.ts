import type { ApiClient, ApiSchemas } from '@satupintu/api-client';
import type { Principal } from '@satupintu/contracts';
import { generateTrackingNumber } from '@satupintu/domain';
import {
  ServiceProcess,
  TestTokenIssuer,
  aNik,
  anApiClient,
  anApplicant,
  anOfficer,
  deleteNamespaceStreams,
  eventually,
  queryServiceDb,
  readStreams,
  testEnvironment,
} from '@satupintu/testing';
import { randomBytes, randomUUID } from 'node:crypto';

type Problem = ApiSchemas['Problem'];

/**
 * The mall floor through the gateway, queue and intake as real processes (ADR 0036): lines,
 * counters and slots set by an agency's admin, numbers from two kiosks at once, two officers
 * calling at once, a booked visitor called before walk-ins in their slot, bookings held to their
 * slot's capacity, bookings naming only the applicant's own application, and bad input answered
 * as problem+json. Last, the end of the mall's day (ADR 0038): the sessions left open are closed
 * by the queue's recurring job once, even though its first run that closes any dies before its
 * commit. The service reads the real clock, so a session is left over from yesterday by moving
 * its opening (and its called ticket's day) back a day in its row.
 */
describe('the mall floor', () => {
  const env = testEnvironment();
  const own = {
    DB_PREFIX: `${env.DB_PREFIX}_floor`,
    SP_NAMESPACE: `${env.SP_NAMESPACE}fl`,
    QUEUE_SESSION_SWEEP_MS: '300',
  };
  const running: ServiceProcess[] = [];
  let queue: ServiceProcess;
  let gateway: ServiceProcess;
  let issuer: TestTokenIssuer;

  const who = {
    mallAdmin: anOfficer('DPMPTSP', ['MALL_ADMIN']),
    dukcapilAdmin: anOfficer('DUKCAPIL', ['AGENCY_ADMIN']),
    puprAdmin: anOfficer('PUPR', ['AGENCY_ADMIN']),
    deskOne: anOfficer('DUKCAPIL', ['FRONT_DESK']),
    deskTwo: anOfficer('DUKCAPIL', ['FRONT_DESK']),
    deskThree: anOfficer('DUKCAPIL', ['FRONT_DESK']),
    verifier: anOfficer('DUKCAPIL', ['VERIFIER']),
    puprDesk: anOfficer('PUPR', ['FRONT_DESK']),
    kioskA: anApiClient(['queue:kiosk']),
    kioskB: anApiClient(['queue:kiosk']),
    surveysKiosk: anApiClient(['surveys:kiosk']),
    siti: anApplicant(),
    budi: anApplicant(),
  } satisfies Record<string, Principal>;
  type Who = keyof typeof who;
  const api = {} as Record<Who, ApiClient>;

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start({ natsUrl: env.NATS_URL, namespace: own.SP_NAMESPACE });
    running.push(
      ...(await Promise.all([
        ServiceProcess.start('intake', { ...own, DEMO_SEED: 'true' }),
        ServiceProcess.start('queue', own),
        // Two hundred numbers in a moment from two kiosks: no caller's limit is what is tested.
        ServiceProcess.start('gateway', { ...own, RATE_LIMIT_PER_CALLER: '100000' }),
      ])),
    );
    [, queue, gateway] = running;
    for (const name of Object.keys(who) as Who[])
      api[name] = await issuer.apiClient(gateway.url, who[name]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(running.map((service) => service.stop()));
    await issuer?.stop();
    await deleteNamespaceStreams(env.NATS_URL, own.SP_NAMESPACE);
  });

  const queueDb = <T>(sql: string, params: unknown[] = []) =>
    queryServiceDb<T>(['queue'], sql, params, own.DB_PREFIX);
  const key = () => ({ 'Idempotency-Key': randomUUID() });

  const putLine = (as: Who, prefix: string, agencyCode: string, serviceCodes: string[]) =>
    api[as].PUT('/v1/queue/lines/{prefix}', {
      params: { path: { prefix } },
      body: { agencyCode, name: `Jalur ${prefix}`, serviceCodes, active: true },
    });
  const issue = (as: Who, body: ApiSchemas['IssueTicketRequest'], idempotencyKey = randomUUID()) =>
    api[as].POST('/v1/queue/tickets', {
      params: { header: { 'Idempotency-Key': idempotencyKey } },
      body,
    });
  const openSession = (as: Who, counterCode: string, serviceCodes: string[]) =>
    api[as].POST('/v1/queue/sessions', {
      params: { header: key() },
      body: { counterCode, serviceCodes },
    });
  const callNext = (as: Who, sessionId: string) =>
    api[as].POST('/v1/queue/sessions/{sessionId}/calls', {
      params: { path: { sessionId }, header: key() },
    });
  const served = (as: Who, sessionId: string) =>
    api[as].POST('/v1/queue/sessions/{sessionId}/served', { params: { path: { sessionId } } });
  const status = (code: string) =>
    api.siti.GET('/v1/queue/tickets/{code}', { params: { path: { code } } });

  it("sets lines, counters and slots as the agency's admin, checked against the catalog", async () => {
    expect(
      (await putLine('dukcapilAdmin', 'B', 'DUKCAPIL', ['DUKCAPIL-KK', 'DUKCAPIL-AKTA-LAHIR']))
        .response.status,
    ).toBe(200);
    const c = await putLine('dukcapilAdmin', 'C', 'DUKCAPIL', ['DUKCAPIL-KTP-EL']);
    expect(c.data).toMatchObject({
      prefix: 'C',
      agencyCode: 'DUKCAPIL',
      serviceCodes: ['DUKCAPIL-KTP-EL'],
    });
    // A mall admin sets any agency's; another agency's admin none.
    expect((await putLine('mallAdmin', 'P', 'PUPR', ['PUPR-PBG'])).response.status).toBe(200);
    expect((await putLine('puprAdmin', 'B', 'DUKCAPIL', ['DUKCAPIL-KK'])).response.status).toBe(
      403,
    );
    expect((await putLine('puprAdmin', 'B', 'PUPR', ['PUPR-SLF'])).response.status).toBe(403);

    const wrong = await putLine('dukcapilAdmin', 'D', 'DUKCAPIL', ['PUPR-SLF', 'NOPE-NOTHING']);
    expect(wrong.response.status).toBe(422);
    expect((wrong.error as Problem).errors?.map((e) => `${e.field}:${e.code}`)).toEqual([
      'serviceCodes.0:service_of_other_agency',
      'serviceCodes.1:unknown_service',
    ]);
    const taken = await putLine('dukcapilAdmin', 'D', 'DUKCAPIL', ['DUKCAPIL-KK']);
    expect(taken.response.status).toBe(409);
    expect(taken.error).toMatchObject({ code: 'queue_service_in_other_line' });

    for (const counterCode of ['1', '2'])
      expect(
        (
          await api.dukcapilAdmin.PUT('/v1/queue/counters/{counterCode}', {
            params: { path: { counterCode } },
            body: { agencyCode: 'DUKCAPIL', name: `Loket ${counterCode}`, active: true },
          })
        ).response.status,
      ).toBe(200);
    expect(
      (
        await api.puprAdmin.PUT('/v1/queue/counters/{counterCode}', {
          params: { path: { counterCode: '1' } },
          body: { agencyCode: 'PUPR', name: 'Loket PUPR', active: true },
        })
      ).response.status,
    ).toBe(403);

    const overlapping = await api.dukcapilAdmin.PUT('/v1/queue/services/{serviceCode}/schedule', {
      params: { path: { serviceCode: 'DUKCAPIL-KK' } },
      body: {
        slots: [
          { start: '08:00', minutes: 60, capacity: 5 },
          { start: '08:30', minutes: 30, capacity: 5 },
        ],
      },
    });
    expect(overlapping.response.status).toBe(422);
    expect((overlapping.error as Problem).errors).toEqual([
      expect.objectContaining({ field: 'slots.1.start', code: 'slot_overlap' }),
    ]);
    for (const [serviceCode, capacity] of [
      ['DUKCAPIL-KK', 8],
      ['DUKCAPIL-AKTA-LAHIR', 3],
    ] as const)
      expect(
        (
          await api.dukcapilAdmin.PUT('/v1/queue/services/{serviceCode}/schedule', {
            params: { path: { serviceCode } },
            body: {
              slots: [
                { start: '08:00', minutes: 60, capacity },
                { start: '13:00', minutes: 60, capacity },
              ],
            },
          })
        ).response.status,
      ).toBe(200);

    // Anyone reads the set-up: a kiosk's menu, a display's counters.
    const lines = await fetch(`${gateway.url}/v1/queue/lines?agencyCode=DUKCAPIL`);
    expect(
      ((await lines.json()) as { items: { prefix: string }[] }).items.map((l) => l.prefix),
    ).toEqual(['B', 'C']);
    const counters = await fetch(`${gateway.url}/v1/queue/counters`);
    expect(((await counters.json()) as { items: { code: string; open: boolean }[] }).items).toEqual(
      [
        expect.objectContaining({ code: '1', open: false }),
        expect.objectContaining({ code: '2', open: false }),
      ],
    );
  });

  it('gives 200 requests from two kiosks at once 200 distinct consecutive numbers', async () => {
    const keys = Array.from({ length: 200 }, () => randomUUID());
    const answers = await Promise.all(
      keys.map((idempotencyKey, i) =>
        issue(
          i % 2 === 0 ? 'kioskA' : 'kioskB',
          { serviceCode: 'DUKCAPIL-KTP-EL' },
          idempotencyKey,
        ),
      ),
    );
    expect(answers.map((answer) => answer.response.status)).toEqual(keys.map(() => 201));
    const numbers = answers.map((answer) => answer.data!.ticketNo!);
    expect(new Set(numbers).size).toBe(200);
    expect([...numbers].sort()).toEqual(
      Array.from({ length: 200 }, (_, i) => `C-${String(i + 1).padStart(3, '0')}`),
    );
    // A retry under its key gets its number again, and takes no new one.
    const retried = await issue('kioskA', { serviceCode: 'DUKCAPIL-KTP-EL' }, keys[0]);
    expect(retried.response.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.data?.ticketNo).toBe(numbers[0]);
    const [counter] = await queueDb<{ last_no: number }>(
      "SELECT last_no FROM ticket_counters WHERE line = 'C'",
    );
    expect(counter.last_no).toBe(200);
  });

  it('gives two officers calling at once different tickets, each ticket once', async () => {
    const issued = [];
    for (let i = 0; i < 10; i++)
      issued.push((await issue('kioskA', { serviceCode: 'DUKCAPIL-KK' })).data!.code);
    const one = await openSession('deskOne', '1', ['DUKCAPIL-KK', 'DUKCAPIL-AKTA-LAHIR']);
    const two = await openSession('deskTwo', '2', ['DUKCAPIL-KK']);
    expect([one.response.status, two.response.status]).toEqual([201, 201]);
    const sessions = { deskOne: one.data!.sessionId, deskTwo: two.data!.sessionId };
    // The counter, and the officer, have one open session each.
    expect((await openSession('deskTwo', '1', ['DUKCAPIL-KK'])).error).toMatchObject({
      code: 'queue_counter_busy',
    });

    const called: string[] = [];
    for (let round = 0; round < 5; round++) {
      const [a, b] = await Promise.all([
        callNext('deskOne', sessions.deskOne),
        callNext('deskTwo', sessions.deskTwo),
      ]);
      expect([a.response.status, b.response.status]).toEqual([201, 201]);
      expect(a.data!.code).not.toBe(b.data!.code);
      expect([a.data!.counterCode, b.data!.counterCode]).toEqual(['1', '2']);
      called.push(a.data!.code, b.data!.code);
      // A counter finishes its ticket before the next.
      expect((await callNext('deskOne', sessions.deskOne)).error).toMatchObject({
        code: 'queue_ticket_in_service',
      });
      await Promise.all([served('deskOne', sessions.deskOne), served('deskTwo', sessions.deskTwo)]);
    }
    expect([...called].sort()).toEqual([...issued].sort());
    expect((await callNext('deskOne', sessions.deskOne)).error).toMatchObject({
      code: 'queue_nothing_waiting',
    });

    // Every call and every served ticket is on the floor's record once, numbered without a gap.
    const floor = await queueDb<{ sequence: string; kind: string }>(
      'SELECT sequence, kind FROM floor_events ORDER BY sequence',
    );
    expect(floor.map((event) => Number(event.sequence))).toEqual(floor.map((_, i) => i + 1));
    expect(floor.filter((event) => event.kind === 'CALLED')).toHaveLength(10);
    expect(floor.filter((event) => event.kind === 'SERVED')).toHaveLength(10);
  });

  /** The first day from tomorrow whose slots of the service can be booked, and a slot of it. */
  async function aBookableSlot(serviceCode: string): Promise<{ day: string; slotStart: string }> {
    let found: { day: string; slotStart: string } | undefined;
    // The calendar reaches the queue service from intake's stream shortly after both start.
    await eventually(async () => {
      for (let ahead = 1; ahead <= 14 && !found; ahead++) {
        const day = new Date(Date.now() + ahead * 86_400_000).toISOString().slice(0, 10);
        const { data } = await api.siti.GET('/v1/queue/services/{serviceCode}/slots', {
          params: { path: { serviceCode }, query: { day } },
        });
        const open = data?.bookable ? data.slots.find((slot) => slot.available > 0) : undefined;
        if (open) found = { day, slotStart: open.slotStart };
      }
      expect(found).toBeDefined();
    });
    return found!;
  }

  const book = (as: Who, body: ApiSchemas['BookVisitRequest']) =>
    api[as].POST('/v1/queue/bookings', { params: { header: key() }, body });

  it('calls a booked visitor before the walk-ins of their slot, then the walk-ins in order', async () => {
    const slot = await aBookableSlot('DUKCAPIL-KK');
    const booking = await book('siti', { serviceCode: 'DUKCAPIL-KK', ...slot });
    expect(booking.response.status).toBe(201);
    expect(booking.data).toMatchObject({ status: 'BOOKED', kind: 'BOOKED', day: slot.day });
    expect(booking.data).not.toHaveProperty('ticketNo');
    // The day of the visit comes, and the slot starts: the booking is moved to now.
    await queueDb(
      `UPDATE tickets SET day = (now() AT TIME ZONE 'Asia/Jakarta')::date,
              slot_start = now() - interval '5 minutes', slot_end = now() + interval '25 minutes'
        WHERE code = $1`,
      [booking.data!.code],
    );
    const first = (await issue('kioskA', { serviceCode: 'DUKCAPIL-KK' })).data!;
    const second = (await issue('kioskB', { serviceCode: 'DUKCAPIL-AKTA-LAHIR' })).data!;
    const typed =
      `${booking.data!.code.slice(0, 3)}-${booking.data!.code.slice(3, 7)}-${booking.data!.code.slice(7)}`.toLowerCase();
    const checkedIn = await api.kioskB.POST('/v1/queue/check-ins', {
      params: { header: key() },
      body: { bookingCode: typed },
    });
    expect(checkedIn.response.status).toBe(201);
    expect(checkedIn.data).toMatchObject({ status: 'WAITING', code: booking.data!.code });
    const later = (await issue('kioskA', { serviceCode: 'DUKCAPIL-KK' })).data!;
    // Checked in after two walk-ins, it is ahead of both.
    expect((await status(first.code)).data).toMatchObject({ status: 'WAITING', ahead: 1 });
    expect((await status(later.code)).data).toMatchObject({ ahead: 3 });
    expect((await status(later.code)).data?.estimatedWaitMinutes).toBeGreaterThanOrEqual(0);

    const { data: session } = await api.deskOne.GET('/v1/queue/sessions/current');
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      const { data } = await callNext('deskOne', session!.sessionId);
      order.push(data!.code);
      await served('deskOne', session!.sessionId);
    }
    expect(order).toEqual([booking.data!.code, first.code, second.code, later.code]);
    const [row] = await queueDb<{ checked_in: boolean; called: boolean; served: boolean }>(
      `SELECT checked_in_at IS NOT NULL AS checked_in, called_at IS NOT NULL AS called,
              served_at IS NOT NULL AS served FROM tickets WHERE code = $1`,
      [booking.data!.code],
    );
    expect(row).toEqual({ checked_in: true, called: true, served: true });
  });

  it("holds a slot to its capacity however many book at once, and frees a cancelled booking's place", async () => {
    const slot = await aBookableSlot('DUKCAPIL-AKTA-LAHIR');
    const applicants = Array.from({ length: 5 }, () => anApplicant());
    const clients = await Promise.all(applicants.map((a) => issuer.apiClient(gateway.url, a)));
    const answers = await Promise.all(
      clients.map((client) =>
        client.POST('/v1/queue/bookings', {
          params: { header: key() },
          body: { serviceCode: 'DUKCAPIL-AKTA-LAHIR', ...slot },
        }),
      ),
    );
    const statuses = answers.map((answer) => answer.response.status).sort();
    expect(statuses).toEqual([201, 201, 201, 409, 409]);
    expect(answers.find((answer) => answer.response.status === 409)?.error).toMatchObject({
      code: 'queue_slot_full',
    });

    const holder = answers.findIndex((answer) => answer.response.status === 201);
    const code = answers[holder].data!.code;
    // To anyone else the booking is not there.
    expect(
      (await api.budi.POST('/v1/queue/bookings/{code}/cancel', { params: { path: { code } } }))
        .response.status,
    ).toBe(404);
    const cancelled = await clients[holder].POST('/v1/queue/bookings/{code}/cancel', {
      params: { path: { code } },
    });
    expect(cancelled.data).toMatchObject({ status: 'CANCELLED' });
    expect(
      (
        await clients[holder].POST('/v1/queue/bookings/{code}/cancel', {
          params: { path: { code } },
        })
      ).error,
    ).toMatchObject({ code: 'queue_booking_refused' });
    const latecomer = clients[answers.findIndex((answer) => answer.response.status === 409)];
    expect(
      (
        await latecomer.POST('/v1/queue/bookings', {
          params: { header: key() },
          body: { serviceCode: 'DUKCAPIL-AKTA-LAHIR', ...slot },
        })
      ).response.status,
    ).toBe(201);
    const [count] = await queueDb<{ booked: number }>(
      "SELECT booked FROM slot_bookings WHERE service_code = 'DUKCAPIL-AKTA-LAHIR'",
    );
    expect(count.booked).toBe(3);

    // One booking per applicant, service and day; a booking of another day is not checked in today.
    const booked = answers.findIndex((answer, i) => answer.response.status === 201 && i !== holder);
    const again = await clients[booked].POST('/v1/queue/bookings', {
      params: { header: key() },
      body: { serviceCode: 'DUKCAPIL-AKTA-LAHIR', day: slot.day, slotStart: '13:00' },
    });
    expect(again.error).toMatchObject({ code: 'queue_booking_exists' });
    const mine = await latecomer.GET('/v1/queue/bookings');
    const future = mine.data!.items[0].code;
    const early = await api.kioskA.POST('/v1/queue/check-ins', {
      params: { header: key() },
      body: { bookingCode: future },
    });
    expect(early.error).toMatchObject({ code: 'queue_check_in_not_today' });
  });

  it('books working days only, not in the past, and names the application a ticket is for', async () => {
    const saturday = new Date();
    saturday.setUTCDate(saturday.getUTCDate() + ((6 - saturday.getUTCDay() + 7) % 7 || 7));
    const weekend = await book('siti', {
      serviceCode: 'DUKCAPIL-KK',
      day: saturday.toISOString().slice(0, 10),
      slotStart: '08:00',
    });
    expect((weekend.error as Problem).errors).toEqual([
      expect.objectContaining({ field: 'day', code: 'day_not_working' }),
    ]);
    const past = await book('siti', {
      serviceCode: 'DUKCAPIL-KK',
      day: '2020-01-02',
      slotStart: '08:00',
    });
    expect((past.error as Problem).errors).toEqual([
      expect.objectContaining({ field: 'day', code: 'day_in_past' }),
    ]);

    // An application at Dukcapil, submitted at the front desk for a walk-in.
    const submitted = await api.deskOne.POST('/v1/applications', {
      body: {
        serviceCode: 'DUKCAPIL-KK',
        channel: 'COUNTER',
        applicant: {
          nik: aNik(),
          name: 'Siti Rahayu',
          birthDate: '1990-06-05',
          consent: { method: 'SIGNED_FORM', reference: 'PRS/2026/03/0042' },
        },
      },
    });
    expect(submitted.response.status).toBe(201);
    const trackingNo = submitted.data!.trackingNo;
    const collect = await issue('kioskA', {
      serviceCode: 'DUKCAPIL-KK',
      purpose: 'COLLECT_OUTPUT',
      trackingNo,
    });
    expect(collect.response.status).toBe(201);
    expect(collect.data).toMatchObject({ purpose: 'COLLECT_OUTPUT', trackingNo });
    // The public status leaves it out.
    const shown = await fetch(`${gateway.url}/v1/queue/tickets/${collect.data!.code}`);
    expect(JSON.stringify(await shown.json())).not.toContain(trackingNo);
    const otherAgency = await issue('kioskA', {
      serviceCode: 'PUPR-PBG',
      purpose: 'COLLECT_OUTPUT',
      trackingNo,
    });
    expect((otherAgency.error as Problem).errors).toEqual([
      expect.objectContaining({ field: 'trackingNo', code: 'application_of_other_agency' }),
    ]);

    // Its event names the application by id; no event of the floor carries a person.
    await eventually(async () => {
      const messages = await readStreams(env.NATS_URL, `${own.SP_NAMESPACE.toUpperCase()}_QUEUE`);
      const issuedForIt = messages.filter(
        (m) =>
          m.subject.includes('.queue.ticket.issued.') &&
          m.data.includes(`"ticketNo":"${collect.data!.ticketNo}"`),
      );
      expect(issuedForIt).toHaveLength(1);
      const payload = JSON.parse(issuedForIt[0].data) as Record<string, unknown>;
      expect(payload.purpose).toBe('COLLECT_OUTPUT');
      expect(payload.applicationId).toMatch(/^[0-9a-f-]{36}$/);
      for (const message of messages) {
        expect(message.data).not.toMatch(/\d{16}/);
        expect(message.data).not.toContain('Siti');
        expect(message.data).not.toContain(who.siti.subject!);
      }
    });
  });

  it("books for the applicant's own application only, answering anyone else's as an unknown one", async () => {
    const apply = async (as: Who) => {
      const { data, response } = await api[as].POST('/v1/applications', {
        body: { serviceCode: 'DUKCAPIL-KK' },
      });
      expect(response.status).toBe(201);
      return data!.trackingNo;
    };
    const sitis = await apply('siti');
    const budis = await apply('budi');
    const slot = await aBookableSlot('DUKCAPIL-KK');
    const naming = (trackingNo: string) =>
      book('siti', {
        serviceCode: 'DUKCAPIL-KK',
        ...slot,
        purpose: 'HAND_IN_DOCUMENTS',
        trackingNo,
      });
    /** A refusal as a caller sees it, without what differs on every answer. */
    const refusal = async (answer: Promise<{ response: Response; error?: unknown }>) => {
      const { response, error } = await answer;
      const {
        instance: _instance,
        requestId: _requestId,
        ...problem
      } = error as Problem & {
        requestId?: string;
      };
      return { status: response.status, problem };
    };

    // Budi's application, and one nobody has, are refused alike: a booking tells nothing of a
    // tracking number that is not the applicant's own.
    const unknown = await refusal(naming(generateTrackingNumber(randomBytes)));
    expect(unknown).toMatchObject({
      status: 422,
      problem: {
        errors: [expect.objectContaining({ field: 'trackingNo', code: 'unknown_application' })],
      },
    });
    expect(await refusal(naming(budis))).toEqual(unknown);
    expect(await queueDb('SELECT 1 FROM tickets WHERE tracking_no = $1', [budis])).toEqual([]);

    const own = await naming(sitis);
    expect(own.response.status).toBe(201);
    expect(own.data).toMatchObject({ status: 'BOOKED', trackingNo: sitis });
    const [row] = await queueDb<{ application_id: string | null }>(
      'SELECT application_id FROM tickets WHERE code = $1',
      [own.data!.code],
    );
    expect(row.application_id).toMatch(/^[0-9a-f-]{36}$/);

    // A kiosk acts for a visitor nobody signed in: any application of the line's agency, which
    // the officer checks at the counter.
    const walkIn = await issue('kioskB', {
      serviceCode: 'DUKCAPIL-KK',
      purpose: 'COLLECT_OUTPUT',
      trackingNo: budis,
    });
    expect(walkIn.response.status).toBe(201);
    expect(walkIn.data).toMatchObject({ status: 'WAITING', trackingNo: budis });
  });

  it('numbers a walk-in, its event and its kept answer in one statement, on the line as it is now', async () => {
    const line = (name: string, active = true) =>
      api.mallAdmin.PUT('/v1/queue/lines/{prefix}', {
        params: { path: { prefix: 'S' } },
        body: { agencyCode: 'DPMPTSP', name, serviceCodes: ['DPMPTSP-REKLAME'], active },
      });
    const counterOfS = async () =>
      (
        await queueDb<{ last_no: number; day: string }>(
          "SELECT last_no, to_char(day, 'YYYY-MM-DD') AS day FROM ticket_counters WHERE line = 'S'",
        )
      )[0];
    const issuedEvents = async (ticketNo: string) =>
      (await readStreams(env.NATS_URL, `${own.SP_NAMESPACE.toUpperCase()}_QUEUE`))
        .filter((m) => m.subject.includes('.queue.ticket.issued.'))
        .map((m) => JSON.parse(m.data) as { ticketNo: string; number: number; line: string })
        .filter((event) => event.ticketNo === ticketNo);

    expect((await line('Jalur S')).response.status).toBe(200);
    const firstKey = randomUUID();
    const first = await issue('kioskA', { serviceCode: 'DPMPTSP-REKLAME' }, firstKey);
    expect(first.response.status).toBe(201);
    expect(first.data).toMatchObject({ ticketNo: 'S-001', line: { prefix: 'S', name: 'Jalur S' } });
    await eventually(async () =>
      expect(await issuedEvents('S-001')).toEqual([
        expect.objectContaining({ ticketNo: 'S-001', number: 1, line: 'S' }),
      ]),
    );

    // The line renamed after this process saw it: the statement notices, the answer says so.
    expect((await line('Loket Reklame')).response.status).toBe(200);
    const renamed = await issue('kioskB', { serviceCode: 'DPMPTSP-REKLAME' });
    expect(renamed.data).toMatchObject({
      ticketNo: 'S-002',
      line: { prefix: 'S', name: 'Loket Reklame' },
    });

    // The answer kept under the key, written by the statement, is the answer given.
    const replayed = await issue('kioskA', { serviceCode: 'DPMPTSP-REKLAME' }, firstKey);
    expect(replayed.response.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.data).toEqual(first.data);

    // Past 999, four digits, in the answer, the kept answer and the event alike.
    const { day } = await counterOfS();
    await queueDb("UPDATE ticket_counters SET last_no = 999 WHERE line = 'S'");
    const thousandthKey = randomUUID();
    const thousandth = await issue('kioskA', { serviceCode: 'DPMPTSP-REKLAME' }, thousandthKey);
    expect(thousandth.data?.ticketNo).toBe('S-1000');
    expect(
      (await issue('kioskA', { serviceCode: 'DPMPTSP-REKLAME' }, thousandthKey)).data?.ticketNo,
    ).toBe('S-1000');
    await eventually(async () =>
      expect(await issuedEvents('S-1000')).toEqual([
        expect.objectContaining({ ticketNo: 'S-1000', number: 1000 }),
      ]),
    );

    // A line out of numbers for the day gives none, and writes nothing.
    await queueDb("UPDATE ticket_counters SET last_no = 9999 WHERE line = 'S'");
    const tickets = async () =>
      (await queueDb<{ n: number }>("SELECT count(*)::int AS n FROM tickets WHERE line = 'S'"))[0]
        .n;
    const before = await tickets();
    const spent = await issue('kioskB', { serviceCode: 'DPMPTSP-REKLAME' });
    expect(spent.response.status).toBe(409);
    expect(spent.error).toMatchObject({ code: 'queue_numbers_exhausted' });
    expect(await tickets()).toBe(before);
    expect(await counterOfS()).toEqual({ last_no: 9999, day });

    // A line closed meanwhile gives none either.
    expect((await line('Loket Reklame', false)).response.status).toBe(200);
    const closed = await issue('kioskA', { serviceCode: 'DPMPTSP-REKLAME' });
    expect(closed.response.status).toBe(422);
    expect((closed.error as Problem).errors).toEqual([
      expect.objectContaining({ field: 'serviceCode', code: 'service_not_in_line' }),
    ]);
  });

  it('answers bad input with problem+json saying what is wrong, in Indonesian unless asked for English', async () => {
    const post = (path: string, body: string, headers: Record<string, string> = {}) =>
      fetch(`${gateway.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
    const kiosk = await issuer.authorization(who.kioskA, { expiresInSeconds: 3600 });
    const malformed = await post(
      '/v1/queue/tickets',
      JSON.stringify({ serviceCode: 'kk', colour: 'red' }),
      kiosk,
    );
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await malformed.json()) as Problem;
    expect(problem.errors?.map((e) => `${e.field}:${e.code}`).sort()).toEqual([
      'colour:unknown_field',
      'serviceCode:service_code_format',
    ]);
    expect(problem.title).toBe('Data tidak valid');

    const english = await post('/v1/queue/tickets', JSON.stringify({ serviceCode: 'PUPR-SLF' }), {
      ...kiosk,
      'accept-language': 'en',
    });
    expect(english.status).toBe(422);
    expect(((await english.json()) as Problem).errors).toEqual([
      expect.objectContaining({
        field: 'serviceCode',
        code: 'service_not_in_line',
        message: 'this service is not numbered on any active line',
      }),
    ]);
    const noApplication = await post(
      '/v1/queue/tickets',
      JSON.stringify({ serviceCode: 'DUKCAPIL-KK', purpose: 'HAND_IN_DOCUMENTS' }),
      kiosk,
    );
    expect(((await noApplication.json()) as Problem).errors).toEqual([
      expect.objectContaining({ field: 'trackingNo', code: 'tracking_no_required' }),
    ]);
    const unknown = await post(
      '/v1/queue/tickets',
      JSON.stringify({
        serviceCode: 'DUKCAPIL-KK',
        purpose: 'HAND_IN_DOCUMENTS',
        trackingNo: '000000000',
      }),
      kiosk,
    );
    expect(((await unknown.json()) as Problem).errors).toEqual([
      expect.objectContaining({ field: 'trackingNo', code: 'unknown_application' }),
    ]);
    expect(
      (
        await post('/v1/queue/tickets', 'serviceCode=DUKCAPIL-KK', {
          ...kiosk,
          'content-type': 'application/x-www-form-urlencoded',
        })
      ).status,
    ).toBe(415);
    expect((await post('/v1/queue/tickets', '{"serviceCode":', kiosk)).status).toBe(400);

    const mistyped = await fetch(`${gateway.url}/v1/queue/tickets/ANT-K7M3-9QX2-D`);
    expect(mistyped.status).toBe(400);
    expect(await mistyped.json()).toMatchObject({ code: 'invalid_ticket_code' });
    const nobodys = await fetch(`${gateway.url}/v1/queue/tickets/ANTK7M39QX2C`);
    expect(nobodys.status).toBe(404);
    const session = await fetch(`${gateway.url}/v1/queue/sessions/nope/calls`, {
      method: 'POST',
      headers: await issuer.authorization(who.deskOne, { expiresInSeconds: 3600 }),
    });
    expect(session.status).toBe(400);
    // A kiosk of surveys only, an officer, an applicant: not a queue kiosk.
    for (const refused of ['surveysKiosk', 'deskOne', 'siti'] as const)
      expect((await issue(refused, { serviceCode: 'DUKCAPIL-KK' })).response.status).toBe(403);
    // Nothing was half-written: no ticket for a service without a line.
    const [{ count }] = await queueDb<{ count: number }>(
      "SELECT count(*)::int AS count FROM tickets WHERE service_code = 'PUPR-SLF'",
    );
    expect(count).toBe(0);
  });

  const putCounter = (counterCode: string) =>
    api.dukcapilAdmin.PUT('/v1/queue/counters/{counterCode}', {
      params: { path: { counterCode } },
      body: { agencyCode: 'DUKCAPIL', name: `Loket ${counterCode}`, active: true },
    });

  it('refuses an officer a second session while one is open at another counter, naming it', async () => {
    for (const counterCode of ['3', '4'])
      expect((await putCounter(counterCode)).response.status).toBe(200);
    const second = await openSession('deskOne', '3', ['DUKCAPIL-KK']);
    expect(second.response.status).toBe(409);
    expect(second.response.headers.get('content-type')).toContain('application/problem+json');
    expect(second.error).toMatchObject({ status: 409, code: 'queue_officer_busy' });
    expect((second.error as Problem).detail).toContain('loket 1');
    // The other counter stays free; the officer's own session is untouched.
    expect(await queueDb("SELECT 1 FROM counter_sessions WHERE counter_code = '3'")).toEqual([]);
    expect((await api.deskOne.GET('/v1/queue/sessions/current')).data).toMatchObject({
      counterCode: '1',
    });
  });

  it("closes every session left open past the end of the mall's day once, its called ticket a no-show", async () => {
    /** Moves a session's opening, and the day of the tickets called to it, back a day. */
    const leaveOverFromYesterday = async (sessionId: string) => {
      await queueDb(
        "UPDATE counter_sessions SET opened_at = opened_at - interval '1 day' WHERE id = $1",
        [sessionId],
      );
      await queueDb(
        `UPDATE tickets SET day = day - 1, checked_in_at = checked_in_at - interval '1 day',
                called_at = called_at - interval '1 day',
                last_called_at = last_called_at - interval '1 day'
          WHERE session_id = $1`,
        [sessionId],
      );
    };
    const sessionRow = async (sessionId: string) =>
      (
        await queueDb<{ closed_at: Date | null; closed_by: string | null }>(
          'SELECT closed_at, closed_by FROM counter_sessions WHERE id = $1',
          [sessionId],
        )
      )[0];
    const noShows = () =>
      queueDb<{ ticket_no: string; counter_code: string }>(
        "SELECT ticket_no, counter_code FROM floor_events WHERE kind = 'NO_SHOW'",
      );
    expect(await noShows()).toEqual([]);
    // From now on the first run that closes sessions at the day's end dies before its commit.
    // Armed only here: a suite that ran across the mall's midnight would otherwise lose its queue
    // in whichever test was running then.
    await queue.stop();
    queue = await ServiceProcess.start('queue', {
      ...own,
      SP_FAILPOINT: 'queue-sessions-close-before-commit',
    });
    running[1] = queue;

    // Yesterday: desk three called a visitor and never finished; the verifier called nobody.
    await issue('kioskA', { serviceCode: 'DUKCAPIL-KK' });
    const three = (await openSession('deskThree', '3', ['DUKCAPIL-KK'])).data!;
    const four = (await openSession('verifier', '4', ['DUKCAPIL-KK'])).data!;
    const called = (await callNext('deskThree', three.sessionId)).data!;
    expect(called).toMatchObject({ status: 'CALLED', counterCode: '3' });
    const today = (await api.deskOne.GET('/v1/queue/sessions/current')).data!;
    await leaveOverFromYesterday(three.sessionId);
    await leaveOverFromYesterday(four.sessionId);

    // The run that closes them dies before it commits: both still open, the ticket still called.
    expect(await queue.exited()).toMatchObject({ signal: 'SIGKILL' });
    expect(await sessionRow(three.sessionId)).toEqual({ closed_at: null, closed_by: null });
    expect(await sessionRow(four.sessionId)).toEqual({ closed_at: null, closed_by: null });
    expect(await noShows()).toEqual([]);

    queue = await ServiceProcess.start('queue', own);
    running[1] = queue;
    await eventually(async () => {
      expect(await sessionRow(three.sessionId)).toMatchObject({ closed_by: 'system:end-of-day' });
      expect(await sessionRow(four.sessionId)).toMatchObject({ closed_by: 'system:end-of-day' });
    });
    // Today's session is left alone; the visitor left at the counter is a no-show, on the record.
    expect(await sessionRow(today.sessionId)).toEqual({ closed_at: null, closed_by: null });
    expect(await noShows()).toEqual([{ ticket_no: called.ticketNo, counter_code: '3' }]);
    expect((await status(called.code)).data).toMatchObject({ status: 'NO_SHOW', counterCode: '3' });

    // Its officer finds no session of theirs open, and opens today's.
    const current = await api.deskThree.GET('/v1/queue/sessions/current');
    expect(current.response.status).toBe(404);
    expect(current.error).toMatchObject({ code: 'queue_no_open_session' });
    const fresh = await openSession('deskThree', '3', ['DUKCAPIL-KK']);
    expect(fresh.response.status).toBe(201);

    // A later run closes a newly left session and repeats nothing of the first.
    const closedAt = (await sessionRow(three.sessionId)).closed_at;
    await leaveOverFromYesterday(fresh.data!.sessionId);
    await eventually(async () =>
      expect(await sessionRow(fresh.data!.sessionId)).toMatchObject({
        closed_by: 'system:end-of-day',
      }),
    );
    expect((await sessionRow(three.sessionId)).closed_at).toEqual(closedAt);
    expect(await noShows()).toHaveLength(1);
    await eventually(async () => {
      const noShowEvents = (
        await readStreams(env.NATS_URL, `${own.SP_NAMESPACE.toUpperCase()}_QUEUE`)
      ).filter((m) => m.subject.includes('.queue.ticket.closed.') && m.data.includes('NO_SHOW'));
      expect(noShowEvents).toHaveLength(1);
      expect(JSON.parse(noShowEvents[0].data)).toMatchObject({
        ticketNo: called.ticketNo,
        counterCode: '3',
        outcome: 'NO_SHOW',
      });
    });
  });
});
