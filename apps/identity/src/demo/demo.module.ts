import { type DynamicModule, Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { ApplicantsModule } from '../applicants/applicants.module';
import { BusinessesModule } from '../businesses/businesses.module';
import { ApiClientsModule } from '../clients/api-clients.module';
import { OfficersModule } from '../officers/officers.module';
import { DEMO_SEED, DemoSeed } from './demo-seed';

/** The demo mall's accounts (DEMO_SEED=true, empty database only). */
@Module({})
export class DemoModule {
  static forRoot(options: { demoSeed: boolean }): DynamicModule {
    return {
      module: DemoModule,
      imports: [
        AgenciesModule,
        ApplicantsModule,
        BusinessesModule,
        OfficersModule,
        ApiClientsModule,
      ],
      providers: [DemoSeed, { provide: DEMO_SEED, useValue: options.demoSeed }],
    };
  }
}
