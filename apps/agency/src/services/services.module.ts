import { Inject, Module, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { LOGGER, type AppLogger } from '@satupintu/common';
import { DEMO_SERVICES } from '@satupintu/demo';
import { AGENCY_CODE } from '../cases/agency-code';
import { ServiceStandardsHandlers } from './service-standards.handlers';
import { ServiceStandardsRepository } from './service-standards.repository';

const DEMO_SEED = Symbol('DEMO_SEED');

/**
 * With DEMO_SEED=true, an agency whose table is empty publishes its services of the demo
 * catalog, as its admin would: version 1 of each, through the outbox, so the mall's catalog
 * gets them even if intake started long before. Replicas starting together both find the table
 * empty: each service is published by whichever inserts it first, once.
 */
class DemoStandards implements OnApplicationBootstrap {
  constructor(
    @Inject(DEMO_SEED) private readonly enabled: boolean,
    @Inject(AGENCY_CODE) private readonly agencyCode: string,
    @Inject(ServiceStandardsRepository) private readonly standards: ServiceStandardsRepository,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled || !(await this.standards.isEmpty())) return;
    const mine = DEMO_SERVICES.filter((service) => service.agencyCode === this.agencyCode);
    let published = 0;
    for (const { agencyCode: _agency, code, ...content } of mine)
      if (await this.standards.seed(code, content)) published++;
    if (published > 0) this.logger.info({ services: published }, 'demo standards published');
  }
}

/** The standards of this agency's services, which it owns and publishes to the mall's catalog. */
@Module({})
export class ServicesModule {
  static forRoot(options: { agencyCode: string; demoSeed: boolean }): DynamicModule {
    return {
      module: ServicesModule,
      controllers: [ServiceStandardsHandlers],
      providers: [
        ServiceStandardsRepository,
        DemoStandards,
        { provide: AGENCY_CODE, useValue: options.agencyCode },
        { provide: DEMO_SEED, useValue: options.demoSeed },
      ],
    };
  }
}
