import { type DynamicModule, Module } from '@nestjs/common';
import { ComplaintEscalated } from '@satupintu/contracts';
import { RpcClientModule } from '@satupintu/messaging';
import { databaseName } from '@satupintu/persistence';
import {
  IdempotencyModule,
  WorkingDayCalendarModule,
  serviceInfrastructure,
} from '@satupintu/platform';
import { ComplaintsModule } from './complaints/complaints.module';
import type { SurveysConfig } from './config';
import { SURVEYS_MIGRATIONS } from './migrations';

/**
 * Complaints live here; SKM questionnaires and index, SERVQUAL and follow-up plans will too.
 */
@Module({})
export class SurveysModule {
  static forRoot(config: SurveysConfig): DynamicModule {
    return {
      module: SurveysModule,
      imports: [
        ...serviceInfrastructure({
          config,
          name: 'surveys',
          database: databaseName(config.DB_PREFIX, 'surveys'),
          migrations: SURVEYS_MIGRATIONS,
          publishes: [ComplaintEscalated],
        }),
        // Complaint deadlines in working days: the mall's calendar, followed from intake.
        WorkingDayCalendarModule.follow(),
        IdempotencyModule,
        // Intake, asked as this service which agency owns what a complaint is about.
        RpcClientModule.forRoot({
          url: config.NATS_URL,
          namespace: config.SP_NAMESPACE,
          timeoutMs: config.NATS_REQUEST_TIMEOUT_MS,
          name: 'surveys-requests',
        }),
        ComplaintsModule.forRoot({
          answerKey: config.complaintAnswerKey,
          sweepMs: config.SURVEYS_COMPLAINT_SWEEP_MS,
        }),
      ],
    };
  }
}
