import { Inject, Module, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { DomainError, LOGGER, type AppLogger } from '@satupintu/common';
import { CatalogRepository } from '../catalog/catalog.repository';
import { ApplicationsModule } from '../applications/applications.module';
import { BundlesHandlers } from './bundles.handlers';
import { BundlesRepository } from './bundles.repository';
import { bundleOf } from './define-bundle';
import { DEMO_BUNDLES } from './demo-bundles';

const DEMO_SEED = Symbol('BUNDLES_DEMO_SEED');

/**
 * Loads the demo bundles that are missing, checked against the catalog: after the catalog's own
 * seed (CatalogModule comes first in IntakeModule, so its bootstrap runs first).
 */
class DemoBundles implements OnApplicationBootstrap {
  constructor(
    @Inject(DEMO_SEED) private readonly enabled: boolean,
    @Inject(BundlesRepository) private readonly bundles: BundlesRepository,
    @Inject(CatalogRepository) private readonly catalog: CatalogRepository,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    const checked = [];
    for (const definition of DEMO_BUNDLES) {
      try {
        checked.push(await bundleOf(definition, (code) => this.catalog.findActiveService(code)));
      } catch (error) {
        const problems = error instanceof DomainError ? JSON.stringify(error.errors) : '';
        throw new Error(`demo bundle ${definition.code} does not fit the catalog: ${problems}`, {
          cause: error,
        });
      }
    }
    const added = await this.bundles.addMissing(checked);
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
        DemoBundles,
        { provide: DEMO_SEED, useValue: options.demoSeed },
      ],
    };
  }
}
