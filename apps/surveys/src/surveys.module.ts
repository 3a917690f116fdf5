import { type DynamicModule, Module } from '@nestjs/common';
import { ComplaintEscalated } from '@satupintu/contracts';
import type { SkmWeightRule } from '@satupintu/domain';
import { RpcClientModule } from '@satupintu/messaging';
import { databaseName } from '@satupintu/persistence';
import {
  IdempotencyModule,
  WorkingDayCalendarModule,
  serviceInfrastructure,
} from '@satupintu/platform';
import { ComplaintsModule } from './complaints/complaints.module';
import type { SurveysConfig } from './config';
import { FollowUpModule } from './follow-up/follow-up.module';
import { SURVEYS_MIGRATIONS } from './migrations';
import { ServedCasesModule } from './served-cases/served-cases.module';
import { ServqualModule } from './servqual/servqual.module';
import { SkmModule } from './skm/skm.module';
import { SURVEYS_SETTINGS, type SurveysSettings } from './surveys.settings';

/**
 * SKM responses and index (ADR 0032) over the cases it hears finished, follow-up plans with
 * their forums and SERVQUAL (ADR 0033), complaints with their deadlines (ADR 0034).
 */
@Module({})
export class SurveysModule {
  static forRoot(config: SurveysConfig): DynamicModule {
    const settings: SurveysSettings = {
      weightRule: config.SKM_WEIGHT_RULE as SkmWeightRule,
      timeZone: config.MALL_TIME_ZONE,
    };
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
        // Intake, asked which agency owns what a complaint is about; identity, to tell a
        // complaint's reporter of its steps.
        RpcClientModule.forRoot({
          url: config.NATS_URL,
          namespace: config.SP_NAMESPACE,
          timeoutMs: config.NATS_REQUEST_TIMEOUT_MS,
          name: 'surveys-requests',
        }),
        ServedCasesModule,
        FollowUpModule,
        SkmModule,
        ServqualModule,
        ComplaintsModule.forRoot({
          answerKey: config.complaintAnswerKey,
          sweepMs: config.SURVEYS_COMPLAINT_SWEEP_MS,
        }),
      ],
      providers: [{ provide: SURVEYS_SETTINGS, useValue: settings }],
      // The follow-up plans' source, for the SKM report.
      exports: [SURVEYS_SETTINGS, FollowUpModule],
      global: true,
    };
  }
}
