import { type DynamicModule, Module } from '@nestjs/common';
import { derivedKey, keyEncryptionKeyFrom } from '@satupintu/common';
import { ApplicationStatusChanged, type WebhookSubscriptionCreatedV1 } from '@satupintu/contracts';
import { sealingField } from '@satupintu/messaging';
import {
  WEBHOOK_ANSWER_SEALING,
  WebhooksModule,
  webhookSource,
  webhooksOptionsOf,
} from '@satupintu/webhooks';
import { AGENCY_CODE } from '../cases/agency-code';
import type { AgencyConfig } from '../config';
import { agencyWebhookHandlers } from './webhooks.handlers';

/** A new label is a new key: changing it forgets what was kept under the old (24 h of keys). */
const SEALED_ANSWERS_PURPOSE = 'satupintu agency: idempotency sealed answers v1';

/**
 * The agency's webhooks (ADR 0020): every `ApplicationStatusChanged` it records is enqueued for
 * its subscriptions in the same transaction, and delivered by every replica (claims under a
 * lease, one delivery per application in flight); its managers subscribe through the gateway.
 */
@Module({})
export class AgencyWebhooksModule {
  static forRoot(
    agencyCode: string,
    config: Pick<
      AgencyConfig,
      | 'AGENCY_KEY_ENCRYPTION_KEY'
      | 'WEBHOOK_DELIVER'
      | 'WEBHOOK_RETRY_SCALE'
      | 'WEBHOOK_TIMEOUT_SECONDS'
      | 'WEBHOOK_ALLOW_PRIVATE_URLS'
    >,
  ): DynamicModule {
    const kek = keyEncryptionKeyFrom(config.AGENCY_KEY_ENCRYPTION_KEY);
    return {
      module: AgencyWebhooksModule,
      imports: [
        WebhooksModule.forRoot(
          webhooksOptionsOf(config, kek, [webhookSource(ApplicationStatusChanged)]),
        ),
      ],
      controllers: [agencyWebhookHandlers(agencyCode)],
      providers: [
        { provide: AGENCY_CODE, useValue: agencyCode },
        {
          provide: WEBHOOK_ANSWER_SEALING,
          useValue: sealingField<WebhookSubscriptionCreatedV1>(
            'secret',
            derivedKey(kek, SEALED_ANSWERS_PURPOSE),
          ),
        },
      ],
    };
  }
}
