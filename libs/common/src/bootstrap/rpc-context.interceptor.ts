import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import { Observable } from 'rxjs';
import { contextFromHeaders, runInContext } from '../context/request-context';

interface HeaderBag {
  get(name: string): string;
}

/** Runs each NATS request handler inside the request id and trace that came in its headers. */
export class RpcContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const headers = context.switchToRpc().getContext<NatsContext>().getHeaders() as HeaderBag | undefined;
    const requestContext = contextFromHeaders((name) => headers?.get(name) || undefined);
    return new Observable((subscriber) =>
      runInContext(requestContext, () => next.handle().subscribe(subscriber)),
    );
  }
}
