import { type DynamicModule, Module } from '@nestjs/common';
import { AGENCY_CODE } from './agency-code';
import { ProfilesConsumer } from '../profiles/profiles.consumer';
import { AGENCY_NAME, CaseOutputs } from './case-outputs';
import { CasesConsumer } from './cases.consumer';
import { CasesHandlers } from './cases.handlers';

@Module({})
export class CasesModule {
  static forRoot(agencyCode: string, agencyName: string): DynamicModule {
    return {
      module: CasesModule,
      // Payments move cases too (CONFIRM_PAYMENT), through the same ports.
      global: true,
      controllers: [CasesHandlers],
      providers: [
        CasesConsumer,
        ProfilesConsumer,
        CaseOutputs,
        { provide: AGENCY_CODE, useValue: agencyCode },
        { provide: AGENCY_NAME, useValue: agencyName },
      ],
      exports: [CaseOutputs],
    };
  }
}
