import { ServerNats, type CustomTransportStrategy } from '@nestjs/microservices';
import type { NatsConnection } from '@nats-io/transport-node';
import { SUBJECT_TOKEN_PATTERN, type ReadinessProbe } from '@satupintu/common';
import { natsConnectionOptions } from '../nats-options';
import { namespacedSubject } from '../namespace';

export interface RequestServerOptions {
  url: string;
  namespace: string;
  /** Connection name and queue group: the replicas of one deployment share its requests. */
  name: string;
  /** The routing token of a deployment that runs once per agency (its AGENCY_CODE). */
  routingToken?: string;
}

/**
 * Nest's NATS request/reply server, bound to our contracts: each `@HandleRequest` pattern is a
 * contract subject, subscribed here as `<namespace>.<subject>`, or `<namespace>.<subject>.<token>`
 * for a contract routed to one deployment (one agency); the queue group is the deployment's name,
 * so its replicas share the work and no other deployment sees it.
 */
export class RequestServer extends ServerNats implements CustomTransportStrategy {
  private connected = false;

  constructor(private readonly serverOptions: RequestServerOptions) {
    super({
      ...natsConnectionOptions(serverOptions.url, `${serverOptions.name}-rpc`),
      queue: serverOptions.name,
      gracefulShutdown: true,
      gracePeriod: 500,
    });
    if (serverOptions.routingToken && !SUBJECT_TOKEN_PATTERN.test(serverOptions.routingToken))
      throw new Error(`not a routing token: ${serverOptions.routingToken}`);
    this.status.subscribe((status) => (this.connected = String(status) === 'connected'));
  }

  override async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      this.bindContractSubjects();
    } catch (error) {
      callback(error);
      return;
    }
    await super.listen(callback);
  }

  /** The subjects this server answers, once started: for logs and tests. */
  subjects(): string[] {
    return [...this.messageHandlers.keys()];
  }

  /** Readiness: the request/reply connection is up and the server answers a round trip. */
  probe(): ReadinessProbe {
    return {
      name: 'nats-requests',
      check: async () => {
        if (!this.connected) throw new Error('NATS request/reply connection is down');
        await this.unwrap<NatsConnection>().flush();
      },
    };
  }

  private bindContractSubjects(): void {
    const { namespace, routingToken } = this.serverOptions;
    for (const [pattern, handler] of [...this.messageHandlers]) {
      const routedBy = (handler.extras as { routedBy?: string } | undefined)?.routedBy;
      if (routedBy && !routingToken) {
        throw new Error(
          `${pattern} is routed by ${routedBy}, but this service has no routing token to answer it under`,
        );
      }
      const subject = namespacedSubject(
        namespace,
        routedBy ? `${pattern}.${routingToken}` : pattern,
      );
      this.messageHandlers.delete(pattern);
      this.messageHandlers.set(subject, handler);
    }
  }
}
