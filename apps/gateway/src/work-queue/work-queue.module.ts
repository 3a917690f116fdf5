import { Module } from '@nestjs/common';
import { WorkQueueController } from './work-queue.controller';

@Module({ controllers: [WorkQueueController] })
export class WorkQueueModule {}
