import { AgencyChanged, type AgencyChangedV1 } from '@satupintu/contracts';
import {
  ServiceProcess,
  eventually,
  publishEvents,
  queryServiceDb,
  testEnvironment,
} from '@satupintu/testing';

/**
 * Identity owns the agency record; intake's catalog follows its events, keeping the newest
 * version whatever order they come in, and stops taking applications for an agency identity
 * has deactivated.
 */
describe("intake's catalog following identity's agencies", () => {
  const env = testEnvironment();
  let intake: ServiceProcess;

  beforeAll(async () => {
    intake = await ServiceProcess.start('intake', { DEMO_SEED: 'true' });
  });

  afterAll(async () => {
    await intake?.stop();
  });

  const agency = (code: string, version: number, extra: Partial<AgencyChangedV1> = {}) => ({
    code,
    name: `Dinas ${code} v${version}`,
    timeZone: 'Asia/Makassar' as const,
    active: true,
    version,
    changedAt: new Date().toISOString(),
    ...extra,
  });

  const row = async (code: string) =>
    (
      await queryServiceDb<{ name: string; time_zone: string; active: boolean; version: number }>(
        ['intake'],
        'SELECT name, time_zone, active, version FROM agencies WHERE code = $1',
        [code],
      )
    )[0];

  it('adds an agency identity announces, and keeps the newest version', async () => {
    const code = `AG${Date.now().toString(36).toUpperCase().slice(-6)}`;
    await publishEvents(env.NATS_URL, env.SP_NAMESPACE, AgencyChanged, [
      agency(code, 1),
      agency(code, 3, { name: 'Dinas baru' }),
      agency(code, 2, { name: 'Dinas lama' }),
    ]);
    await eventually(async () =>
      expect(await row(code)).toEqual({
        name: 'Dinas baru',
        time_zone: 'Asia/Makassar',
        active: true,
        version: 3,
      }),
    );
  });

  it("replaces the demo seed's copy with identity's record, and follows a deactivation", async () => {
    expect((await row('PUPR'))?.version).toBe(0);
    await publishEvents(env.NATS_URL, env.SP_NAMESPACE, AgencyChanged, [
      agency('PUPR', 1, { name: 'Dinas PUPR', timeZone: 'Asia/Jakarta', active: false }),
    ]);
    await eventually(async () =>
      expect(await row('PUPR')).toMatchObject({ version: 1, active: false }),
    );
    // Put it back as it was for the suites after this one.
    await publishEvents(env.NATS_URL, env.SP_NAMESPACE, AgencyChanged, [
      agency('PUPR', 2, {
        name: 'Dinas Pekerjaan Umum dan Penataan Ruang',
        timeZone: 'Asia/Jakarta',
        active: true,
      }),
    ]);
    await eventually(async () =>
      expect(await row('PUPR')).toMatchObject({ version: 2, active: true }),
    );
  });
});
