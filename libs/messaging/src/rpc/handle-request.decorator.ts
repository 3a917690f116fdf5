import { applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { MessagePattern, type NatsContext } from '@nestjs/microservices';
import { contextFromMessage, currentContext, type RequestContext } from '@satupintu/common';
import type { RequestContract } from '@satupintu/contracts';

/**
 * Binds a handler to a request contract. The pattern is the contract's own subject; the
 * `RequestServer` adds the deployment's namespace (and, for routed contracts, its routing token)
 * when it starts, from configuration, so nothing here reads the environment.
 */
export function HandleRequest(contract: RequestContract<unknown, unknown>): MethodDecorator {
  return applyDecorators(
    MessagePattern(contract.subject, contract.routedBy ? { routedBy: contract.routedBy } : {}),
  );
}

/**
 * The caller and intent of the request being handled (principal, idempotency key, request id,
 * trace), typed, next to the payload: `handle(@Payload() input: X, @Caller() caller: RequestContext)`.
 */
export const Caller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): RequestContext => {
    const current = currentContext();
    if (current) return current;
    const headers = context.switchToRpc().getContext<NatsContext>().getHeaders() as
      { get(name: string): string } | undefined;
    return contextFromMessage((name) => headers?.get(name) || undefined);
  },
);
