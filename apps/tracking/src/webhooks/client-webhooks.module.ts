import { type DynamicModule, Module } from '@nestjs/common';
import { CLIENT_WEBHOOK_REQUESTS, type WebhookSubscriptionCreatedV1 } from '@satupintu/contracts';
import { sealingField } from '@satupintu/messaging';
import {
  WEBHOOK_ANSWER_SEALING,
  WebhooksModule,
  webhookHandlers,
  webhooksOptionsOf,
} from '@satupintu/webhooks';
import type { TrackingConfig } from '../config';
import { clientWebhookScope } from './client-webhook-access';
import { ClientWebhookEvents } from './client-webhook-events';

/**
 * API clients' webhooks on the applications they submitted (ADR 0020's machinery): each entry
 * that becomes visible on such an application's timeline is enqueued for the client's
 * subscriptions in the transaction that shows it, and delivered by every replica.
 */
@Module({})
export class ClientWebhooksModule {
  static forRoot(config: TrackingConfig): DynamicModule {
    return {
      module: ClientWebhooksModule,
      global: true,
      imports: [WebhooksModule.forRoot(webhooksOptionsOf(config, config.webhookSecretKey))],
      controllers: [
        webhookHandlers({
          contracts: CLIENT_WEBHOOK_REQUESTS,

          scopeOf: clientWebhookScope,
          scopeIs: 'clientId',
        }),
      ],
      providers: [
        ClientWebhookEvents,
        {
          provide: WEBHOOK_ANSWER_SEALING,
          useValue: sealingField<WebhookSubscriptionCreatedV1>('secret', config.webhookAnswerKey),
        },
      ],
      exports: [ClientWebhookEvents],
    };
  }
}
