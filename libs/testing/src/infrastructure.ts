import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { Client } from 'pg';
import { LOCAL_DATABASE_URL, LOCAL_NATS_URL } from './test-environment';

export interface Infrastructure {
  databaseUrl: string;
  natsUrl: string;
  source: 'environment' | 'testcontainers' | 'local';
  stop(): Promise<void>;
}

/**
 * DATABASE_URL / NATS_URL when set; else containers when a Docker engine answers; else the
 * machine's own PostgreSQL and NATS. Either way, both must answer before any test runs.
 */
export async function provideInfrastructure(): Promise<Infrastructure> {
  const fromEnv = process.env.DATABASE_URL && process.env.NATS_URL;
  let infra: Infrastructure;
  if (fromEnv) {
    infra = {
      databaseUrl: process.env.DATABASE_URL!,
      natsUrl: process.env.NATS_URL!,
      source: 'environment',
      stop: async () => {},
    };
  } else {
    infra = (await startContainers()) ?? {
      databaseUrl: process.env.DATABASE_URL ?? LOCAL_DATABASE_URL,
      natsUrl: process.env.NATS_URL ?? LOCAL_NATS_URL,
      source: 'local',
      stop: async () => {},
    };
  }
  await assertReachable(infra);
  return infra;
}

async function startContainers(): Promise<Infrastructure | undefined> {
  // Loaded only here: testcontainers probes for a Docker engine, which this path needs anyway.
  const { getContainerRuntimeClient, GenericContainer, Wait } = await import('testcontainers');
  try {
    await getContainerRuntimeClient();
  } catch {
    return undefined;
  }
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const postgres = await new PostgreSqlContainer('postgres:15-alpine')
    .withUsername('postgres')
    .withPassword('postgres')
    .start();
  const nats = await new GenericContainer('nats:2.10-alpine')
    .withCommand(['-js'])
    .withExposedPorts(4222)
    .withWaitStrategy(Wait.forLogMessage(/Server is ready/))
    .start();
  return {
    databaseUrl: `postgres://postgres:postgres@${postgres.getHost()}:${postgres.getPort()}`,
    natsUrl: `nats://${nats.getHost()}:${nats.getMappedPort(4222)}`,
    source: 'testcontainers',
    stop: async () => {
      await Promise.all([postgres.stop(), nats.stop()]);
    },
  };
}

async function assertReachable(infra: Infrastructure): Promise<void> {
  const url = new URL(infra.databaseUrl);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString(), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL does not answer at ${infra.databaseUrl} (${(error as Error).message}); start it or set DATABASE_URL`,
      { cause: error },
    );
  } finally {
    await client.end().catch(() => undefined);
  }
  try {
    const nc = await connect({ servers: infra.natsUrl.split(','), timeout: 5000 });
    try {
      await (await jetstreamManager(nc)).getAccountInfo();
    } finally {
      await nc.close();
    }
  } catch (error) {
    throw new Error(
      `NATS with JetStream does not answer at ${infra.natsUrl} (${(error as Error).message}); start it with -js or set NATS_URL`,
      { cause: error },
    );
  }
}
