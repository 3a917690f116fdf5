import { ServiceProcess, queryServiceDb } from '@satupintu/testing';
import { randomUUID } from 'node:crypto';

/** What the timeline says happened cannot be rewritten, not even by hand in the database. */
describe('the timeline table', () => {
  let tracking: ServiceProcess;

  beforeAll(async () => {
    tracking = await ServiceProcess.start('tracking');
    await queryServiceDb(
      ['tracking'],
      `INSERT INTO timeline_entries
         (event_id, application_id, tracking_no, status, agency_code, agency_time_zone, occurred_at,
          sequence)
       VALUES ($1, $2, 'APPENDONL', 'SUBMITTED', 'DUKCAPIL', 'Asia/Jakarta', now(), 0)`,
      [randomUUID(), randomUUID()],
    );
  });

  afterAll(async () => {
    await tracking?.stop();
  });

  it.each([
    ['UPDATE', "UPDATE timeline_entries SET status = 'APPROVED' WHERE tracking_no = 'APPENDONL'"],
    ['DELETE', "DELETE FROM timeline_entries WHERE tracking_no = 'APPENDONL'"],
    ['TRUNCATE', 'TRUNCATE timeline_entries'],
  ])('refuses %s', async (_verb, sql) => {
    await expect(queryServiceDb(['tracking'], sql)).rejects.toThrow(/append-only/);
    const rows = await queryServiceDb<{ status: string }>(
      ['tracking'],
      "SELECT status FROM timeline_entries WHERE tracking_no = 'APPENDONL'",
    );
    expect(rows).toEqual([{ status: 'SUBMITTED' }]);
  });
});
