import { type DynamicModule, Global, Module } from '@nestjs/common';
import { OutageLog } from '../availability/outage-log';
import type { AppLogger } from '../logging/logger';
import { MetricsModule, ServiceMetrics } from '../metrics/metrics';

export const LOGGER = Symbol('LOGGER');

/** What every service module may inject: its logger, its metrics and its outage log. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(
    logger: AppLogger,
    metrics: ServiceMetrics,
    outages = new OutageLog(logger),
  ): DynamicModule {
    return {
      module: CoreModule,
      imports: [MetricsModule.forRoot(metrics)],
      providers: [
        { provide: LOGGER, useValue: logger },
        { provide: OutageLog, useValue: outages },
      ],
      exports: [LOGGER, OutageLog],
    };
  }
}
