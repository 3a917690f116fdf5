import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@satupintu/common';
import type { Principal } from '@satupintu/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  type RateLimitSettings,
  callerOf,
  type RateLimitPolicy,
  counterKey,
  lookupNumberPolicy,
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
    await this.apply(reply, policy, callerOf(policy, principal, request.ip));
  }

  /**
   * The public lookup's second count, once the number is known well formed: against the number
   * itself, whether or not any case has it (so its answer cannot tell the two apart). The
   * `RateLimit-*` fields then speak of whichever of the two limits is nearer.
   */
  async countLookedUpNumber(reply: FastifyReply, trackingNo: string): Promise<void> {
    await this.apply(reply, lookupNumberPolicy(this.settings), `tracking-number:${trackingNo}`);
  }

  /** The same, for a complaint followed or disputed by its secret: per complaint number. */
  async countComplaintNumber(reply: FastifyReply, complaintNo: string): Promise<void> {
    await this.apply(reply, lookupNumberPolicy(this.settings), `complaint-number:${complaintNo}`);
  }

  private async apply(reply: FastifyReply, policy: RateLimitPolicy, caller: string): Promise<void> {
    const window = windowAt(Date.now(), policy.windowSeconds);
    const key = counterKey(policy, caller, window);
    const verdict = verdictOn(await this.counters.increment(key, policy.limit), policy, window);
    const shown = reply.getHeader('RateLimit-Remaining');
    if (
      !verdict.allowed ||
      shown === undefined ||
      Number(verdict.headers['RateLimit-Remaining']) < Number(shown)
    )
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
