import { testEnvironment } from '@satupintu/testing';
import { Client } from 'pg';
import { ASYNC_COMMIT, compile, sql } from '../src';

/**
 * ASYNC_COMMIT against real PostgreSQL: read in a CTE, it turns `synchronous_commit` off for
 * the statement's own transaction (so its commit does not wait for the disk) and for nothing
 * after it on the same connection.
 */
describe('ASYNC_COMMIT', () => {
  let client: Client;

  beforeAll(async () => {
    client = new Client({ connectionString: testEnvironment().DATABASE_URL });
    await client.connect();
  });

  afterAll(() => client.end());

  const setting = async (statement = sql`SELECT current_setting('synchronous_commit') AS s`) => {
    const { text, values } = compile(statement);
    return (await client.query<{ s: string }>(text, values)).rows[0].s;
  };

  it('is off for the statement that reads it, and on again for the next one', async () => {
    expect(await setting()).toBe('on');
    expect(
      await setting(
        sql`WITH marker AS (SELECT ${ASYNC_COMMIT}) SELECT current_setting('synchronous_commit') AS s FROM marker`,
      ),
    ).toBe('off');
    expect(await setting()).toBe('on');
  });

  it('lasts until its transaction ends', async () => {
    await client.query('BEGIN');
    try {
      await setting(sql`SELECT ${ASYNC_COMMIT}, 'x' AS s`);
      expect(await setting()).toBe('off');
    } finally {
      await client.query('COMMIT');
    }
    expect(await setting()).toBe('on');
  });
});
