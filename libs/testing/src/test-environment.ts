import { randomBytes } from 'node:crypto';

/**
 * Where integration tests find PostgreSQL and NATS, and the names that keep this run apart from
 * every other: its own database prefix and its own subject/stream namespace.
 */
export interface TestEnvironment {
  DATABASE_URL: string;
  NATS_URL: string;
  DB_PREFIX: string;
  SP_NAMESPACE: string;
}

export const LOCAL_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432';
export const LOCAL_NATS_URL = 'nats://127.0.0.1:4222';

export function newRunId(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

/** Read back what the global setup decided (it writes it to process.env, which workers inherit). */
export function testEnvironment(): TestEnvironment {
  const { DATABASE_URL, NATS_URL, DB_PREFIX, SP_NAMESPACE } = process.env;
  if (!DATABASE_URL || !NATS_URL || !DB_PREFIX || !SP_NAMESPACE) {
    throw new Error('integration tests need the global setup (run them through `npm test`)');
  }
  return { DATABASE_URL, NATS_URL, DB_PREFIX, SP_NAMESPACE };
}
