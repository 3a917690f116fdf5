import { Inject, Module, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { LOGGER, type AppLogger } from '@satupintu/common';
import { DEMO_AGENCIES, DEMO_SERVICES } from '@satupintu/demo';
import { AgenciesConsumer } from './agencies.consumer';
import { CatalogRepository } from './catalog.repository';
import { CatalogHandlers } from './catalog.handlers';

const DEMO_SEED = Symbol('DEMO_SEED');

/**
 * With DEMO_SEED=true, the demo agencies and services intake does not hold yet are added (the
 * services' standards as version 0). Not only into an empty table: the agencies' consumer starts
 * at the same time and may have added some services already; a service held is never changed.
 */
class DemoSeed implements OnApplicationBootstrap {
  constructor(
    @Inject(DEMO_SEED) private readonly enabled: boolean,
    @Inject(CatalogRepository) private readonly catalog: CatalogRepository,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    const added = await this.catalog.addAll(DEMO_AGENCIES, DEMO_SERVICES);
    if (added > 0) this.logger.info({ services: added }, 'demo catalog loaded');
  }
}

/**
 * The mall's service catalog: which agency owns which service, and each service's standard as
 * its agency published it.
 */
@Module({})
export class CatalogModule {
  static forRoot(options: { demoSeed: boolean }): DynamicModule {
    return {
      module: CatalogModule,
      global: true,
      controllers: [CatalogHandlers],
      providers: [
        CatalogRepository,
        AgenciesConsumer,
        DemoSeed,
        { provide: DEMO_SEED, useValue: options.demoSeed },
      ],
      exports: [CatalogRepository],
    };
  }
}
