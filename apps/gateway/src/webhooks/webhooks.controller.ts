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
  type Type,
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
  AGENCY_WEBHOOK_REQUESTS,
  CLIENT_WEBHOOK_REQUESTS,
  type WebhookRequests,
  type WebhookSubscriptionV1,
} from '@satupintu/contracts';
import { type RequestOptions, RpcClient } from '@satupintu/messaging';
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
  CreateClientWebhookSubscriptionRequest,
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

/** API clients, on the applications they submitted (tracking decides too). */
export const CLIENT_WEBHOOK_MANAGERS = {
  client: ['applications:read'],
} as const satisfies CallerRule;

const SUBSCRIPTION_ID = '0f8e4a52-6c3d-4e1b-9a2f-7d5c3b1e0a94';
const DELIVERY_ID = '5b7d0c1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e';
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw1k7JGNvvjss=';

/** One set of subscription routes: where, for whom, asking which service, and its documentation. */
interface WebhookApi {
  path: string;
  /** The operation ids' word for these subscriptions ('' for the agency's, 'Client'). */
  kind: string;
  /** An example path of the collection, for the documented problems. */
  list: string;
  callers: CallerRule;
  /** What, besides the callers, guards and describes the path (the agency's code). */
  scope: MethodDecorator[];
  /** Who manages them, appended to every description. */
  about: string;
  /** The subscriptions' owner as the summaries say it ("an agency's", "your"). */
  whose: string;
  /** What a 401 or 403 names. */
  resource: string;
  forbidden: { summary: string; description: string };
  /** Its own 400 examples, for an operation on one subscription or on the collection. */
  own400(onOne: boolean): Parameters<typeof ApiProblemResponse>[2];
  /** The 400's description: what may be malformed. */
  malformed: string;
  /** The service that answers: its 503. */
  service: string;
  contracts: WebhookRequests;
  /** The request's routing from the path's parameters. */
  route(params: Record<string, string>): RequestOptions;
  create: { body: Type<unknown>; description: string; url: string };
  subscription: WebhookSubscriptionV1;
  eventType: string;
}

function idOf(field: string, value: string): string {
  if (!UUID_PATTERN.test(value)) throw DomainError.validation([{ field, code: 'invalid' }]);
  return value;
}

/** What every operation here documents: who, the scope (and subscription), the problems. */
function ApiWebhookOperation(
  api: WebhookApi,
  options: {
    operationId: string;
    summary: string;
    description: string;
    instance: string;
    subscription?: boolean;
    delivery?: boolean;
    /** It takes a JSON body: 413 and 415 too. */
    body?: boolean;
    own400?: Parameters<typeof ApiProblemResponse>[2];
  },
) {
  const { instance } = options;
  const notFound = {
    ...(options.subscription
      ? {
          subscription: {
            summary: `Not one of ${api.whose} subscriptions`,
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
    Callers(api.callers),
    ...api.scope,
    ApiOperation({
      operationId: options.operationId.replace('Webhook', `${api.kind}Webhook`),
      summary: options.summary,
      description: options.description + api.about,
      security: securityOf(api.callers),
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
    ApiProblemResponse(400, api.malformed, {
      ...api.own400(!!options.subscription),
      ...options.own400,
    }),
    ApiProblemResponse(401, 'No authenticated caller', {
      anonymous: {
        summary: 'An anonymous caller',
        error: new DomainError('unauthenticated', 401, [], { resource: api.resource }),
        instance,
      },
    }),
    ApiProblemResponse(403, api.forbidden.description, {
      forbidden: {
        summary: api.forbidden.summary,
        error: new DomainError('forbidden', 403, [], { resource: api.resource }),
        instance,
      },
    }),
    ...(Object.keys(notFound).length > 0
      ? [ApiProblemResponse(404, `No such subscription (or delivery) of ${api.whose}`, notFound)]
      : api.kind === ''
        ? [
            ApiExtension(
              'x-missing-resource',
              'An agency nobody runs is answered 503 naming it: no deployment of it answers the request.',
            ),
          ]
        : []),
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
    ApiUpstreamProblems(api.service, instance),
  );
}

/**
 * The webhook subscription routes of one kind of subscriber (ADR 0020): an agency's, answered by
 * its deployment, and an API client's, answered by tracking. Both are the same API over the
 * same machinery (`libs/webhooks`); only where they are, who calls them and who answers differ.
 */
function webhooksController(api: WebhookApi): Type<unknown> {
  const { contracts } = api;
  const LIST = api.list;
  const ONE = `${LIST}/${SUBSCRIPTION_ID}`;
  const SUBSCRIPTION = api.subscription;
  const op = (options: Parameters<typeof ApiWebhookOperation>[1]) =>
    ApiWebhookOperation(api, options);

  @ApiTags('webhooks')
  @Controller(api.path)
  class WebhookSubscriptionsController {
    constructor(readonly rpc: RpcClient) {}

    @Post()
    @HttpCode(201)
    @Header('Cache-Control', 'no-store')
    @op({
      operationId: 'createWebhookSubscription',
      summary: `Subscribe to ${api.whose} events`,
      description:
        api.create.description +
        ' by a signed POST to `url` (Standard Webhooks: ' +
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
      type: api.create.body,
      examples: { all: { summary: 'Every event', value: { url: api.create.url } } },
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
      @Param() params: Record<string, string>,
      @Body() body: CreateWebhookSubscriptionRequest,
    ): Promise<WebhookSubscriptionCreatedResponse> {
      return this.rpc.request(
        contracts.create,
        { url: body.url, ...(body.eventTypes ? { eventTypes: body.eventTypes } : {}) },
        api.route(params),
      );
    }

    @Get()
    @op({
      operationId: 'listWebhookSubscriptions',
      summary: `${capitalized(api.whose)} webhook subscriptions`,
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
      @Param() params: Record<string, string>,
      @Query() query: PageRequest,
    ): Promise<WebhookSubscriptionPageResponse> {
      return this.rpc.request(contracts.list, pageOf(query), api.route(params));
    }

    @Get(':subscriptionId')
    @op({
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
    async get(@Param() params: Record<string, string>): Promise<WebhookSubscriptionResponse> {
      return this.rpc.request(
        contracts.get,
        { subscriptionId: idOf('subscriptionId', params.subscriptionId) },
        api.route(params),
      );
    }

    @Patch(':subscriptionId')
    @op({
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
      @Param() params: Record<string, string>,
      @Body() body: UpdateWebhookSubscriptionRequest,
    ): Promise<WebhookSubscriptionResponse> {
      return this.rpc.request(
        contracts.update,
        { subscriptionId: idOf('subscriptionId', params.subscriptionId), enabled: body.enabled },
        api.route(params),
      );
    }

    @Delete(':subscriptionId')
    @HttpCode(204)
    @op({
      operationId: 'deleteWebhookSubscription',
      summary: 'Delete a webhook subscription',
      description:
        'Gone for good, with its delivery log: what was pending is never sent. To pause, disable it instead.',
      instance: ONE,
      subscription: true,
    })
    @ApiNoContentResponse({ description: 'Deleted' })
    async delete(@Param() params: Record<string, string>): Promise<void> {
      await this.rpc.request(
        contracts.delete,
        { subscriptionId: idOf('subscriptionId', params.subscriptionId) },
        api.route(params),
      );
    }

    @Post(':subscriptionId/secrets')
    @HttpCode(201)
    @Header('Cache-Control', 'no-store')
    @op({
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
      @Param() params: Record<string, string>,
    ): Promise<WebhookSubscriptionCreatedResponse> {
      return this.rpc.request(
        contracts.rotate,
        { subscriptionId: idOf('subscriptionId', params.subscriptionId) },
        api.route(params),
      );
    }

    @Get(':subscriptionId/deliveries')
    @op({
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
                eventType: api.eventType,
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
      @Param() params: Record<string, string>,
      @Query() query: DeliveriesRequest,
    ): Promise<WebhookDeliveryPageResponse> {
      return this.rpc.request(
        contracts.deliveries,
        {
          subscriptionId: idOf('subscriptionId', params.subscriptionId),
          ...pageOf(query),
          ...(query.status ? { status: query.status } : {}),
        },
        api.route(params),
      );
    }

    @Post(':subscriptionId/deliveries/:deliveryId/replays')
    @HttpCode(202)
    @op({
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
    async replay(@Param() params: Record<string, string>): Promise<WebhookReplayResponse> {
      return this.rpc.request(
        contracts.replay,
        {
          subscriptionId: idOf('subscriptionId', params.subscriptionId),
          deliveryId: idOf('deliveryId', params.deliveryId),
        },
        api.route(params),
      );
    }

    @Post(':subscriptionId/replays')
    @HttpCode(202)
    @op({
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
      @Param() params: Record<string, string>,
      @Body() body: ReplayRangeRequest,
    ): Promise<WebhookReplayResponse> {
      return this.rpc.request(
        contracts.replayRange,
        {
          subscriptionId: idOf('subscriptionId', params.subscriptionId),
          from: body.from,
          to: body.to,
          ...(body.onlyDead ? { onlyDead: true } : {}),
        },
        api.route(params),
      );
    }
  }
  Object.defineProperty(WebhookSubscriptionsController, 'name', {
    value: `${api.kind}WebhooksController`,
  });
  return WebhookSubscriptionsController;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const AGENCY_LIST = '/v1/agencies/DUKCAPIL/webhook-subscriptions';

/** An agency's subscriptions to its cases' events, managed by its admin or its own system. */
export const WebhooksController = webhooksController({
  path: 'v1/agencies/:agencyCode/webhook-subscriptions',
  kind: '',
  list: AGENCY_LIST,
  callers: WEBHOOK_MANAGERS,
  scope: [
    OfAgency('agencyCode'),
    ApiParam({
      name: 'agencyCode',
      description: 'The agency whose events are subscribed to',
      schema: { type: 'string', maxLength: AGENCY_CODE.maxLength, pattern: AGENCY_CODE.pattern },
      example: 'DUKCAPIL',
    }),
  ],
  about:
    " Managed by the agency's admin, a mall admin, or the agency's own system (an API client with " +
    "`agency:<CODE>:work`); the request goes to that agency's deployment, which decides.",
  whose: "an agency's",
  resource: 'webhooks of DUKCAPIL',
  forbidden: {
    summary: 'A verifier of the agency',
    description: "The caller does not manage this agency's webhooks",
  },
  malformed: 'A malformed agency code, id, body, filter or cursor',
  own400: () => ({
    agencyCode: {
      summary: 'An agency code in lower case',
      error: DomainError.validation([{ field: 'agencyCode', code: 'agency_code_format' }]),
      instance: AGENCY_LIST.replace('DUKCAPIL', 'dukcapil'),
    },
  }),
  service: 'DUKCAPIL',
  contracts: AGENCY_WEBHOOK_REQUESTS,

  route: (params) => ({ to: agencyCodeOf(params.agencyCode) }),
  create: {
    body: CreateWebhookSubscriptionRequest,
    description:
      "The agency's system is told of its cases' events (`agency.application.status-changed.v1`: " +
      'no personal data, the same as the event)',
    url: 'https://simduk.dukcapil.go.id/satupintu/webhooks',
  },
  subscription: {
    id: SUBSCRIPTION_ID,
    agencyCode: 'DUKCAPIL',
    url: 'https://simduk.dukcapil.go.id/satupintu/webhooks',
    eventTypes: [],
    createdBy: 'client:dukcapil-simduk',
    enabled: true,
    createdAt: '2026-12-01T03:04:05.678Z',
  },
  eventType: 'agency.application.status-changed.v1',
});

const CLIENT_LIST = '/v1/webhook-subscriptions';

/** An API client's subscriptions to the timelines of the applications it submitted. */
export const ClientWebhooksController = webhooksController({
  path: 'v1/webhook-subscriptions',
  kind: 'Client',
  list: CLIENT_LIST,
  callers: CLIENT_WEBHOOK_MANAGERS,
  scope: [],
  about:
    ' For an API client with `applications:read`, on the applications it submitted (for ' +
    'applicants); each client sees and manages only its own subscriptions.',
  whose: 'your',
  resource: 'webhook subscriptions',
  forbidden: {
    summary: 'An officer, an applicant, or a client without `applications:read`',
    description: 'The caller is not an API client with `applications:read`',
  },
  malformed: 'A malformed id, body, filter or cursor',
  own400: (onOne): Parameters<typeof ApiProblemResponse>[2] =>
    onOne
      ? {
          subscriptionId: {
            summary: 'A subscription id that is not a UUID',
            error: DomainError.validation([{ field: 'subscriptionId', code: 'invalid' }]),
            instance: `${CLIENT_LIST}/42`,
          },
        }
      : {
          limit: {
            summary: 'A page of more than 100',
            error: DomainError.validation([
              { field: 'limit', code: 'number_max', params: { max: 100 } },
            ]),
            instance: `${CLIENT_LIST}?limit=500`,
          },
        },
  service: 'tracking',
  contracts: CLIENT_WEBHOOK_REQUESTS,

  route: () => ({}),
  create: {
    body: CreateClientWebhookSubscriptionRequest,
    description:
      'The client is told of each new entry on the timeline of every application it submitted ' +
      '(`tracking.application.status-changed.v1`: the entry, with the application id and ' +
      'tracking number; no personal data)',
    url: 'https://portal.example.id/satupintu/webhooks',
  },
  subscription: {
    id: SUBSCRIPTION_ID,
    clientId: 'portal-nasional',
    url: 'https://portal.example.id/satupintu/webhooks',
    eventTypes: [],
    createdBy: 'client:portal-nasional',
    enabled: true,
    createdAt: '2026-12-01T03:04:05.678Z',
  },
  eventType: 'tracking.application.status-changed.v1',
});
