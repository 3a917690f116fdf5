import {
  type DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ClientNats, NatsRecordBuilder } from '@nestjs/microservices';
// Not re-exported from the package root: raised when NATS answers "no responders".
import { EmptyResponseException } from '@nestjs/microservices/errors/empty-response.exception.js';
import { headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import type { RequestContract } from '@satupintu/contracts';
import {
  DomainError,
  RETRY_AFTER_SECONDS,
  SUBJECT_TOKEN_PATTERN,
  currentContext,
} from '@satupintu/common';
import { TimeoutError, firstValueFrom, timeout } from 'rxjs';
import { propagationHeaders } from '../headers';
import { natsConnectionOptions } from '../nats-options';
import { namespacedSubject } from '../namespace';
import { unwrapReply } from './replayed-reply';

export interface RpcClientOptions {
  url: string;
  namespace: string;
  timeoutMs: number;
  name: string;
}

export interface RequestOptions {
  /** The deployment a routed contract goes to: the agency code for `routedBy: 'agency'`. */
  to?: string;
}

const RPC_OPTIONS = Symbol('RPC_OPTIONS');

/**
 * Request/reply over NATS, for the gateway and for a service asking another as its own caller
 * (the agency asking intake): typed by the contract, carrying the caller and the
 * request's intent, bounded by a timeout. A refusal from the far side comes back as its
 * DomainError; a replayed answer (`replayedReply`) is unwrapped and marks the request's context
 * `replayed`; no answer becomes 503 (nobody listening, or NATS itself away) or 504 (too slow),
 * never a hang or a 500.
 */
@Injectable()
export class RpcClient implements OnApplicationShutdown {
  private readonly client: ClientNats;
  /** Undefined until the first connection (made by the first request or readiness check). */
  private connected: boolean | undefined;

  constructor(@Inject(RPC_OPTIONS) private readonly options: RpcClientOptions) {
    this.client = new ClientNats(natsConnectionOptions(options.url, options.name));
    this.client.status.subscribe((status) => (this.connected = String(status) === 'connected'));
  }

  async request<Req, Res>(
    contract: RequestContract<Req, Res>,
    payload: Req,
    options: RequestOptions = {},
  ): Promise<Res> {
    const subject = this.subjectOf(contract, options.to);
    // While NATS is away the client would buffer the request and time out: say so at once.
    if (this.connected === false) throw unavailable(contract, options.to, 'messaging');
    const h = natsHeaders();
    for (const [key, value] of Object.entries(propagationHeaders())) h.set(key, value);
    const record = new NatsRecordBuilder(payload).setHeaders(h).build();
    let reply: Res;
    try {
      reply = await firstValueFrom(
        this.client.send<Res>(subject, record).pipe(timeout(this.options.timeoutMs)),
      );
    } catch (error) {
      throw this.toDomainError(contract, options.to, error);
    }
    const { response, replayed } = unwrapReply(reply);
    // The request's context says so, for whoever answers the caller (the gateway's header).
    const context = currentContext();
    if (replayed && context) context.replayed = true;
    return response;
  }

  private subjectOf(contract: RequestContract<unknown, unknown>, to: string | undefined): string {
    if (!contract.routedBy) return namespacedSubject(this.options.namespace, contract.subject);
    // A programming error, not a client's: the gateway validates the token before it gets here.
    if (!to || !SUBJECT_TOKEN_PATTERN.test(to))
      throw new Error(`${contract.subject} needs a valid ${contract.routedBy} to go to, got ${to}`);
    return namespacedSubject(this.options.namespace, `${contract.subject}.${to}`);
  }

  private toDomainError(
    contract: RequestContract<unknown, unknown>,
    to: string | undefined,
    error: unknown,
  ): unknown {
    if (DomainError.isSerialized(error)) return DomainError.fromSerialized(error);
    if (error instanceof TimeoutError) {
      return new DomainError('upstream_timeout', 504, [], {
        service: to ?? contract.service,
        timeoutMs: this.options.timeoutMs,
      });
    }
    if (error instanceof EmptyResponseException || isConnectionError(error)) {
      return unavailable(contract, to, this.connected ? 'service' : 'messaging');
    }
    return error;
  }

  /**
   * Core NATS messages on `<namespace>.<subject>` until the returned function is called: not
   * JetStream, so what is published while nobody listens is gone. Resolves once the server has
   * the subscription (a round trip), so everything published after that is delivered: a caller
   * can subscribe, then ask what it missed before, and lose nothing between the two.
   */
  async listen(subject: string, onMessage: (data: Uint8Array) => void): Promise<() => void> {
    const away = () =>
      new DomainError('service_unavailable', 503, [], {
        service: 'messaging',
        retryAfterSeconds: RETRY_AFTER_SECONDS,
        cause: 'messaging',
      });
    if (this.connected === false) throw away();
    await this.client.connect();
    const connection = this.client.unwrap<NatsConnection>();
    const subscription = connection.subscribe(namespacedSubject(this.options.namespace, subject), {
      callback: (error, message) => {
        if (!error) onMessage(message.data);
      },
    });
    try {
      await connection.flush();
    } catch {
      subscription.unsubscribe();
      throw away();
    }
    return () => subscription.unsubscribe();
  }

  /** Readiness: connected, and the NATS server answers a round trip. */
  async ping(): Promise<void> {
    await this.client.connect();
    if (this.connected === false) throw new Error('NATS connection is down');
    await this.client.unwrap<NatsConnection>().flush();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}

function unavailable(
  contract: RequestContract<unknown, unknown>,
  to: string | undefined,
  cause: 'service' | 'messaging',
): DomainError {
  return new DomainError('service_unavailable', 503, [], {
    service: to ?? contract.service,
    retryAfterSeconds: RETRY_AFTER_SECONDS,
    ...(cause === 'messaging' ? { cause } : {}),
  });
}

function isConnectionError(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /connection|CONNECTION_REFUSED|ECONNREFUSED|no responders|503|reconnect/i.test(text);
}

@Global()
@Module({})
export class RpcClientModule {
  static forRoot(options: RpcClientOptions): DynamicModule {
    return {
      module: RpcClientModule,
      providers: [{ provide: RPC_OPTIONS, useValue: options }, RpcClient],
      exports: [RpcClient],
    };
  }
}
