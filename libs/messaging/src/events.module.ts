import { type DynamicModule, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { EventConsumers } from './jetstream/event-consumers';
import { ensureStreams } from './jetstream/streams';
import { NatsClients } from './nats.module';
import { OutboxRelay } from './outbox/outbox-relay';
import { UnitOfWork } from './outbox/unit-of-work';

@Injectable()
class StreamSetup implements OnModuleInit {
  constructor(private readonly nats: NatsClients) {}

  async onModuleInit(): Promise<void> {
    await ensureStreams(this.nats);
  }
}

/**
 * Durable events for a service with a database: the outbox (UnitOfWork + relay), the consumers
 * with their inbox, and the streams they need. Needs NatsModule and the service's TypeORM root.
 */
@Module({})
export class EventsModule {
  static forRoot(): DynamicModule {
    return {
      module: EventsModule,
      global: true,
      providers: [StreamSetup, OutboxRelay, UnitOfWork, EventConsumers],
      exports: [OutboxRelay, UnitOfWork, EventConsumers],
    };
  }
}
