import { type DynamicModule, Module } from '@nestjs/common';
import { AGENCY_CODE } from '../cases/agency-code';
import { CLAIM_MINUTES, WorkQueueHandlers } from './work-queue.handlers';
import { WorkQueueRepository } from './work-queue.repository';

@Module({})
export class WorkQueueModule {
  static forRoot(agencyCode: string, claimMinutes: number): DynamicModule {
    return {
      module: WorkQueueModule,
      controllers: [WorkQueueHandlers],
      providers: [
        WorkQueueRepository,
        { provide: AGENCY_CODE, useValue: agencyCode },
        { provide: CLAIM_MINUTES, useValue: claimMinutes },
      ],
    };
  }
}
