import {
  Global,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { LOGGER, type AppLogger, type ReadinessProbe } from '@satupintu/common';

export interface NatsOptions {
  url: string;
  /** Connection name, shown by the NATS server's monitoring. */
  name: string;
  namespace: string;
}

export const NATS_OPTIONS = Symbol('NATS_OPTIONS');

/** The service's connection for JetStream (request/reply goes through Nest's transport). */
@Injectable()
export class NatsClients implements OnApplicationShutdown {
  private constructor(
    readonly connection: NatsConnection,
    readonly js: JetStreamClient,
    readonly jsm: JetStreamManager,
    readonly namespace: string,
  ) {}

  static async connect(options: NatsOptions, logger: AppLogger): Promise<NatsClients> {
    const connection = await connect({
      servers: options.url.split(','),
      name: options.name,
      maxReconnectAttempts: -1,
      // Async stack traces cost an Error per request; our logs carry request ids instead.
      noAsyncTraces: true,
    });
    void (async () => {
      for await (const status of connection.status()) {
        if (status.type === 'disconnect' || status.type === 'error')
          logger.warn({ nats: status.type }, 'NATS connection trouble');
        if (status.type === 'reconnect') logger.info('NATS reconnected');
      }
    })();
    const jsm = await jetstreamManager(connection);
    return new NatsClients(connection, jetstream(connection), jsm, options.namespace);
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.connection.isClosed())
      await this.connection.drain().catch(() => this.connection.close());
  }
}

@Global()
@Module({})
export class NatsModule {
  static forRoot(options: NatsOptions): DynamicModule {
    return {
      module: NatsModule,
      providers: [
        { provide: NATS_OPTIONS, useValue: options },
        {
          provide: NatsClients,
          inject: [LOGGER],
          useFactory: (logger: AppLogger) => NatsClients.connect(options, logger),
        },
      ],
      exports: [NatsClients, NATS_OPTIONS],
    };
  }
}

/** Readiness: the NATS server answers a round trip. */
export function natsProbe(nats: NatsClients): ReadinessProbe {
  return { name: 'nats', check: () => nats.connection.flush() };
}
