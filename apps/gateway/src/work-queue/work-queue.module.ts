import { Module } from '@nestjs/common';
import { CasesController } from './cases.controller';
import { WorkQueueController } from './work-queue.controller';

@Module({ controllers: [WorkQueueController, CasesController] })
export class WorkQueueModule {}
