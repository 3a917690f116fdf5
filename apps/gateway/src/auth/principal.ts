import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/**
 * Who is calling. Today every caller is anonymous; the identity service will issue JWTs and API
 * keys, and an authentication guard will fill this in from them. Handlers already receive it,
 * so adding authentication changes the guard, not the handlers.
 */
export type Principal = { kind: 'anonymous' };

export const ANONYMOUS: Principal = { kind: 'anonymous' };

export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal =>
    context.switchToHttp().getRequest<{ principal?: Principal }>().principal ?? ANONYMOUS,
);
