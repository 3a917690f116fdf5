import { Global, Inject, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule, DiscoveryService, Reflector } from '@nestjs/core';
import type { Type } from '@nestjs/common';
import type { GatewayConfig } from '../config';
import { RATE_LIMIT_STORE_OPTIONS, RateLimitCounters } from '../rate-limits/rate-limit.counters';
import { RATE_LIMIT_SETTINGS, RateLimiter } from '../rate-limits/rate-limiter';
import { ACCESS_OPTIONS, AccessGuard } from './access.guard';
import { AccessTokenVerifier, ISSUER } from './access-token.verifier';
import { JWKS_OPTIONS, JwksCache } from './jwks-cache';
import { routesWithoutRules } from './route-rules';

/**
 * Authentication, rate limits and route rules, for every route of the gateway (a global guard).
 * Secure by default: the gateway does not start while any route states no rule.
 */
@Global()
@Module({})
export class AuthModule implements OnModuleInit {
  constructor(
    @Inject(DiscoveryService) private readonly discovery: DiscoveryService,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: AuthModule,
      imports: [DiscoveryModule],
      providers: [
        {
          provide: JWKS_OPTIONS,
          useValue: {
            refreshSeconds: config.JWKS_REFRESH_SECONDS,
            minRefreshMs: config.JWKS_MIN_REFRESH_MS,
          },
        },
        { provide: ISSUER, useValue: config.PUBLIC_URL },
        {
          provide: ACCESS_OPTIONS,
          useValue: { benchUnverifiedTokens: config.BENCH_UNVERIFIED_TOKENS },
        },
        {
          provide: RATE_LIMIT_STORE_OPTIONS,
          useValue: {
            natsUrl: config.NATS_URL,
            namespace: config.SP_NAMESPACE,
            windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
          },
        },
        {
          provide: RATE_LIMIT_SETTINGS,
          useValue: {
            RATE_LIMIT_WINDOW_SECONDS: config.RATE_LIMIT_WINDOW_SECONDS,
            RATE_LIMIT_PER_CALLER: config.RATE_LIMIT_PER_CALLER,
            RATE_LIMIT_SIGN_IN: config.RATE_LIMIT_SIGN_IN,
            RATE_LIMIT_LOOKUP: config.RATE_LIMIT_LOOKUP,
            RATE_LIMIT_LOOKUP_PER_NUMBER: config.RATE_LIMIT_LOOKUP_PER_NUMBER,
          },
        },
        JwksCache,
        AccessTokenVerifier,
        RateLimitCounters,
        RateLimiter,
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [JwksCache, RateLimiter],
    };
  }

  onModuleInit(): void {
    const controllers = this.discovery
      .getControllers()
      .map((wrapper) => wrapper.metatype as Type | null)
      .filter((metatype): metatype is Type => !!metatype);
    const missing = routesWithoutRules(this.reflector, controllers);
    if (missing.length > 0) {
      throw new Error(
        `every gateway route must state who may call it (@Public() or @Callers()); these do not: ${missing.join(', ')}`,
      );
    }
  }
}
