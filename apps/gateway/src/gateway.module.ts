import { type DynamicModule, Module } from '@nestjs/common';
import { HealthModule } from '@satupintu/common';
import { RpcClient, RpcClientModule } from '@satupintu/messaging';
import { AccountsModule } from './accounts/accounts.module';
import { ApplicationsModule } from './applications/applications.module';
import { AuthModule } from './auth/auth.module';
import { BundlesModule } from './bundles/bundles.module';
import { CalendarModule } from './calendar/calendar.module';
import { DashboardsModule } from './dashboards/dashboards.module';
import { DisplayModule } from './display/display.module';
import { DeadlineAlertsModule } from './deadline-alerts/deadline-alerts.module';
import { OssDeliveriesModule } from './oss-deliveries/oss-deliveries.module';
import { OssFilesModule } from './oss-files/oss-files.module';
import { DocumentsModule } from './documents/documents.module';
import { FollowUpModule } from './follow-up/follow-up.module';
import type { GatewayConfig } from './config';
import { LiveModule } from './live/live.module';
import { LookupsModule } from './lookups/lookups.module';
import { ComplaintsModule } from './complaints/complaints.module';
import { OssModule } from './oss/oss.module';
import { OutputsModule } from './outputs/outputs.module';
import { PaymentsModule } from './payments/payments.module';
import { QueueModule } from './queue/queue.module';
import { ServqualModule } from './servqual/servqual.module';
import { ServicesModule } from './services/services.module';
import { SessionsModule } from './sessions/sessions.module';
import { SurveysModule } from './surveys/surveys.module';
import { TrackingViewsModule } from './tracking/tracking.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { WorkQueueModule } from './work-queue/work-queue.module';

/** The one REST front door: no business data, every request answered by a service over NATS. */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        RpcClientModule.forRoot({
          url: config.NATS_URL,
          namespace: config.SP_NAMESPACE,
          timeoutMs: config.NATS_REQUEST_TIMEOUT_MS,
          name: 'gateway',
        }),
        HealthModule.forRoot({
          inject: [RpcClient],
          probes: (rpc: RpcClient) => [{ name: 'nats', check: () => rpc.ping() }],
        }),
        AuthModule.forRoot(config),
        ApplicationsModule,
        LiveModule.forRoot(config),
        DisplayModule,
        LookupsModule,
        ComplaintsModule,
        DocumentsModule.forRoot(config),
        BundlesModule,
        WorkQueueModule,
        TrackingViewsModule,
        WebhooksModule,
        OutputsModule,
        AccountsModule,
        SessionsModule,
        CalendarModule,
        DashboardsModule,
        OssModule,
        ServicesModule,
        PaymentsModule,
        DeadlineAlertsModule,
        OssDeliveriesModule,
        OssFilesModule,
        FollowUpModule,
        ServqualModule,
        SurveysModule,
        QueueModule,
      ],
    };
  }
}
