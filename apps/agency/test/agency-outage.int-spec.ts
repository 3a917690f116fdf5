import {
  ServiceProcess,
  TestTokenIssuer,
  aFrontDeskOfficer,
  anApplication,
  eventually,
  queryServiceDb,
} from '@satupintu/testing';

/**
 * An agency's deployment goes down while citizens keep applying. Intake keeps accepting; the
 * applications wait in JetStream on the agency's durable consumer; when the agency comes back
 * it takes every one of them: none lost, none twice.
 */
describe('an agency that is down while applications arrive', () => {
  const AGENCY = 'DUKCAPIL';
  let intake: ServiceProcess;
  let tracking: ServiceProcess;
  let gateway: ServiceProcess;
  let agency: ServiceProcess | undefined;
  let issuer: TestTokenIssuer;
  let authorization: { authorization: string };

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    authorization = await issuer.authorization(aFrontDeskOfficer(), { expiresInSeconds: 3600 });
    [intake, tracking, gateway, agency] = await Promise.all([
      ServiceProcess.start('intake', { DEMO_SEED: 'true' }),
      ServiceProcess.start('tracking'),
      ServiceProcess.start('gateway'),
      ServiceProcess.start('agency', { AGENCY_CODE: AGENCY }),
    ]);
  });

  afterAll(async () => {
    for (const service of [intake, tracking, gateway, agency]) await service?.stop();
    await issuer?.stop();
  });

  it('processes every application after it restarts, each exactly once', async () => {
    // The agency is up first, so its durable consumer exists; then it shuts down by itself.
    expect(await agency!.stop()).toEqual({ code: null, signal: 'SIGTERM' });
    agency = undefined;

    const submitted: string[] = [];
    for (let i = 0; i < 40; i++) {
      const response = await fetch(`${gateway.url}/v1/applications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...authorization },
        body: JSON.stringify(
          anApplication({ serviceCode: i % 2 ? 'DUKCAPIL-KK' : 'DUKCAPIL-AKTA-LAHIR' }),
        ),
      });
      expect(response.status).toBe(201);
      submitted.push(((await response.json()) as { trackingNo: string }).trackingNo);
    }

    // While the agency is away, the applications are recorded as submitted and wait.
    await eventually(async () => {
      const rows = await queryServiceDb<{ n: number }>(
        ['tracking'],
        "SELECT count(*)::int AS n FROM timeline_entries WHERE status = 'SUBMITTED' AND tracking_no = ANY($1)",
        [submitted],
      );
      expect(rows[0].n).toBe(submitted.length);
    });
    const verifyingWhileDown = await queryServiceDb(
      ['tracking'],
      "SELECT 1 FROM timeline_entries WHERE status = 'VERIFYING' AND tracking_no = ANY($1)",
      [submitted],
    );
    expect(verifyingWhileDown).toHaveLength(0);

    agency = await ServiceProcess.start('agency', { AGENCY_CODE: AGENCY });

    await eventually(async () => {
      const cases = await queryServiceDb<{ tracking_no: string; status: string }>(
        ['agency', AGENCY],
        'SELECT tracking_no, status FROM cases WHERE tracking_no = ANY($1)',
        [submitted],
      );
      expect(cases.map((c) => c.tracking_no).sort()).toEqual([...submitted].sort());
      expect(new Set(cases.map((c) => c.status))).toEqual(new Set(['VERIFYING']));
    }, 30_000);

    // None twice: one status change per case in the agency, one VERIFYING entry per timeline.
    const changes = await queryServiceDb<{ tracking_no: string; n: number }>(
      ['agency', AGENCY],
      `SELECT c.tracking_no, count(*)::int AS n FROM case_history s JOIN cases c USING (application_id)
        WHERE c.tracking_no = ANY($1) GROUP BY c.tracking_no`,
      [submitted],
    );
    expect(changes).toHaveLength(submitted.length);
    expect(changes.every((row) => row.n === 1)).toBe(true);
    await eventually(async () => {
      const entries = await queryServiceDb<{ status: string; n: number }>(
        ['tracking'],
        'SELECT status, count(*)::int AS n FROM timeline_entries WHERE tracking_no = ANY($1) GROUP BY status ORDER BY status',
        [submitted],
      );
      expect(entries).toEqual([
        { status: 'SUBMITTED', n: submitted.length },
        { status: 'VERIFYING', n: submitted.length },
      ]);
    });
  });
});
