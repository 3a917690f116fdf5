import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { AppLogger } from '../logging/logger';
import { MetricsModule, ServiceMetrics } from '../metrics/metrics';

export const LOGGER = Symbol('LOGGER');

/** What every service module may inject: its logger and its metrics. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(logger: AppLogger, metrics: ServiceMetrics): DynamicModule {
    return {
      module: CoreModule,
      imports: [MetricsModule.forRoot(metrics)],
      providers: [{ provide: LOGGER, useValue: logger }],
      exports: [LOGGER],
    };
  }
}
