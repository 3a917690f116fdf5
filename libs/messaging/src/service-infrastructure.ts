import type { DynamicModule } from '@nestjs/common';
import { HealthModule, type BaseConfig } from '@satupintu/common';
import { PersistenceModule, databaseProbe, type PersistenceOptions } from '@satupintu/persistence';
import { DataSource } from 'typeorm';
import { EventsModule, type EventsOptions } from './events.module';
import { NatsClients, NatsModule, natsProbe } from './nats.module';

/**
 * What every service with data and events stands on: its own migrated database, a NATS
 * connection, the outbox/inbox/streams, and readiness that checks both.
 */
export function serviceInfrastructure(options: {
  config: BaseConfig;
  name: string;
  database: string;
  migrations: PersistenceOptions['migrations'];
  /** Every event the service publishes (see EventsModule). */
  publishes?: EventsOptions['publishes'];
}): DynamicModule[] {
  const { config } = options;
  return [
    PersistenceModule.forRoot({
      serverUrl: config.DATABASE_URL,
      database: options.database,
      entities: [],
      migrations: options.migrations,
    }),
    NatsModule.forRoot({
      url: config.NATS_URL,
      name: options.name,
      namespace: config.SP_NAMESPACE,
    }),
    EventsModule.forRoot({ publishes: options.publishes ?? [] }),
    HealthModule.forRoot({
      inject: [DataSource, NatsClients],
      probes: (dataSource: DataSource, nats: NatsClients) => [
        databaseProbe(dataSource),
        natsProbe(nats),
      ],
    }),
  ];
}
