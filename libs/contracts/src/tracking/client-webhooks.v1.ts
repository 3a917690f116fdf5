import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { defineRequest } from '../contract';
import {
  ListWebhookDeliveriesV1,
  ListWebhookSubscriptionsV1,
  ReplayWebhookDeliveriesV1,
  ReplayWebhookDeliveryV1,
  UpdateWebhookSubscriptionV1,
  WEBHOOK_EVENT_TYPES_MAX,
  WEBHOOK_URL_MAX_LENGTH,
  WebhookSubscriptionRefV1,
  type WebhookDeliveryPageV1,
  type WebhookReplayV1,
  type WebhookSubscriptionCreatedV1,
  type WebhookSubscriptionPageV1,
  type WebhookSubscriptionV1,
  type WebhookRequests,
} from '../agency/webhooks.v1';
import type { TimelineEntryV1 } from './get-timeline.v1';

/**
 * An API client's webhook subscriptions (tracking; ADR 0020's machinery): the client is told of
 * each new entry on the timeline of the applications it submitted, in order. Any client with
 * `applications:read` manages its own; nobody sees another's. The other requests and answers are
 * the agency's (`../agency/webhooks.v1.ts`).
 */
export const CLIENT_WEBHOOK_EVENT_TYPES = ['tracking.application.status-changed.v1'] as const;

export class CreateClientWebhookSubscriptionV1 {
  @IsString()
  @MaxLength(WEBHOOK_URL_MAX_LENGTH)
  url: string;

  /** None or empty: every event type. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES_MAX)
  @IsIn(CLIENT_WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes?: string[];
}

/** A `tracking.application.status-changed.v1` delivery's `data`: a timeline entry, and whose. */
export interface ClientApplicationStatusChangedV1 extends TimelineEntryV1 {
  applicationId: string;
  trackingNo: string;
}

const tracking = { service: 'tracking' } as const;

export const CreateClientWebhookSubscription = defineRequest<
  CreateClientWebhookSubscriptionV1,
  WebhookSubscriptionCreatedV1
>({
  subject: 'tracking.webhook-subscription.create.v1',
  ...tracking,
  payload: CreateClientWebhookSubscriptionV1,
});

export const ListClientWebhookSubscriptions = defineRequest<
  ListWebhookSubscriptionsV1,
  WebhookSubscriptionPageV1
>({
  subject: 'tracking.webhook-subscription.list.v1',
  ...tracking,
  payload: ListWebhookSubscriptionsV1,
});

export const GetClientWebhookSubscription = defineRequest<
  WebhookSubscriptionRefV1,
  WebhookSubscriptionV1
>({
  subject: 'tracking.webhook-subscription.get.v1',
  ...tracking,
  payload: WebhookSubscriptionRefV1,
});

export const UpdateClientWebhookSubscription = defineRequest<
  UpdateWebhookSubscriptionV1,
  WebhookSubscriptionV1
>({
  subject: 'tracking.webhook-subscription.update.v1',
  ...tracking,
  payload: UpdateWebhookSubscriptionV1,
});

export const DeleteClientWebhookSubscription = defineRequest<
  WebhookSubscriptionRefV1,
  { deleted: true }
>({
  subject: 'tracking.webhook-subscription.delete.v1',
  ...tracking,
  payload: WebhookSubscriptionRefV1,
});

export const RotateClientWebhookSecret = defineRequest<
  WebhookSubscriptionRefV1,
  WebhookSubscriptionCreatedV1
>({ subject: 'tracking.webhook-secret.rotate.v1', ...tracking, payload: WebhookSubscriptionRefV1 });

export const ListClientWebhookDeliveries = defineRequest<
  ListWebhookDeliveriesV1,
  WebhookDeliveryPageV1
>({
  subject: 'tracking.webhook-delivery.list.v1',
  ...tracking,
  payload: ListWebhookDeliveriesV1,
});

export const ReplayClientWebhookDelivery = defineRequest<ReplayWebhookDeliveryV1, WebhookReplayV1>({
  subject: 'tracking.webhook-delivery.replay.v1',
  ...tracking,
  payload: ReplayWebhookDeliveryV1,
});

export const ReplayClientWebhookDeliveries = defineRequest<
  ReplayWebhookDeliveriesV1,
  WebhookReplayV1
>({
  subject: 'tracking.webhook-deliveries.replay.v1',
  ...tracking,
  payload: ReplayWebhookDeliveriesV1,
});

export const CLIENT_WEBHOOK_REQUESTS: WebhookRequests = {
  create: CreateClientWebhookSubscription,
  list: ListClientWebhookSubscriptions,
  get: GetClientWebhookSubscription,
  update: UpdateClientWebhookSubscription,
  delete: DeleteClientWebhookSubscription,
  rotate: RotateClientWebhookSecret,
  deliveries: ListClientWebhookDeliveries,
  replay: ReplayClientWebhookDelivery,
  replayRange: ReplayClientWebhookDeliveries,
};
