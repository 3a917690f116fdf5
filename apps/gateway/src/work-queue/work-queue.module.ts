import { Module } from '@nestjs/common';
import { AgencyCasesController } from './agency-cases.controller';
import { CasesController } from './cases.controller';
import { WorkQueueController } from './work-queue.controller';

@Module({ controllers: [WorkQueueController, CasesController, AgencyCasesController] })
export class WorkQueueModule {}
