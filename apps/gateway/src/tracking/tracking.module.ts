import { Module } from '@nestjs/common';
import { MyCasesController } from './my-cases.controller';
import { TrackedCasesController } from './tracked-cases.controller';

@Module({ controllers: [MyCasesController, TrackedCasesController] })
export class TrackingViewsModule {}
