import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ReadinessProbe } from '@satupintu/common';
import type { DataSource, DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
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
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error', 'migration'],
    extra: { max: options.poolSize ?? 10, application_name: options.database },
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
          useFactory: async () => {
            await ensureDatabase(options.serverUrl, options.database);
            return postgresOptions(options);
          },
        }),
      ],
    };
  }
}

/** Readiness: the service's database answers. */
export function databaseProbe(dataSource: DataSource): ReadinessProbe {
  return { name: 'database', check: async () => void (await dataSource.query('SELECT 1')) };
}
