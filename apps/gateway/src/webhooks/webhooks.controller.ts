import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  applyDecorators,
} from '@nestjs/common';
import {
  ApiBody,
  ApiExtension,
  ApiNoContentResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import {
  CreateWebhookSubscription,
  DeleteWebhookSubscription,
  GetWebhookSubscription,
  ListWebhookDeliveries,
  ListWebhookSubscriptions,
  ReplayWebhookDeliveries,
  ReplayWebhookDelivery,
  RotateWebhookSecret,
  UpdateWebhookSubscription,
} from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import { Callers, type CallerRule, OfAgency } from '../auth/access';
import {
  ApiIdempotencyKey,
  REPLAYED_HEADERS,
  invalidIdempotencyKeyExample,
} from '../idempotency/idempotency.openapi';
import { AGENCY_CODE } from '../openapi/formats';
import { ApiProblemResponse, ApiUpstreamProblems } from '../openapi/problem.responses';
import { securityOf } from '../openapi/security';
import { agencyCodeOf } from '../work-queue/cases.controller';
import {
  CreateWebhookSubscriptionRequest,
  DeliveriesRequest,
  PageRequest,
  ReplayRangeRequest,
  UpdateWebhookSubscriptionRequest,
  pageOf,
} from './webhooks.request';
import {
  WebhookDeliveryPageResponse,
  WebhookReplayResponse,
  WebhookSubscriptionCreatedResponse,
  WebhookSubscriptionPageResponse,
  WebhookSubscriptionResponse,
} from './webhooks.response';

/**
 * The agency's admin, mall admins, and the agency's own system; the agency decides too (its
 * officers who move cases do not manage where its events go).
 */
export const WEBHOOK_MANAGERS = {
  officer: ['AGENCY_ADMIN', 'MALL_ADMIN'],
  client: true,
} as const satisfies CallerRule;

const SUBSCRIPTION_ID = '0f8e4a52-6c3d-4e1b-9a2f-7d5c3b1e0a94';
const DELIVERY_ID = '5b7d0c1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e';
const LIST = '/v1/agencies/DUKCAPIL/webhook-subscriptions';
const ONE = `${LIST}/${SUBSCRIPTION_ID}`;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const SUBSCRIPTION = {
  id: SUBSCRIPTION_ID,
  agencyCode: 'DUKCAPIL',
  url: 'https://simduk.dukcapil.go.id/satupintu/webhooks',
  eventTypes: [],
  createdBy: 'client:dukcapil-simduk',
  enabled: true,
  createdAt: '2026-12-01T03:04:05.678Z',
} satisfies WebhookSubscriptionResponse;
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw1k7JGNvvjss=';

const ABOUT =
  " Managed by the agency's admin, a mall admin, or the agency's own system (an API client with " +
  "`agency:<CODE>:work`); the request goes to that agency's deployment, which decides.";

function idOf(field: string, value: string): string {
  if (!UUID_PATTERN.test(value)) throw DomainError.validation([{ field, code: 'invalid' }]);
  return value;
}

/** What every operation here documents: who, the agency (and subscription), the problems. */
function ApiWebhookOperation(options: {
  operationId: string;
  summary: string;
  description: string;
  instance: string;
  subscription?: boolean;
  delivery?: boolean;
  /** It takes a JSON body: 413 and 415 too. */
  body?: boolean;
  own400?: Parameters<typeof ApiProblemResponse>[2];
}) {
  const { instance } = options;
  const notFound = {
    ...(options.subscription
      ? {
          subscription: {
            summary: "Not one of this agency's subscriptions",
            error: new DomainError('webhook_subscription_not_found', 404, [], {
              subscriptionId: SUBSCRIPTION_ID,
            }),
            instance,
          },
        }
      : {}),
    ...(options.delivery
      ? {
          delivery: {
            summary: 'Not a delivery of this subscription',
            error: new DomainError('webhook_delivery_not_found', 404, [], {
              deliveryId: DELIVERY_ID,
            }),
            instance,
          },
        }
      : {}),
  };
  return applyDecorators(
    Callers(WEBHOOK_MANAGERS),
    OfAgency('agencyCode'),
    ApiOperation({
      operationId: options.operationId,
      summary: options.summary,
      description: options.description + ABOUT,
      security: securityOf(WEBHOOK_MANAGERS),
    }),
    ApiParam({
      name: 'agencyCode',
      description: 'The agency whose events are subscribed to',
      schema: { type: 'string', maxLength: AGENCY_CODE.maxLength, pattern: AGENCY_CODE.pattern },
      example: 'DUKCAPIL',
    }),
    ...(options.subscription
      ? [
          ApiParam({
            name: 'subscriptionId',
            description: 'The subscription',
            schema: { type: 'string', format: 'uuid', maxLength: 36 },
            example: SUBSCRIPTION_ID,
          }),
        ]
      : []),
    ...(options.delivery
      ? [
          ApiParam({
            name: 'deliveryId',
            description: 'The delivery to send again',
            schema: { type: 'string', format: 'uuid', maxLength: 36 },
            example: DELIVERY_ID,
          }),
        ]
      : []),
    ApiProblemResponse(400, 'A malformed agency code, id, body, filter or cursor', {
      agencyCode: {
        summary: 'An agency code in lower case',
        error: DomainError.validation([{ field: 'agencyCode', code: 'agency_code_format' }]),
        instance: instance.replace('DUKCAPIL', 'dukcapil'),
      },
      ...options.own400,
    }),
    ApiProblemResponse(401, 'No authenticated caller', {
      anonymous: {
        summary: 'An anonymous caller',
        error: new DomainError('unauthenticated', 401, [], { resource: 'webhooks of DUKCAPIL' }),
        instance,
      },
    }),
    ApiProblemResponse(403, "The caller does not manage this agency's webhooks", {
      verifier: {
        summary: 'A verifier of the agency',
        error: new DomainError('forbidden', 403, [], { resource: 'webhooks of DUKCAPIL' }),
        instance,
      },
    }),
    ...(Object.keys(notFound).length > 0
      ? [ApiProblemResponse(404, 'No such subscription (or delivery) of this agency', notFound)]
      : [
          ApiExtension(
            'x-missing-resource',
            'An agency nobody runs is answered 503 naming it: no deployment of it answers the request.',
          ),
        ]),
    ...(options.body
      ? [
          ApiProblemResponse(413, 'The body is larger than 64 KiB', {
            tooLarge: {
              summary: 'A body over the limit',
              error: new DomainError('payload_too_large', 413, [], { limit: 65536 }),
              instance,
            },
          }),
          ApiProblemResponse(415, 'The body is not sent as `application/json`', {
            notJson: {
              summary: 'A form-encoded body',
              error: new DomainError('unsupported_media_type', 415),
              instance,
            },
          }),
        ]
      : []),
    ApiUpstreamProblems('DUKCAPIL', instance),
  );
}

@ApiTags('webhooks')
@Controller('v1/agencies/:agencyCode/webhook-subscriptions')
export class WebhooksController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  @ApiWebhookOperation({
    operationId: 'createWebhookSubscription',
    summary: "Subscribe to an agency's events",
    description:
      "The agency's system is told of its cases' events (`agency.application.status-changed.v1`: " +
      'no personal data, the same as the event) by a signed POST to `url` (Standard Webhooks: ' +
      '`webhook-id`, `webhook-timestamp`, `webhook-signature`; body `{type, timestamp, data}`), one ' +
      "application's events in order, retried with backoff for 24 hours. The answer carries the " +
      'signing secret, once (kept sealed; a retry under the same `Idempotency-Key` answers it again).',
    instance: LIST,
    body: true,
    own400: {
      url: {
        summary: 'A URL on a private network (production)',
        error: DomainError.validation([{ field: 'url', code: 'webhook_url_private' }]),
        instance: LIST,
      },
      ...invalidIdempotencyKeyExample(LIST),
    },
  })
  @ApiBody({
    type: CreateWebhookSubscriptionRequest,
    examples: {
      all: {
        summary: 'Every event',
        value: { url: 'https://simduk.dukcapil.go.id/satupintu/webhooks' },
      },
    },
  })
  @ApiResponse({
    status: 201,
    description: 'Subscribed; the secret is in this answer only (and in its replays)',
    type: WebhookSubscriptionCreatedResponse,
    headers: REPLAYED_HEADERS,
    examples: {
      created: { summary: 'Subscribed', value: { subscription: SUBSCRIPTION, secret: SECRET } },
    },
  })
  @ApiIdempotencyKey(LIST)
  async create(
    @Param('agencyCode') agencyCode: string,
    @Body() body: CreateWebhookSubscriptionRequest,
  ): Promise<WebhookSubscriptionCreatedResponse> {
    return this.rpc.request(
      CreateWebhookSubscription,
      { url: body.url, ...(body.eventTypes ? { eventTypes: body.eventTypes } : {}) },
      { to: agencyCodeOf(agencyCode) },
    );
  }

  @Get()
  @ApiWebhookOperation({
    operationId: 'listWebhookSubscriptions',
    summary: "An agency's webhook subscriptions",
    description: 'Oldest first, a page at a time (`nextCursor`). Never their secrets.',
    instance: LIST,
  })
  @ApiResponse({
    status: 200,
    description: 'A page of subscriptions',
    type: WebhookSubscriptionPageResponse,
    examples: { page: { summary: 'One subscription', value: { items: [SUBSCRIPTION] } } },
  })
  async list(
    @Param('agencyCode') agencyCode: string,
    @Query() query: PageRequest,
  ): Promise<WebhookSubscriptionPageResponse> {
    return this.rpc.request(ListWebhookSubscriptions, pageOf(query), {
      to: agencyCodeOf(agencyCode),
    });
  }

  @Get(':subscriptionId')
  @ApiWebhookOperation({
    operationId: 'getWebhookSubscription',
    summary: 'A webhook subscription',
    description: 'Its URL, event types and state. Never its secret.',
    instance: ONE,
    subscription: true,
  })
  @ApiResponse({
    status: 200,
    description: 'The subscription',
    type: WebhookSubscriptionResponse,
    examples: { one: { summary: 'Enabled', value: SUBSCRIPTION } },
  })
  async get(
    @Param('agencyCode') agencyCode: string,
    @Param('subscriptionId') subscriptionId: string,
  ): Promise<WebhookSubscriptionResponse> {
    return this.rpc.request(
      GetWebhookSubscription,
      { subscriptionId: idOf('subscriptionId', subscriptionId) },
      { to: agencyCodeOf(agencyCode) },
    );
  }

  @Patch(':subscriptionId')
  @ApiWebhookOperation({
    operationId: 'updateWebhookSubscription',
    summary: 'Disable or enable a webhook subscription',
    description:
      'Disabled, nothing more is enqueued or sent for it, and what was pending waits; enabled ' +
      'again, what waited goes out (in order), and new events are enqueued again.',
    instance: ONE,
    subscription: true,
    body: true,
  })
  @ApiBody({
    type: UpdateWebhookSubscriptionRequest,
    examples: { disable: { summary: 'Disable', value: { enabled: false } } },
  })
  @ApiResponse({
    status: 200,
    description: 'The subscription, as it is now',
    type: WebhookSubscriptionResponse,
    examples: {
      disabled: {
        summary: 'Disabled',
        value: { ...SUBSCRIPTION, enabled: false, disabledAt: '2026-12-02T03:04:05.678Z' },
      },
    },
  })
  async update(
    @Param('agencyCode') agencyCode: string,
    @Param('subscriptionId') subscriptionId: string,
    @Body() body: UpdateWebhookSubscriptionRequest,
  ): Promise<WebhookSubscriptionResponse> {
    return this.rpc.request(
      UpdateWebhookSubscription,
      { subscriptionId: idOf('subscriptionId', subscriptionId), enabled: body.enabled },
      { to: agencyCodeOf(agencyCode) },
    );
  }

  @Delete(':subscriptionId')
  @HttpCode(204)
  @ApiWebhookOperation({
    operationId: 'deleteWebhookSubscription',
    summary: 'Delete a webhook subscription',
    description:
      'Gone for good, with its delivery log: what was pending is never sent. To pause, disable it instead.',
    instance: ONE,
    subscription: true,
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  async delete(
    @Param('agencyCode') agencyCode: string,
    @Param('subscriptionId') subscriptionId: string,
  ): Promise<void> {
    await this.rpc.request(
      DeleteWebhookSubscription,
      { subscriptionId: idOf('subscriptionId', subscriptionId) },
      { to: agencyCodeOf(agencyCode) },
    );
  }

  @Post(':subscriptionId/secrets')
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  @ApiWebhookOperation({
    operationId: 'rotateWebhookSecret',
    summary: 'Give a webhook subscription a new secret',
    description:
      'Rotation: a new signing secret, answered once. For 24 hours (`previousSecretExpiresAt`) ' +
      'each delivery carries two signatures, one per secret, so the receiver switches without ' +
      'rejecting any. No body. A retry under the same `Idempotency-Key` answers the same secret ' +
      'and rotates nothing.',
    instance: `${ONE}/secrets`,
    subscription: true,
    own400: invalidIdempotencyKeyExample(`${ONE}/secrets`),
  })
  @ApiResponse({
    status: 201,
    description: 'The new secret',
    type: WebhookSubscriptionCreatedResponse,
    headers: REPLAYED_HEADERS,
    examples: {
      rotated: {
        summary: 'Rotated',
        value: {
          subscription: SUBSCRIPTION,
          secret: SECRET,
          previousSecretExpiresAt: '2026-12-03T03:04:05.678Z',
        },
      },
    },
  })
  @ApiIdempotencyKey(`${ONE}/secrets`)
  async rotate(
    @Param('agencyCode') agencyCode: string,
    @Param('subscriptionId') subscriptionId: string,
  ): Promise<WebhookSubscriptionCreatedResponse> {
    return this.rpc.request(
      RotateWebhookSecret,
      { subscriptionId: idOf('subscriptionId', subscriptionId) },
      { to: agencyCodeOf(agencyCode) },
    );
  }

  @Get(':subscriptionId/deliveries')
  @ApiWebhookOperation({
    operationId: 'listWebhookDeliveries',
    summary: "A webhook subscription's delivery log",
    description:
      'Its deliveries, newest first, a page at a time (`nextCursor`), optionally only `pending`, ' +
      '`delivered` or `dead` (failed for 24 hours): attempts, the last status or error, when it ' +
      'goes next. Kept 30 days once settled.',
    instance: `${ONE}/deliveries`,
    subscription: true,
  })
  @ApiResponse({
    status: 200,
    description: 'A page of deliveries',
    type: WebhookDeliveryPageResponse,
    examples: {
      page: {
        summary: 'One delivered',
        value: {
          items: [
            {
              id: DELIVERY_ID,
              webhookId: 'msg_7c9e6679742540de944be07fc1f90ae7',
              eventType: 'agency.application.status-changed.v1',
              orderingKey: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
              occurredAt: '2026-12-01T03:04:05.678Z',
              status: 'delivered',
              attempts: 1,
              lastStatus: 200,
              createdAt: '2026-12-01T03:04:05.700Z',
              deliveredAt: '2026-12-01T03:04:05.750Z',
            },
          ],
        },
      },
    },
  })
  async deliveries(
    @Param('agencyCode') agencyCode: string,
    @Param('subscriptionId') subscriptionId: string,
    @Query() query: DeliveriesRequest,
  ): Promise<WebhookDeliveryPageResponse> {
    return this.rpc.request(
      ListWebhookDeliveries,
      {
        subscriptionId: idOf('subscriptionId', subscriptionId),
        ...pageOf(query),
        ...(query.status ? { status: query.status } : {}),
      },
      { to: agencyCodeOf(agencyCode) },
    );
  }

  @Post(':subscriptionId/deliveries/:deliveryId/replays')
  @HttpCode(202)
  @ApiWebhookOperation({
    operationId: 'replayWebhookDelivery',
    summary: 'Send a delivery again',
    description:
      'Its event goes again, with the same `webhook-id` (receivers deduplicate by it), after ' +
      'whatever its application has pending, with a fresh 24 hours of retries. No body.',
    instance: `${ONE}/deliveries/${DELIVERY_ID}/replays`,
    subscription: true,
    delivery: true,
    own400: invalidIdempotencyKeyExample(`${ONE}/deliveries/${DELIVERY_ID}/replays`),
  })
  @ApiResponse({
    status: 202,
    description: 'Enqueued again',
    type: WebhookReplayResponse,
    headers: REPLAYED_HEADERS,
    examples: {
      replayed: { summary: 'Enqueued', value: { replayed: 1, deliveryId: DELIVERY_ID } },
    },
  })
  @ApiIdempotencyKey(`${ONE}/deliveries/${DELIVERY_ID}/replays`)
  async replay(
    @Param('agencyCode') agencyCode: string,
    @Param('subscriptionId') subscriptionId: string,
    @Param('deliveryId') deliveryId: string,
  ): Promise<WebhookReplayResponse> {
    return this.rpc.request(
      ReplayWebhookDelivery,
      {
        subscriptionId: idOf('subscriptionId', subscriptionId),
        deliveryId: idOf('deliveryId', deliveryId),
      },
      { to: agencyCodeOf(agencyCode) },
    );
  }

  @Post(':subscriptionId/replays')
  @HttpCode(202)
  @ApiWebhookOperation({
    operationId: 'replayWebhookDeliveries',
    summary: 'Send a time range of deliveries again',
    description:
      'Every event first enqueued for the subscription in [`from`, `to`) goes again (each once, ' +
      'in its original order, same `webhook-id`), or only the dead ones (`onlyDead`).',
    instance: `${ONE}/replays`,
    subscription: true,
    body: true,
    own400: {
      range: {
        summary: '`to` not after `from`',
        error: DomainError.validation([{ field: 'to', code: 'webhook_range' }]),
        instance: `${ONE}/replays`,
      },
      ...invalidIdempotencyKeyExample(`${ONE}/replays`),
    },
  })
  @ApiBody({
    type: ReplayRangeRequest,
    examples: {
      dead: {
        summary: 'The dead ones of a day',
        value: {
          from: '2026-12-01T00:00:00+07:00',
          to: '2026-12-02T00:00:00+07:00',
          onlyDead: true,
        },
      },
    },
  })
  @ApiResponse({
    status: 202,
    description: 'Enqueued again',
    type: WebhookReplayResponse,
    headers: REPLAYED_HEADERS,
    examples: { replayed: { summary: 'Twelve enqueued', value: { replayed: 12 } } },
  })
  @ApiIdempotencyKey(`${ONE}/replays`)
  async replayRange(
    @Param('agencyCode') agencyCode: string,
    @Param('subscriptionId') subscriptionId: string,
    @Body() body: ReplayRangeRequest,
  ): Promise<WebhookReplayResponse> {
    return this.rpc.request(
      ReplayWebhookDeliveries,
      {
        subscriptionId: idOf('subscriptionId', subscriptionId),
        from: body.from,
        to: body.to,
        ...(body.onlyDead ? { onlyDead: true } : {}),
      },
      { to: agencyCodeOf(agencyCode) },
    );
  }
}
