import { PageLimitV1, PageCursorV1 } from '../paging';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { type RequestContract, defineRequest } from '../contract';

/**
 * An agency's webhook subscriptions (ADR 0020): its system is told of its cases' events
 * (`agency.application.status-changed.v1`), signed as Standard Webhooks asks. The agency's
 * admin, a mall admin, or the agency's own system (`agency:<CODE>:work`) manage them.
 */

export const WEBHOOK_URL_MAX_LENGTH = 2000;
export const WEBHOOK_EVENT_TYPES_MAX = 50;
/** What an agency's subscription may receive: the events it publishes about its cases. */
export const AGENCY_WEBHOOK_EVENT_TYPES = ['agency.application.status-changed.v1'] as const;
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'dead'] as const;
export type WebhookDeliveryStatusV1 = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export class CreateWebhookSubscriptionV1 {
  @IsString()
  @MaxLength(WEBHOOK_URL_MAX_LENGTH)
  url: string;

  /** None or empty: every event type. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES_MAX)
  @IsIn(AGENCY_WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes?: string[];
}

/** An agency's subscription names its agency; an API client's, the client (tracking's). */
export interface WebhookSubscriptionV1 {
  id: string;
  agencyCode?: string;
  clientId?: string;
  url: string;
  eventTypes: string[];
  /** Who made it: `officer:<id>` or `client:<clientId>`. */
  createdBy: string;
  enabled: boolean;
  /** ISO 8601 (UTC). */
  createdAt: string;
  disabledAt?: string;
}

/** The subscription and its signing secret, shown in this answer only (and to its retries). */
export interface WebhookSubscriptionCreatedV1 {
  subscription: WebhookSubscriptionV1;
  secret: string;
  /** On a rotation: until when deliveries are signed with the secret replaced, too. */
  previousSecretExpiresAt?: string;
}

export class WebhookSubscriptionRefV1 {
  @IsUUID()
  subscriptionId: string;
}

export class UpdateWebhookSubscriptionV1 extends WebhookSubscriptionRefV1 {
  /** false: nothing more is enqueued or sent for it; true: what is pending goes again. */
  @IsBoolean()
  enabled: boolean;
}

export class ListWebhookSubscriptionsV1 {
  @PageLimitV1()
  limit: number;

  @PageCursorV1()
  cursor?: string;
}

export interface WebhookSubscriptionPageV1 {
  items: WebhookSubscriptionV1[];
  nextCursor?: string;
}

export class ListWebhookDeliveriesV1 extends WebhookSubscriptionRefV1 {
  @IsOptional()
  @IsIn(WEBHOOK_DELIVERY_STATUSES)
  status?: WebhookDeliveryStatusV1;

  @PageLimitV1()
  limit: number;

  @PageCursorV1()
  cursor?: string;
}

export interface WebhookDeliveryV1 {
  id: string;
  /** The `webhook-id` sent: the same on every attempt and for a replay of it. */
  webhookId: string;
  eventType: string;
  /** The application it is about: one application's deliveries go out in order. */
  orderingKey: string;
  occurredAt: string;
  /** The delivery this one replays, if it is a replay. */
  replayOf?: string;
  status: WebhookDeliveryStatusV1;
  attempts: number;
  nextAttemptAt?: string;
  /** The last attempt's HTTP status, or what went wrong when there was no answer. */
  lastStatus?: number;
  lastError?: string;
  createdAt: string;
  deliveredAt?: string;
  deadAt?: string;
}

export interface WebhookDeliveryPageV1 {
  items: WebhookDeliveryV1[];
  nextCursor?: string;
}

export class ReplayWebhookDeliveryV1 extends WebhookSubscriptionRefV1 {
  @IsUUID()
  deliveryId: string;
}

export class ReplayWebhookDeliveriesV1 extends WebhookSubscriptionRefV1 {
  /** The deliveries first enqueued in [from, to), ISO 8601 with an offset. */
  @IsISO8601({ strict: true })
  @MaxLength(40)
  from: string;

  @IsISO8601({ strict: true })
  @MaxLength(40)
  to: string;

  /** Only those that are dead. */
  @IsOptional()
  @IsBoolean()
  onlyDead?: boolean;
}

export interface WebhookReplayV1 {
  /** How many deliveries were enqueued again (at the end of their applications' queues). */
  replayed: number;
  /** For one delivery: the new delivery's id. */
  deliveryId?: string;
}

const routed = { service: 'agency', routedBy: 'agency' } as const;

export const CreateWebhookSubscription = defineRequest<
  CreateWebhookSubscriptionV1,
  WebhookSubscriptionCreatedV1
>({
  subject: 'agency.webhook-subscription.create.v1',
  ...routed,
  payload: CreateWebhookSubscriptionV1,
});

export const ListWebhookSubscriptions = defineRequest<
  ListWebhookSubscriptionsV1,
  WebhookSubscriptionPageV1
>({
  subject: 'agency.webhook-subscription.list.v1',
  ...routed,
  payload: ListWebhookSubscriptionsV1,
});

export const GetWebhookSubscription = defineRequest<
  WebhookSubscriptionRefV1,
  WebhookSubscriptionV1
>({ subject: 'agency.webhook-subscription.get.v1', ...routed, payload: WebhookSubscriptionRefV1 });

export const UpdateWebhookSubscription = defineRequest<
  UpdateWebhookSubscriptionV1,
  WebhookSubscriptionV1
>({
  subject: 'agency.webhook-subscription.update.v1',
  ...routed,
  payload: UpdateWebhookSubscriptionV1,
});

export const DeleteWebhookSubscription = defineRequest<WebhookSubscriptionRefV1, { deleted: true }>(
  {
    subject: 'agency.webhook-subscription.delete.v1',
    ...routed,
    payload: WebhookSubscriptionRefV1,
  },
);

export const RotateWebhookSecret = defineRequest<
  WebhookSubscriptionRefV1,
  WebhookSubscriptionCreatedV1
>({ subject: 'agency.webhook-secret.rotate.v1', ...routed, payload: WebhookSubscriptionRefV1 });

export const ListWebhookDeliveries = defineRequest<ListWebhookDeliveriesV1, WebhookDeliveryPageV1>({
  subject: 'agency.webhook-delivery.list.v1',
  ...routed,
  payload: ListWebhookDeliveriesV1,
});

export const ReplayWebhookDelivery = defineRequest<ReplayWebhookDeliveryV1, WebhookReplayV1>({
  subject: 'agency.webhook-delivery.replay.v1',
  ...routed,
  payload: ReplayWebhookDeliveryV1,
});

export const ReplayWebhookDeliveries = defineRequest<ReplayWebhookDeliveriesV1, WebhookReplayV1>({
  subject: 'agency.webhook-deliveries.replay.v1',
  ...routed,
  payload: ReplayWebhookDeliveriesV1,
});

/** The requests of one kind of subscriber, by operation: the agency's here, an API client's too. */
export interface WebhookRequests {
  create: RequestContract<CreateWebhookSubscriptionV1, WebhookSubscriptionCreatedV1>;
  list: RequestContract<ListWebhookSubscriptionsV1, WebhookSubscriptionPageV1>;
  get: RequestContract<WebhookSubscriptionRefV1, WebhookSubscriptionV1>;
  update: RequestContract<UpdateWebhookSubscriptionV1, WebhookSubscriptionV1>;
  delete: RequestContract<WebhookSubscriptionRefV1, { deleted: true }>;
  rotate: RequestContract<WebhookSubscriptionRefV1, WebhookSubscriptionCreatedV1>;
  deliveries: RequestContract<ListWebhookDeliveriesV1, WebhookDeliveryPageV1>;
  replay: RequestContract<ReplayWebhookDeliveryV1, WebhookReplayV1>;
  replayRange: RequestContract<ReplayWebhookDeliveriesV1, WebhookReplayV1>;
}

export const AGENCY_WEBHOOK_REQUESTS: WebhookRequests = {
  create: CreateWebhookSubscription,
  list: ListWebhookSubscriptions,
  get: GetWebhookSubscription,
  update: UpdateWebhookSubscription,
  delete: DeleteWebhookSubscription,
  rotate: RotateWebhookSecret,
  deliveries: ListWebhookDeliveries,
  replay: ReplayWebhookDelivery,
  replayRange: ReplayWebhookDeliveries,
};
