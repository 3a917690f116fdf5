import { databaseName, databaseUrl } from '@satupintu/persistence';
import { Client } from 'pg';
import { testEnvironment } from './test-environment';

/** Reads a service's own database directly, to assert what it stored. */
export async function queryServiceDb<T>(
  service: string[],
  sql: string,
  params: unknown[] = [],
  prefix = testEnvironment().DB_PREFIX,
): Promise<T[]> {
  const env = testEnvironment();
  const client = new Client({
    connectionString: databaseUrl(env.DATABASE_URL, databaseName(prefix, ...service)),
  });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
