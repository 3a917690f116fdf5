import { testEnvironment } from '@satupintu/testing';
import { DataSource } from 'typeorm';
import { preparedQuery, sql } from '../src';

/**
 * preparedQuery against real PostgreSQL, through a TypeORM data source as services have one: it
 * answers like any query, prepares its statement once per connection, and refuses a second text
 * under a name it has prepared.
 */
describe('preparedQuery', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await new DataSource({
      type: 'postgres',
      url: testEnvironment().DATABASE_URL,
      extra: { max: 1 },
    }).initialize();
  });

  afterAll(() => dataSource.destroy());

  const squared = (n: number) =>
    sql<{ n: number; squared: number }>`SELECT ${n}::int AS n, (${n}::int * ${n}::int) AS squared`;

  it('answers rows, and prepares the statement once on the connection', async () => {
    expect(await preparedQuery(dataSource, 'test-squared', squared(3))).toEqual([
      { n: 3, squared: 9 },
    ]);
    expect(await preparedQuery(dataSource, 'test-squared', squared(4))).toEqual([
      { n: 4, squared: 16 },
    ]);
    // One pooled connection: both runs were on it, and it holds the statement once, by name.
    const prepared = await preparedQuery(
      dataSource,
      'test-prepared-statements',
      sql<{ name: string }>`SELECT name FROM pg_prepared_statements WHERE name = ${'test-squared'}`,
    );
    expect(prepared).toEqual([{ name: 'test-squared' }]);
  });

  it('refuses another text under a name it prepared', async () => {
    await expect(
      preparedQuery(dataSource, 'test-squared', sql`SELECT ${1}::int AS other`),
    ).rejects.toThrow(/Prepared statements must be unique/);
  });
});
