import { type DynamicModule, Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import type { EventContract } from '@satupintu/contracts';
import { EventConsumers } from './jetstream/event-consumers';
import { assertCaptured, ensureStreams } from './jetstream/streams';
import { NatsClients } from './nats.module';
import { OutboxRelay } from './outbox/outbox-relay';
import { PUBLISHED_EVENTS, UnitOfWork } from './outbox/unit-of-work';

@Injectable()
class StreamSetup implements OnModuleInit {
  constructor(
    private readonly nats: NatsClients,
    @Inject(PUBLISHED_EVENTS) private readonly published: EventContract<unknown>[],
  ) {}

  async onModuleInit(): Promise<void> {
    await ensureStreams(this.nats, this.published);
    await assertCaptured(this.nats, this.published);
  }
}

export interface EventsOptions {
  /** Every event this service publishes: their streams are made ready and checked at start. */
  publishes: readonly EventContract<unknown>[];
}

/**
 * Durable events for a service with a database: the outbox (UnitOfWork + relay), the consumers
 * with their inbox, and the streams they need. Needs NatsModule and the service's TypeORM root.
 */
@Module({})
export class EventsModule {
  static forRoot(options: EventsOptions = { publishes: [] }): DynamicModule {
    return {
      module: EventsModule,
      global: true,
      providers: [
        { provide: PUBLISHED_EVENTS, useValue: options.publishes },
        StreamSetup,
        OutboxRelay,
        UnitOfWork,
        EventConsumers,
      ],
      exports: [OutboxRelay, UnitOfWork, EventConsumers],
    };
  }
}
