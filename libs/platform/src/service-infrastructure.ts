import type { DynamicModule } from '@nestjs/common';
import { HealthModule, type BaseConfig } from '@satupintu/common';
import {
  EventsModule,
  NatsClients,
  NatsModule,
  natsProbe,
  type EventsOptions,
} from '@satupintu/messaging';
import { PersistenceModule, databaseProbe, type PersistenceOptions } from '@satupintu/persistence';
import { SchedulingModule } from '@satupintu/scheduling';
import { DataSource } from 'typeorm';
import { InboxPruningModule } from './inbox-pruning';

/**
 * What every service with data and events stands on: its own migrated database, a NATS
 * connection, the outbox/inbox/streams, durable jobs (with the inbox pruned by one), and
 * readiness that checks the database and NATS. The service's migrations must include
 * `CreateOutboxAndInbox1763856000000` and `CreateJobs1764400000100`.
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
      poolSize: config.DB_POOL_MAX,
      entities: [],
      migrations: options.migrations,
    }),
    NatsModule.forRoot({
      url: config.NATS_URL,
      name: options.name,
      namespace: config.SP_NAMESPACE,
    }),
    EventsModule.forRoot({ publishes: options.publishes ?? [] }),
    SchedulingModule.forRoot(),
    { module: InboxPruningModule },
    HealthModule.forRoot({
      inject: [DataSource, NatsClients],
      probes: (dataSource: DataSource, nats: NatsClients) => [
        databaseProbe(dataSource),
        natsProbe(nats),
      ],
    }),
  ];
}
