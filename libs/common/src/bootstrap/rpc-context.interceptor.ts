import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import { Observable, tap } from 'rxjs';
import type { OutageLog } from '../availability/outage-log';
import { contextFromMessage, runInContext } from '../context/request-context';
import type { AppLogger } from '../logging/logger';
import type { ServiceMetrics } from '../metrics/metrics';
import { DomainError } from '../problems/domain-error';

interface HeaderBag {
  get(name: string): string;
}

/**
 * Runs each NATS request handler inside the context that came in its headers: request id,
 * trace, principal and idempotency key. A handler that succeeds ends any outage on record.
 */
export class RpcContextInterceptor implements NestInterceptor {
  constructor(
    private readonly logger: AppLogger,
    private readonly outages: OutageLog,
    private readonly metrics: ServiceMetrics,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const headers = context.switchToRpc().getContext<NatsContext>().getHeaders() as
      HeaderBag | undefined;
    const requestContext = contextFromMessage((name) => headers?.get(name) || undefined);
    const subject = context.switchToRpc().getContext<NatsContext>().getSubject();
    const started = performance.now();
    return new Observable((subscriber) =>
      runInContext(requestContext, () =>
        next
          .handle()
          .pipe(
            tap({
              error: (error: unknown) => {
                const outcome =
                  error instanceof DomainError && error.status < 500 ? 'refused' : 'failed';
                this.metrics.requestsHandled.inc({ subject, outcome });
              },
              complete: () => {
                this.metrics.requestsHandled.inc({ subject, outcome: 'ok' });
                this.outages.recovered('database');
                this.logger.debug(
                  { subject, ms: Math.round(performance.now() - started) },
                  'request handled',
                );
              },
            }),
          )
          .subscribe(subscriber),
      ),
    );
  }
}
