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
import { LOGGER, OutageLog, type AppLogger, type ReadinessProbe } from '@satupintu/common';
import { natsConnectionOptions } from './nats-options';

export interface NatsOptions {
  url: string;
  /** Connection name, shown by the NATS server's monitoring; also names durable consumers. */
  name: string;
  namespace: string;
}

export const NATS_OPTIONS = Symbol('NATS_OPTIONS');

/**
 * How long a JetStream publish or API call may wait for its answer. JetStream acks in
 * milliseconds; the default 5 s only made every publish in flight when NATS died wait 5 s
 * after it came back. Publishes in flight when the connection drops are failed at once
 * (`whileConnected`), so this bound matters only for a server that is up but silent.
 */
export const JETSTREAM_TIMEOUT_MS = 2000;
/**
 * How long a JetStream management call (create or update a stream or consumer, read one stored
 * message) may wait. These run at start-up and write to the server's disk: on a loaded machine
 * (a CI run with a dozen services starting) one took over 2 s, and the service gave up starting.
 */
export const JETSTREAM_MANAGEMENT_TIMEOUT_MS = 10_000;

/** The service's connection for JetStream (request/reply goes through Nest's transport). */
@Injectable()
export class NatsClients implements OnApplicationShutdown {
  private connected = true;
  private lost = signal();
  private readonly reconnectListeners: (() => void)[] = [];

  private constructor(
    readonly connection: NatsConnection,
    readonly js: JetStreamClient,
    readonly jsm: JetStreamManager,
    readonly options: NatsOptions,
  ) {}

  get namespace(): string {
    return this.options.namespace;
  }

  static async connect(
    options: NatsOptions,
    logger: AppLogger,
    outages: OutageLog,
  ): Promise<NatsClients> {
    const connection = await connect(natsConnectionOptions(options.url, options.name));
    const jsm = await jetstreamManager(connection, { timeout: JETSTREAM_MANAGEMENT_TIMEOUT_MS });
    const clients = new NatsClients(
      connection,
      jetstream(connection, { timeout: JETSTREAM_TIMEOUT_MS }),
      jsm,
      options,
    );
    void (async () => {
      for await (const status of connection.status()) {
        if (status.type === 'disconnect') {
          clients.connected = false;
          clients.lost.fail(new Error('NATS connection lost'));
          clients.lost = signal();
          outages.failed('messaging', new Error('NATS connection lost'));
        } else if (status.type === 'reconnect') {
          clients.connected = true;
          outages.recovered('messaging');
          for (const listener of clients.reconnectListeners) listener();
        } else if (status.type === 'error') {
          logger.warn({ err: status.error }, 'NATS connection error');
        }
      }
    })();
    return clients;
  }

  isConnected(): boolean {
    return this.connected && !this.connection.isClosed();
  }

  /** Called after every reconnect: to resume work at once instead of at the next timer. */
  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  /**
   * The work, failed the moment the connection drops: a request in flight then would never get
   * its answer (its reply subscription went with the connection) and would only time out.
   */
  whileConnected<T>(work: Promise<T>): Promise<T> {
    if (!this.isConnected()) {
      work.catch(() => undefined);
      return Promise.reject(new Error('NATS connection is down'));
    }
    return Promise.race([work, this.lost.promise]);
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.connection.isClosed())
      await this.connection.drain().catch(() => this.connection.close());
  }
}

interface Signal {
  promise: Promise<never>;
  fail(error: Error): void;
}

function signal(): Signal {
  let fail: (error: Error) => void = () => undefined;
  const promise = new Promise<never>((_, reject) => (fail = reject));
  // Nobody may be racing it when it fails: that is not an unhandled rejection.
  promise.catch(() => undefined);
  return { promise, fail };
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
          inject: [LOGGER, OutageLog],
          useFactory: (logger: AppLogger, outages: OutageLog) =>
            NatsClients.connect(options, logger, outages),
        },
      ],
      exports: [NatsClients, NATS_OPTIONS],
    };
  }
}

/** Readiness: the JetStream connection is up and the NATS server answers a round trip. */
export function natsProbe(nats: NatsClients): ReadinessProbe {
  return {
    name: 'nats',
    check: async () => {
      if (!nats.isConnected()) throw new Error('NATS connection is down');
      await nats.connection.flush();
    },
  };
}
