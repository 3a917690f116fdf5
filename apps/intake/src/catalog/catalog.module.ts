import { Inject, Module, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { LOGGER, type AppLogger } from '@satupintu/common';
import { AgenciesConsumer } from './agencies.consumer';
import { CatalogRepository } from './catalog.repository';
import { DEMO_AGENCIES, DEMO_SERVICES } from '@satupintu/demo';
import { CatalogHandlers } from './catalog.handlers';
import { ServiceStandardsConsumer } from './service-standards.consumer';

const DEMO_SEED = Symbol('DEMO_SEED');

class DemoSeed implements OnApplicationBootstrap {
  constructor(
    @Inject(DEMO_SEED) private readonly enabled: boolean,
    @Inject(CatalogRepository) private readonly catalog: CatalogRepository,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled || !(await this.catalog.isEmpty())) return;
    await this.catalog.addAll(DEMO_AGENCIES, DEMO_SERVICES);
    this.logger.info(
      { agencies: DEMO_AGENCIES.length, services: DEMO_SERVICES.length },
      'demo catalog loaded',
    );
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
        ServiceStandardsConsumer,
        DemoSeed,
        { provide: DEMO_SEED, useValue: options.demoSeed },
      ],
      exports: [CatalogRepository],
    };
  }
}
