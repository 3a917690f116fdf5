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
import { headers as natsHeaders } from '@nats-io/transport-node';
import type { RequestContract } from '@satupintu/contracts';
import { DomainError } from '@satupintu/common';
import { TimeoutError, firstValueFrom, timeout } from 'rxjs';
import { propagationHeaders } from '../headers';
import { namespacedSubject } from '../namespace';

export interface RpcClientOptions {
  url: string;
  namespace: string;
  timeoutMs: number;
  name: string;
}

const RPC_OPTIONS = Symbol('RPC_OPTIONS');

/**
 * Request/reply over NATS for the gateway: typed by the contract, carrying the request id and
 * trace, bounded by a timeout. A refusal from the far side comes back as its DomainError; no
 * answer becomes 503 (nobody listening) or 504 (too slow), never a hang or a 500.
 */
@Injectable()
export class RpcClient implements OnApplicationShutdown {
  private readonly client: ClientNats;

  constructor(@Inject(RPC_OPTIONS) private readonly options: RpcClientOptions) {
    this.client = new ClientNats({
      servers: options.url.split(','),
      name: options.name,
      maxReconnectAttempts: -1,
      noAsyncTraces: true,
    });
  }

  async request<Req, Res>(contract: RequestContract<Req, Res>, payload: Req): Promise<Res> {
    const h = natsHeaders();
    for (const [key, value] of Object.entries(propagationHeaders())) h.set(key, value);
    const record = new NatsRecordBuilder(payload).setHeaders(h).build();
    const subject = namespacedSubject(this.options.namespace, contract.subject);
    try {
      return await firstValueFrom(
        this.client.send<Res>(subject, record).pipe(timeout(this.options.timeoutMs)),
      );
    } catch (error) {
      throw this.toDomainError(contract, error);
    }
  }

  private toDomainError(contract: RequestContract<unknown, unknown>, error: unknown): unknown {
    if (DomainError.isSerialized(error)) return DomainError.fromSerialized(error);
    if (error instanceof TimeoutError) {
      return new DomainError('upstream_timeout', 504, [], {
        service: contract.service,
        timeoutMs: this.options.timeoutMs,
      });
    }
    if (error instanceof EmptyResponseException || isConnectionError(error)) {
      return new DomainError('service_unavailable', 503, [], { service: contract.service });
    }
    return error;
  }

  /** Readiness: connected, and the NATS server answers a round trip. */
  async ping(): Promise<void> {
    await this.client.connect();
    await this.client.unwrap<{ flush(): Promise<void> }>().flush();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}

function isConnectionError(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /connection|CONNECTION_REFUSED|ECONNREFUSED|no responders|503/i.test(text);
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
