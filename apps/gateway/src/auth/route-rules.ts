import type { Type } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import type { Reflector } from '@nestjs/core';
import { ACCESS_RULE, type AccessRule } from './access';

/**
 * The platform's own routes, served by controllers of libs/common that know nothing of the
 * gateway's decorators: probes for the orchestrator and metrics for the scraper, no personal data.
 */
const PLATFORM_RULES: Record<string, AccessRule> = {
  health: { public: true },
  metrics: { public: true },
};

/** The rule on a route: on its handler, else on its controller, else the platform's. */
export function accessRuleOf(
  reflector: Reflector,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- what Nest hands a guard
  handler: Function,
  controller: Type,
): AccessRule | undefined {
  const stated = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
    handler,
    controller,
  ]);
  if (stated) return stated;
  const path = Reflect.getMetadata(PATH_METADATA, controller) as string | undefined;
  return path === undefined ? undefined : PLATFORM_RULES[path.replace(/^\/+/, '')];
}

/**
 * The platform's probes and metrics: not rate-limited, or an orchestrator polling readiness
 * from one address would be refused and restart a healthy gateway.
 */
export function isPlatformController(controller: Type): boolean {
  const path = Reflect.getMetadata(PATH_METADATA, controller) as string | undefined;
  return path !== undefined && Object.hasOwn(PLATFORM_RULES, path.replace(/^\/+/, ''));
}

/** Every route handler of these controllers that states no rule, as `Controller.method`. */
export function routesWithoutRules(reflector: Reflector, controllers: Type[]): string[] {
  const missing: string[] = [];
  for (const controller of controllers) {
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      // Only route handlers: Nest marks each with its path.
      if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
      if (!accessRuleOf(reflector, handler, controller)) missing.push(`${controller.name}.${name}`);
    }
  }
  return missing;
}
