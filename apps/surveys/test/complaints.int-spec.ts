import { runInContext } from '@satupintu/common';
import {
  ActOnComplaint,
  ComplaintEscalated,
  FollowComplaint,
  GetComplaint,
  GetComplaintFigures,
  ListComplaintEscalations,
  ListComplaints,
  SURVEYS_STREAM,
  SubmitComplaint,
  type ComplaintEscalatedV1,
  type ComplaintReceiptV1,
  type Principal,
  type RequestContract,
} from '@satupintu/contracts';
import { RpcClient, streamName } from '@satupintu/messaging';
import {
  ServiceProcess,
  anApplicant,
  anOfficer,
  deleteNamespaceStreams,
  domainErrorOf,
  eventually,
  queryServiceDb,
  readStreams,
  testEnvironment,
} from '@satupintu/testing';
import { randomUUID } from 'node:crypto';

const SERVICE = 'DUKCAPIL-AKTA-LAHIR';
const WIB = (local: string) => new Date(`${local}+07:00`).toISOString();
const ANONYMOUS: Principal = { kind: 'anonymous', roles: [], scopes: [] };

/**
 * Complaints through the surveys service, on the mall's real calendar (intake seeds the SKB days
 * off and surveys follows them): deadlines across Nyepi, Idul Fitri and their cuti bersama, and
 * Good Friday; each missed deadline escalated exactly once, even though the first sweep that
 * escalates dies before it commits; the automatic close; one dispute; following anonymously;
 * who may do what; and the handling figures against hand-computed ones.
 *
 * The service reads the real clock, so a complaint is moved into the past by rewriting its times
 * in its row and clearing its calendar stamp, as if it had been counted on an older calendar: the
 * service then counts its deadlines again itself, which is what it does when a decree is amended.
 */
describe('complaints on the shared calendar', () => {
  const env = testEnvironment();
  const own = {
    SP_NAMESPACE: `${env.SP_NAMESPACE}cp`,
    DB_PREFIX: `${env.DB_PREFIX}_cp`,
    SURVEYS_COMPLAINT_SWEEP_MS: '300',
  };
  const running: ServiceProcess[] = [];
  let rpc: RpcClient;
  const db = <T>(sql: string, params: unknown[] = []) =>
    queryServiceDb<T>(['surveys'], sql, params, own.DB_PREFIX);

  const mallAdmin = anOfficer('DPMPTSP', ['MALL_ADMIN']);
  const verifier = anOfficer('DUKCAPIL', ['VERIFIER']);
  const dukcapilAdmin = anOfficer('DUKCAPIL', ['AGENCY_ADMIN']);
  const puprAdmin = anOfficer('PUPR', ['AGENCY_ADMIN']);
  const siti = anApplicant();
  const budi = anApplicant();

  const ask = <Req, Res>(contract: RequestContract<Req, Res>, principal: Principal, body: Req) =>
    runInContext({ requestId: randomUUID(), traceparent: '', principal }, () =>
      rpc.request(contract, body),
    );
  const submit = (principal: Principal, text = 'Petugas loket meminta biaya tambahan.') =>
    ask(SubmitComplaint, principal, {
      kind: 'PENGADUAN',
      subjectKind: 'SERVICE',
      serviceCode: SERVICE,
      text,
    });
  const act = (
    principal: Principal,
    complaintNo: string,
    action: 'ROUTE' | 'ANSWER' | 'DISPUTE',
    followSecret?: string,
  ) =>
    ask(ActOnComplaint, principal, {
      complaintNo,
      action,
      text: `${action} oleh ${principal.kind}`,
      ...(followSecret ? { followSecret } : {}),
    });
  /** Moves a complaint's times into the past; the sweep counts its deadlines again. */
  const backdate = (complaintNo: string, columns: Record<string, string>) =>
    db(
      `UPDATE complaints SET ${Object.keys(columns)
        .map((column, i) => `${column} = $${i + 2}`)
        .join(', ')}, calendar_versions = '' WHERE complaint_no = $1`,
      [complaintNo, ...Object.values(columns)],
    );
  const row = async (complaintNo: string) =>
    (
      await db<{ status: string; due_what: string | null; due_at: Date | null }>(
        'SELECT status, due_what, due_at FROM complaints WHERE complaint_no = $1',
        [complaintNo],
      )
    )[0];
  const escalationsOf = (complaintNo: string) =>
    db<{ stage: string; round: number; deadline: Date }>(
      `SELECT e.stage, e.round, e.deadline FROM complaint_escalations e
         JOIN complaints c ON c.id = e.complaint_id
        WHERE c.complaint_no = $1 ORDER BY e.escalated_at`,
      [complaintNo],
    );

  let identity: ServiceProcess;

  beforeAll(async () => {
    running.push(await ServiceProcess.start('intake', { ...own, DEMO_SEED: 'true' }));
    // The first sweep that escalates dies before it commits: nothing of it may be kept.
    running.push(
      await ServiceProcess.start('surveys', {
        ...own,
        SP_FAILPOINT: 'complaint-sweep-before-commit',
      }),
    );
    identity = await ServiceProcess.start('identity', { ...own, NODE_ENV: 'test' });
    running.push(identity);
    rpc = new RpcClient({
      url: env.NATS_URL,
      namespace: own.SP_NAMESPACE,
      timeoutMs: 10_000,
      name: 'complaints-test',
    });
    // Surveys holds intake's calendar of 2026 before anything is counted on it.
    await eventually(async () => {
      const years = await db<{ year: number }>('SELECT year FROM working_day_calendar');
      expect(years.map((y) => y.year)).toContain(2026);
    }, 30_000);
  }, 120_000);

  afterAll(async () => {
    if (rpc) await rpc.onApplicationShutdown();
    await Promise.all(running.map((service) => service.stop()));
    await deleteNamespaceStreams(env.NATS_URL, own.SP_NAMESPACE);
  });

  let nyepi: ComplaintReceiptV1;

  it('counts routing, answering and closing across Nyepi, Idul Fitri and Good Friday, escalating each missed deadline once', async () => {
    nyepi = await submit(ANONYMOUS);
    expect(nyepi).toMatchObject({ status: 'SUBMITTED', agencyCode: 'DUKCAPIL' });
    expect(nyepi.complaintNo).toMatch(/^ADU[0-9A-HJKMNP-TV-Z]{9}$/);

    // Submitted Tuesday 17 March 2026: 18 (cuti bersama Nyepi), 19 (Nyepi), 20, 23, 24 (cuti
    // bersama Idul Fitri) and the weekends are off; 25, 26, 27 count: routed by the end of the 27th.
    await backdate(nyepi.complaintNo, { submitted_at: WIB('2026-03-17T10:00:00') });
    const surveys = running[1];
    // The sweep that escalates it is killed before its commit.
    expect(await surveys.exited()).toMatchObject({ signal: 'SIGKILL' });
    expect(await escalationsOf(nyepi.complaintNo)).toEqual([]);
    running[1] = await ServiceProcess.start('surveys', own);
    await eventually(async () =>
      expect(await escalationsOf(nyepi.complaintNo)).toEqual([
        { stage: 'ROUTE', round: 1, deadline: new Date(WIB('2026-03-28T00:00:00')) },
      ]),
    );

    // Routed on 27 March: 30, 31 March, 1, 2 April, (Good Friday 3 April), 6 April.
    await act(mallAdmin, nyepi.complaintNo, 'ROUTE');
    await backdate(nyepi.complaintNo, {
      routed_at: WIB('2026-03-27T15:00:00'),
      answer_round_from: WIB('2026-03-27T15:00:00'),
    });
    await eventually(async () =>
      expect((await escalationsOf(nyepi.complaintNo)).map((e) => [e.stage, e.deadline])).toEqual([
        ['ROUTE', new Date(WIB('2026-03-28T00:00:00'))],
        ['ANSWER', new Date(WIB('2026-04-07T00:00:00'))],
      ]),
    );

    // Answered on 6 April, never disputed: 7–10, 13–17, 20 April; closed at the end of the 20th.
    await act(verifier, nyepi.complaintNo, 'ANSWER');
    expect(await row(nyepi.complaintNo)).toMatchObject({ status: 'ANSWERED', due_what: 'CLOSE' });
    await backdate(nyepi.complaintNo, { answered_at: WIB('2026-04-06T10:00:00') });
    await eventually(async () =>
      expect(await row(nyepi.complaintNo)).toEqual({
        status: 'CLOSED',
        due_what: null,
        due_at: null,
      }),
    );

    // Mall management's list and the stream: exactly one escalation per missed deadline.
    const listed = await ask(ListComplaintEscalations, mallAdmin, { limit: 10 });
    expect(listed.items).toEqual([
      {
        complaintNo: nyepi.complaintNo,
        agencyCode: 'DUKCAPIL',
        stage: 'ANSWER',
        deadline: '2026-04-07T00:00:00.000+07:00',
        escalatedAt: expect.stringMatching(/\+07:00$/) as string,
        status: 'CLOSED',
      },
      expect.objectContaining({ stage: 'ROUTE', deadline: '2026-03-28T00:00:00.000+07:00' }),
    ]);
    await eventually(async () => {
      const stored = await readStreams(
        env.NATS_URL,
        streamName(own.SP_NAMESPACE, SURVEYS_STREAM.name),
      );
      const events = stored.map((m) => JSON.parse(m.data) as ComplaintEscalatedV1);
      expect(events.map((e) => [e.complaintNo, e.stage, e.deadline]).sort()).toEqual([
        [nyepi.complaintNo, 'ANSWER', '2026-04-07T00:00:00.000+07:00'],
        [nyepi.complaintNo, 'ROUTE', '2026-03-28T00:00:00.000+07:00'],
      ]);
      for (const message of stored) {
        expect(message.subject).toBe(
          `${own.SP_NAMESPACE}.events.${ComplaintEscalated.subject}.DUKCAPIL`,
        );
        // Ids only: no text, no contact.
        expect(message.data).not.toContain('biaya');
      }
    });

    // The reporter follows it by number and secret, and sees each step.
    const followed = await ask(FollowComplaint, ANONYMOUS, {
      complaintNo: nyepi.complaintNo,
      followSecret: nyepi.followSecret,
    });
    expect(followed.steps.map((s) => [s.step, s.stage])).toEqual([
      ['SUBMITTED', undefined],
      ['ESCALATED', 'ROUTE'],
      ['ROUTED', undefined],
      ['ESCALATED', 'ANSWER'],
      ['ANSWERED', undefined],
      ['CLOSED', undefined],
    ]);
    expect(followed).toMatchObject({ status: 'CLOSED', disputable: false });
    expect(followed.due).toBeUndefined();
  }, 120_000);

  it('reopens once on a dispute; a second dispute is refused', async () => {
    const receipt = await submit(siti);
    await act(mallAdmin, receipt.complaintNo, 'ROUTE');
    await act(verifier, receipt.complaintNo, 'ANSWER');
    // The anonymous way (the secret) works for a signed-in reporter too; here, signed in.
    const reopened = await act(siti, receipt.complaintNo, 'DISPUTE');
    expect(reopened).toMatchObject({ status: 'REOPENED', due: { what: 'ANSWER' } });
    const again = await act(dukcapilAdmin, receipt.complaintNo, 'ANSWER');
    expect(again).toMatchObject({ status: 'ANSWERED', disputable: false });
    const refused = await domainErrorOf(
      act(ANONYMOUS, receipt.complaintNo, 'DISPUTE', receipt.followSecret),
    );
    expect(refused).toMatchObject({
      status: 409,
      code: 'complaint_action_refused',
      params: { reason: 'dispute_used' },
    });
  });

  it("tells a reporter who left a contact of each step through identity's notifier", async () => {
    const receipt = await ask(SubmitComplaint, ANONYMOUS, {
      kind: 'PENGADUAN',
      subjectKind: 'SERVICE',
      serviceCode: SERVICE,
      text: 'Antrean tidak dipanggil sesuai nomor.',
      contactPhone: '+6281234567890',
    });
    await act(mallAdmin, receipt.complaintNo, 'ROUTE');
    await act(verifier, receipt.complaintNo, 'ANSWER');
    const told = await eventually(() => {
      const lines = identity
        .logs()
        .split('\n')
        .filter((line) => line.includes('complaint update (log notifier'))
        .map((line) => JSON.parse(line) as Record<string, string>)
        .filter((line) => line.complaintNo === receipt.complaintNo);
      expect(lines.map((line) => line.step)).toEqual(['ROUTED', 'ANSWERED']);
      return lines;
    });
    for (const line of told) {
      expect(line).toMatchObject({ channel: 'PHONE', to: '+62812****890', language: 'id' });
      // Neither the complaint's words nor the whole number.
      expect(JSON.stringify(line)).not.toMatch(/Antrean|6281234567890/);
    }
  });

  it('lets an anonymous reporter follow only with the secret, as if unknown otherwise', async () => {
    const receipt = await submit(ANONYMOUS);
    const followed = await ask(FollowComplaint, ANONYMOUS, {
      complaintNo: receipt.complaintNo,
      followSecret: receipt.followSecret,
    });
    expect(followed).toMatchObject({ complaintNo: receipt.complaintNo, status: 'SUBMITTED' });
    const wrong = `${receipt.followSecret.slice(0, 21)}${receipt.followSecret[21] === 'A' ? 'B' : 'A'}`;
    const unknown = `ADU${receipt.complaintNo.slice(3, 11)}${receipt.complaintNo[11] === '0' ? '1' : '0'}`;
    for (const [complaintNo, followSecret] of [
      [receipt.complaintNo, wrong],
      [unknown, receipt.followSecret],
    ])
      expect(
        await domainErrorOf(ask(FollowComplaint, ANONYMOUS, { complaintNo, followSecret })),
      ).toMatchObject({ status: 404, code: 'complaint_not_found' });
  });

  it('lets each party do only its part', async () => {
    const receipt = await submit(siti);
    const no = receipt.complaintNo;
    const outcome = (promise: Promise<unknown>) =>
      promise.then(
        () => 'allowed',
        (e: { status: number }) => e.status,
      );
    // Reading: the reporter, the mall, the owning agency; another applicant or agency: unknown.
    expect(await outcome(ask(GetComplaint, siti, { complaintNo: no }))).toBe('allowed');
    expect(await outcome(ask(GetComplaint, mallAdmin, { complaintNo: no }))).toBe('allowed');
    // The agency sees it once the mall has routed it.
    expect(await outcome(ask(GetComplaint, verifier, { complaintNo: no }))).toBe(404);
    expect(await outcome(ask(GetComplaint, budi, { complaintNo: no }))).toBe(404);
    expect(await outcome(ask(GetComplaint, puprAdmin, { complaintNo: no }))).toBe(404);
    // Routing is the mall's; answering the owning agency's; disputing the reporter's.
    expect(await outcome(act(verifier, no, 'ROUTE'))).toBe(404);
    expect(await outcome(act(budi, no, 'ROUTE'))).toBe(404);
    expect(await outcome(act(mallAdmin, no, 'ROUTE'))).toBe('allowed');
    expect(await outcome(ask(GetComplaint, verifier, { complaintNo: no }))).toBe('allowed');
    expect(await outcome(act(mallAdmin, no, 'ANSWER'))).toBe(403);
    expect(await outcome(act(puprAdmin, no, 'ANSWER'))).toBe(404);
    expect(await outcome(act(verifier, no, 'ANSWER'))).toBe('allowed');
    expect(await outcome(act(verifier, no, 'DISPUTE'))).toBe(403);
    expect(await outcome(act(budi, no, 'DISPUTE'))).toBe(404);
    // Officers and API clients do not submit as reporters.
    expect(await outcome(submit(verifier))).toBe(403);
    // Lists: an agency's officers see its own; every agency's, the mall only.
    const own = await ask(ListComplaints, verifier, { agencyCode: 'DUKCAPIL', limit: 100 });
    expect(own.items.map((i) => i.complaintNo)).toContain(no);
    expect(await outcome(ask(ListComplaints, verifier, { limit: 5 }))).toBe(403);
    expect(
      await outcome(ask(ListComplaints, puprAdmin, { agencyCode: 'DUKCAPIL', limit: 5 })),
    ).toBe(403);
    expect(
      await outcome(ask(ListComplaintEscalations, verifier, { agencyCode: 'DUKCAPIL', limit: 5 })),
    ).toBe(403);
    expect(await outcome(ask(ListComplaintEscalations, ANONYMOUS, { limit: 5 }))).toBe(401);
  });

  it('routes a complaint to the agency that owns its subject, and refuses one it cannot find', async () => {
    const pupr = await ask(SubmitComplaint, ANONYMOUS, {
      kind: 'ASPIRASI',
      subjectKind: 'SERVICE',
      serviceCode: 'PUPR-PBG',
      text: 'Mohon ruang tunggu diberi kipas angin.',
    });
    expect(pupr.agencyCode).toBe('PUPR');
    for (const request of [
      { subjectKind: 'SERVICE' as const, serviceCode: 'NOPE-NOTHING' },
      { subjectKind: 'APPLICATION' as const, trackingNo: 'K7M39QX2C' },
      { subjectKind: 'BUNDLE_STEP' as const, trackingNo: 'K7M39QX2C' },
    ])
      expect(
        await domainErrorOf(
          ask(SubmitComplaint, ANONYMOUS, {
            kind: 'PERMINTAAN_INFORMASI',
            text: 'Berapa lama proses ini?',
            ...request,
          }),
        ),
      ).toMatchObject({ status: 404, code: 'complaint_subject_not_found' });
  });

  it('computes the handling figures per agency in SQL, as counted by hand', async () => {
    // Seeded, all closed (the sweep leaves them alone), in January 2026 in Jakarta.
    const seed = async (
      agency: string,
      submitted: string,
      routedOnTime: boolean,
      answeredOnTime: boolean,
      workingDays: number,
      escalations: ('ROUTE' | 'ANSWER')[],
    ) => {
      const id = randomUUID();
      const at = new Date(WIB(submitted));
      const due = new Date(at.getTime() + 3 * 86_400_000);
      const routed = new Date(due.getTime() + (routedOnTime ? -3_600_000 : 3_600_000));
      const answerDue = new Date(routed.getTime() + 7 * 86_400_000);
      const answered = new Date(answerDue.getTime() + (answeredOnTime ? -1 : 0));
      await db(
        `INSERT INTO complaints (id, complaint_no, follow_secret_sha256, kind, status, subject_kind,
           service_code, agency_code, time_zone, text, submitted_at, routed_at, answer_round_from,
           answered_at, first_answered_at, closed_at, route_due_at, first_answer_due_at,
           answer_working_days, calendar_versions)
         VALUES ($1, $2, '\\x00', 'PENGADUAN', 'CLOSED', 'SERVICE', 'X-SEED', $3, 'Asia/Jakarta',
           'seeded', $4, $5, $5, $6, $6, $6, $7, $8, $9, '')`,
        [
          id,
          `ADU${id
            .replace(/-/g, '')
            .slice(0, 9)
            .toUpperCase()
            .replace(/[ILOU]/g, '0')}`,
          agency,
          at,
          routed,
          answered,
          due,
          answerDue,
          workingDays,
        ],
      );
      for (const stage of escalations)
        await db(
          `INSERT INTO complaint_escalations (complaint_id, stage, round, deadline, agency_code, escalated_at)
           VALUES ($1, $2, 1, $3, $4, $3)`,
          [id, stage, stage === 'ROUTE' ? due : answerDue, agency],
        );
    };
    await seed('FIGA', '2026-01-05T09:00:00', true, true, 2, []);
    await seed('FIGA', '2026-01-12T09:00:00', false, true, 4, ['ROUTE']);
    await seed('FIGA', '2026-01-20T09:00:00', true, false, 6, ['ANSWER']);
    // 16:30 UTC on 31 January, still January in Jakarta: counted.
    await seed('FIGA', '2026-01-31T23:30:00', false, false, 5, ['ROUTE', 'ANSWER']);
    // 17:30 UTC on 31 January, but 1 February in Jakarta: not counted.
    await seed('FIGA', '2026-02-01T00:30:00', true, true, 9, []);
    await seed('FIGB', '2026-01-06T09:00:00', true, true, 3, []);
    await seed('FIGB', '2026-01-07T09:00:00', true, true, 4, []);

    const figures = await ask(GetComplaintFigures, mallAdmin, {
      from: '2026-01-01',
      to: '2026-02-01',
    });
    expect(figures.agencies).toEqual([
      // Received 4; routed on time #1 and #3; answered on time #1 and #2; escalated #2, #3, #4
      // (#4 twice, one complaint); working days 2, 4, 5, 6: the median is 4.5.
      {
        agencyCode: 'FIGA',
        received: 4,
        routedOnTime: 2,
        answeredOnTime: 2,
        escalated: 3,
        medianAnswerWorkingDays: 4.5,
      },
      {
        agencyCode: 'FIGB',
        received: 2,
        routedOnTime: 2,
        answeredOnTime: 2,
        escalated: 0,
        medianAnswerWorkingDays: 3.5,
      },
    ]);
    const figaAdmin = anOfficer('FIGA', ['AGENCY_ADMIN']);
    const own = await ask(GetComplaintFigures, figaAdmin, {
      agencyCode: 'FIGA',
      from: '2026-01-01',
      to: '2026-02-01',
    });
    expect(own.agencies).toEqual([figures.agencies[0]]);
    expect(
      (
        await domainErrorOf(
          ask(GetComplaintFigures, figaAdmin, {
            agencyCode: 'FIGB',
            from: '2026-01-01',
            to: '2026-02-01',
          }),
        )
      ).status,
    ).toBe(403);
  });
});
