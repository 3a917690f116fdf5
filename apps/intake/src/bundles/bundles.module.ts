import { Inject, Module, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { LOGGER, type AppLogger } from '@satupintu/common';
import { ApplicationsModule } from '../applications/applications.module';
import { BundlesConsumer } from './bundles.consumer';
import { BundlesHandlers } from './bundles.handlers';
import { BundlesRepository } from './bundles.repository';
import { DEMO_BUNDLES } from './demo-bundles';

const DEMO_SEED = Symbol('BUNDLES_DEMO_SEED');

/** Loads the demo bundles that are missing; after the catalog's seed, which they refer to. */
class DemoBundles implements OnApplicationBootstrap {
  constructor(
    @Inject(DEMO_SEED) private readonly enabled: boolean,
    @Inject(BundlesRepository) private readonly bundles: BundlesRepository,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    const added = await this.bundles.addMissing(DEMO_BUNDLES);
    if (added > 0) this.logger.info({ bundles: added }, 'demo bundles loaded');
  }
}

/** Bundles: their definitions, their submission, and the orchestration of their steps. */
@Module({})
export class BundlesModule {
  static forRoot(options: { demoSeed: boolean }): DynamicModule {
    return {
      module: BundlesModule,
      imports: [ApplicationsModule],
      controllers: [BundlesHandlers],
      providers: [
        BundlesRepository,
        BundlesConsumer,
        DemoBundles,
        { provide: DEMO_SEED, useValue: options.demoSeed },
      ],
    };
  }
}
