import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LOGGER, type AppLogger, type ReadinessProbe } from '@satupintu/common';
import {
  DataSource,
  type DataSourceOptions,
  type EntitySchema,
  type Logger,
  type MixedList,
} from 'typeorm';
import { databaseUrl, ensureDatabase } from './database';

export interface PersistenceOptions {
  serverUrl: string;
  database: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  poolSize?: number;
}

/** TypeORM options shared by every service: committed migrations run at start, never `synchronize`. */
export function postgresOptions(options: PersistenceOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl(options.serverUrl, options.database),
    entities: options.entities,
    migrations: options.migrations,
    // Run by `migrate` below, under a lock, not by TypeORM on connect.
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: {
      max: options.poolSize ?? 20,
      application_name: options.database,
      // A server that does not answer (not one that refuses) must not hang a request: the
      // caller gets a 503 and a Retry-After instead.
      connectionTimeoutMillis: 3000,
    },
  };
}

/** The service's own database: created when missing, migrated at start-up. */
@Module({})
export class PersistenceModule {
  static forRoot(options: PersistenceOptions): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [LOGGER],
          useFactory: async (logger: AppLogger) => {
            await ensureDatabase(options.serverUrl, options.database);
            return { ...postgresOptions(options), logger: new TypeOrmPinoLogger(logger) };
          },
          dataSourceFactory: async (dataSourceOptions) =>
            migrate(await new DataSource(dataSourceOptions!).initialize()),
        }),
      ],
    };
  }
}

/** Readiness: the service's database answers. */
export function databaseProbe(dataSource: DataSource): ReadinessProbe {
  return { name: 'database', check: async () => void (await dataSource.query('SELECT 1')) };
}

/**
 * Runs pending migrations while holding a PostgreSQL advisory lock, so replicas of a service
 * starting together never apply the same migration twice; the second waits, then finds none.
 */
export async function migrate(dataSource: DataSource): Promise<DataSource> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query("SELECT pg_advisory_lock(hashtext('satupintu:migrations'))");
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner
      .query("SELECT pg_advisory_unlock(hashtext('satupintu:migrations'))")
      .catch(() => undefined);
    await runner.release();
  }
  return dataSource;
}

/** TypeORM's messages as JSON log lines: failed queries at debug (the caller handles the error). */
class TypeOrmPinoLogger implements Logger {
  constructor(private readonly logger: AppLogger) {}

  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    this.logger.debug({ err: error, query }, 'query failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ ms: time, query }, 'slow query');
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.info({ migration: message }, 'migration');
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    this.logger[level === 'warn' ? 'warn' : 'debug']({ typeorm: message });
  }
}
