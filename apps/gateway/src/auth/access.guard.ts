import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, currentContext } from '@satupintu/common';
import { ANONYMOUS, principalFromClaims, type Principal } from '@satupintu/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { decodeJwt } from 'jose';
import { RateLimiter } from '../rate-limits/rate-limiter';
import { AGENCY_PARAM, type Decision, decide, decideAgency } from './access';
import { AccessTokenVerifier, InvalidTokenError, bearerToken } from './access-token.verifier';
import { accessRuleOf, isPlatformController } from './route-rules';

/** RFC 6750 §3: the challenge every 401 carries; with `error` when a token was sent and refused. */
export function bearerChallenge(tokenRefused: boolean): string {
  return tokenRefused
    ? 'Bearer realm="satupintu", error="invalid_token", error_description="The access token is invalid or expired"'
    : 'Bearer realm="satupintu"';
}

export const ACCESS_OPTIONS = Symbol('ACCESS_OPTIONS');

export interface AccessOptions {
  /**
   * Bench only (refused in production): tokens are read without checking their signature or
   * claims, so the bench measures, against the same requests, what verification costs.
   */
  benchUnverifiedTokens: boolean;
}

/**
 * Every request to a gateway route passes here first: the bearer token, if any, is verified
 * locally and becomes the request's principal (in the request context, from where RpcClient
 * sends it to services in `sp-principal`); the caller's rate limit is counted; then the route's
 * rule is applied. Anonymous where a caller is required: 401 with a Bearer challenge; a caller
 * the rule does not name: 403. The service that owns the data decides on the record itself.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessTokenVerifier,
    private readonly limiter: RateLimiter,
    @Inject(ACCESS_OPTIONS) private readonly options: AccessOptions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const rule = accessRuleOf(this.reflector, context.getHandler(), context.getClass());
    // Unreachable: the gateway refuses to start with a route without a rule.
    if (!rule) throw new DomainError('forbidden', 403, [], { resource: request.url });
    const route = request.routeOptions.url ?? request.url;

    let principal: Principal = ANONYMOUS;
    let refused: InvalidTokenError | undefined;
    const token = bearerToken(request.headers.authorization);
    if (token instanceof InvalidTokenError) refused = token;
    else if (token !== undefined) {
      try {
        principal = this.options.benchUnverifiedTokens
          ? unverifiedPrincipal(token)
          : await this.verifier.verify(token);
      } catch (error) {
        if (!(error instanceof InvalidTokenError)) throw error;
        refused = error;
      }
    }
    const requestContext = currentContext();
    if (requestContext) requestContext.principal = principal;

    // Counted before the verdict: refused attempts count against the caller (its IP) too.
    if (!isPlatformController(context.getClass()))
      await this.limiter.count(request, reply, principal, route);

    // A public route serves anyone, so a token it cannot accept only leaves the caller anonymous
    // (a stale token sent along to the sign-in routes must not lock a person out).
    if (refused && !rule.public) return this.refuse('unauthenticated', reply, request, true);
    let decision: Decision = decide(rule, principal);
    const agencyParam = this.reflector.get<string | undefined>(AGENCY_PARAM, context.getHandler());
    if (decision === 'allowed' && agencyParam && !rule.public) {
      const params = request.params as Record<string, string | undefined>;
      decision = decideAgency(principal, params[agencyParam] ?? '');
    }
    if (decision === 'allowed') return true;
    return this.refuse(decision, reply, request, false);
  }

  private refuse(
    decision: Exclude<Decision, 'allowed'>,
    reply: FastifyReply,
    request: FastifyRequest,
    tokenRefused: boolean,
  ): never {
    const resource = `${request.method} ${request.routeOptions.url ?? request.url}`;
    if (decision === 'forbidden') throw new DomainError('forbidden', 403, [], { resource });
    void reply.header('www-authenticate', bearerChallenge(tokenRefused));
    throw tokenRefused
      ? new DomainError('invalid_token', 401)
      : new DomainError('unauthenticated', 401, [], { resource });
  }
}

/** The bench's baseline: what the token says, believed without any check. */
function unverifiedPrincipal(token: string): Principal {
  try {
    const principal = principalFromClaims(decodeJwt(token));
    if (principal) return principal;
  } catch {
    // Falls through to the refusal.
  }
  throw new InvalidTokenError('malformed');
}
