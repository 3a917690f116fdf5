import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@satupintu/common';
import type { Principal } from '@satupintu/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  type RateLimitSettings,
  callerOf,
  counterKey,
  policyFor,
  verdictOn,
  windowAt,
} from './fixed-window';
import { RateLimitCounters } from './rate-limit.counters';

export const RATE_LIMIT_SETTINGS = Symbol('RATE_LIMIT_SETTINGS');

/**
 * Counts a request against its caller's limit on this route, puts `RateLimit-*` on the answer,
 * and refuses with 429 (problem+json, `Retry-After`) once the window's limit is spent.
 */
@Injectable()
export class RateLimiter {
  constructor(
    private readonly counters: RateLimitCounters,
    @Inject(RATE_LIMIT_SETTINGS) private readonly settings: RateLimitSettings,
  ) {}

  async count(
    request: FastifyRequest,
    reply: FastifyReply,
    principal: Principal,
    route: string,
  ): Promise<void> {
    const policy = policyFor(request.method, route, this.settings);
    const window = windowAt(Date.now(), policy.windowSeconds);
    const key = counterKey(policy, callerOf(policy, principal, request.ip), window);
    const verdict = verdictOn(await this.counters.increment(key, policy.limit), policy, window);
    void reply.headers(verdict.headers);
    if (!verdict.allowed) {
      throw new DomainError('rate_limited', 429, [], {
        limit: policy.limit,
        windowSeconds: policy.windowSeconds,
        retryAfterSeconds: verdict.retryAfterSeconds!,
      });
    }
  }
}
