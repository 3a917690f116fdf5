import { Module } from '@nestjs/common';
import { ComplaintOversightController } from './complaint-oversight.controller';
import { ComplaintsController } from './complaints.controller';

@Module({ controllers: [ComplaintsController, ComplaintOversightController] })
export class ComplaintsModule {}
