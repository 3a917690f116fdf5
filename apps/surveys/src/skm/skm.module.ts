import { Module } from '@nestjs/common';
import { ServedCasesModule } from '../served-cases/served-cases.module';
import { SkmHandlers } from './skm.handlers';
import { SkmIndexRepository } from './skm-index.repository';

@Module({
  imports: [ServedCasesModule],
  controllers: [SkmHandlers],
  // FOLLOW_UP_PLAN_SOURCE comes from SurveysModule (global, re-exporting FollowUpModule).
  providers: [SkmIndexRepository],
})
export class SkmModule {}
