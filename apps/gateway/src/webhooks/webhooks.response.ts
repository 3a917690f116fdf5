import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGENCY_WEBHOOK_EVENT_TYPES,
  CLIENT_WEBHOOK_EVENT_TYPES,
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_URL_MAX_LENGTH,
  type WebhookDeliveryStatusV1,
} from '@satupintu/contracts';
import { AGENCY_CODE } from '../openapi/formats';

const WEBHOOK_EVENT_TYPES = [...AGENCY_WEBHOOK_EVENT_TYPES, ...CLIENT_WEBHOOK_EVENT_TYPES];
const UUID = { type: String, format: 'uuid', maxLength: 36 } as const;
const UTC = { type: String, format: 'date-time', maxLength: 30 } as const;
const CURSOR = { type: String, maxLength: 200, description: 'Present when there is more' } as const;

export class WebhookSubscriptionResponse {
  @ApiProperty({ ...UUID, example: '0f8e4a52-6c3d-4e1b-9a2f-7d5c3b1e0a94' })
  id: string;

  @ApiPropertyOptional({ ...AGENCY_CODE, description: "An agency's subscription: the agency" })
  agencyCode?: string;

  @ApiPropertyOptional({
    type: String,
    maxLength: 128,
    description: "An API client's subscription: the client",
    example: 'portal-nasional',
  })
  clientId?: string;

  @ApiProperty({
    maxLength: WEBHOOK_URL_MAX_LENGTH,
    example: 'https://simduk.dukcapil.go.id/satupintu/webhooks',
  })
  url: string;

  @ApiProperty({
    type: [String],
    maxItems: WEBHOOK_EVENT_TYPES.length,
    items: { type: 'string', maxLength: 200 },
    description: 'Empty: every event type',
    example: [],
  })
  eventTypes: string[];

  @ApiProperty({
    maxLength: 200,
    description: 'Who made it: `officer:<id>` or `client:<clientId>`',
    example: 'client:dukcapil-simduk',
  })
  createdBy: string;

  @ApiProperty({ example: true })
  enabled: boolean;

  @ApiProperty({ ...UTC, example: '2026-12-01T03:04:05.678Z' })
  createdAt: string;

  @ApiPropertyOptional({ ...UTC, description: 'When it was disabled' })
  disabledAt?: string;
}

export class WebhookSubscriptionCreatedResponse {
  @ApiProperty({ type: WebhookSubscriptionResponse })
  subscription: WebhookSubscriptionResponse;

  @ApiProperty({
    type: String,
    maxLength: 60,
    description:
      'The signing secret (Standard Webhooks): shown in this answer only (and its replays under ' +
      'the same `Idempotency-Key`). Verify each delivery with it, e.g. `new Webhook(secret).verify(body, headers)`.',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw1k7JGNvvjss=',
  })
  secret: string;

  @ApiPropertyOptional({
    ...UTC,
    description:
      'On a rotation: until then deliveries carry a signature with the previous secret too',
  })
  previousSecretExpiresAt?: string;
}

export class WebhookSubscriptionPageResponse {
  @ApiProperty({ type: [WebhookSubscriptionResponse], maxItems: 100 })
  items: WebhookSubscriptionResponse[];

  @ApiPropertyOptional(CURSOR)
  nextCursor?: string;
}

export class WebhookDeliveryResponse {
  @ApiProperty({ ...UUID, example: '5b7d0c1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e' })
  id: string;

  @ApiProperty({
    maxLength: 40,
    description: 'The `webhook-id` header sent: the same on every attempt and on a replay',
    example: 'msg_7c9e6679742540de944be07fc1f90ae7',
  })
  webhookId: string;

  @ApiProperty({ maxLength: 200, example: 'agency.application.status-changed.v1' })
  eventType: string;

  @ApiProperty({
    maxLength: 200,
    description: 'The application it is about: its deliveries go in order',
    example: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
  })
  orderingKey: string;

  @ApiProperty({ ...UTC, example: '2026-12-01T03:04:05.678Z' })
  occurredAt: string;

  @ApiPropertyOptional({ ...UUID, description: 'The delivery this one replays' })
  replayOf?: string;

  @ApiProperty({ enum: WEBHOOK_DELIVERY_STATUSES, example: 'delivered' })
  status: WebhookDeliveryStatusV1;

  @ApiProperty({ type: Number, minimum: 0, maximum: 100000, example: 1 })
  attempts: number;

  @ApiPropertyOptional({ ...UTC, description: 'While pending: when it is tried next' })
  nextAttemptAt?: string;

  @ApiPropertyOptional({
    type: Number,
    minimum: 100,
    maximum: 599,
    description: "The last attempt's HTTP status",
  })
  lastStatus?: number;

  @ApiPropertyOptional({ maxLength: 500, description: 'Why the last attempt got no answer' })
  lastError?: string;

  @ApiProperty({ ...UTC, example: '2026-12-01T03:04:05.700Z' })
  createdAt: string;

  @ApiPropertyOptional(UTC)
  deliveredAt?: string;

  @ApiPropertyOptional(UTC)
  deadAt?: string;
}

export class WebhookDeliveryPageResponse {
  @ApiProperty({ type: [WebhookDeliveryResponse], maxItems: 100 })
  items: WebhookDeliveryResponse[];

  @ApiPropertyOptional(CURSOR)
  nextCursor?: string;
}

export class WebhookReplayResponse {
  @ApiProperty({
    type: Number,
    minimum: 0,
    maximum: 1_000_000,
    description: 'How many deliveries were enqueued again',
    example: 1,
  })
  replayed: number;

  @ApiPropertyOptional({ ...UUID, description: 'For one delivery: the new delivery' })
  deliveryId?: string;
}
