import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DomainError, type RequestContext } from '@satupintu/common';
import {
  CreateWebhookSubscription,
  type CreateWebhookSubscriptionV1,
  DeleteWebhookSubscription,
  GetWebhookSubscription,
  ListWebhookDeliveries,
  type ListWebhookDeliveriesV1,
  ListWebhookSubscriptions,
  type ListWebhookSubscriptionsV1,
  ReplayWebhookDeliveries,
  type ReplayWebhookDeliveriesV1,
  ReplayWebhookDelivery,
  type ReplayWebhookDeliveryV1,
  RotateWebhookSecret,
  UpdateWebhookSubscription,
  type UpdateWebhookSubscriptionV1,
  type WebhookDeliveryPageV1,
  type WebhookReplayV1,
  type WebhookSubscriptionCreatedV1,
  type WebhookSubscriptionPageV1,
  type WebhookSubscriptionRefV1,
  type WebhookSubscriptionV1,
} from '@satupintu/contracts';
import {
  type AnswerSealing,
  Caller,
  HandleRequest,
  IdempotencyKeys,
  callerScopeOf,
} from '@satupintu/messaging';
import { Webhooks } from '@satupintu/webhooks';
import { AGENCY_CODE } from '../cases/agency-code';
import { requireWebhookManager } from './webhook-access';
import { deliveryV1Of, subscriptionV1Of } from './webhook-views';

export const WEBHOOK_ANSWER_SEALING = Symbol('WEBHOOK_ANSWER_SEALING');

/**
 * This agency's webhook subscriptions, their delivery logs and replays (ADR 0020), for its
 * managers only. A subscription of another agency is not found here, whether it exists or not.
 * Creating and rotating answer the secret once, or again to a retry under the same
 * `Idempotency-Key`, for which the answer is kept with its secret sealed (ADR 0017).
 */
@Controller()
export class WebhooksHandlers {
  constructor(
    private readonly webhooks: Webhooks,
    private readonly idempotency: IdempotencyKeys,
    @Inject(AGENCY_CODE) private readonly agencyCode: string,
    @Inject(WEBHOOK_ANSWER_SEALING)
    private readonly sealing: AnswerSealing<WebhookSubscriptionCreatedV1>,
  ) {}

  @HandleRequest(CreateWebhookSubscription)
  create(
    @Payload() input: CreateWebhookSubscriptionV1,
    @Caller() caller: RequestContext,
  ): Promise<WebhookSubscriptionCreatedV1> {
    requireWebhookManager(caller.principal, this.agencyCode);
    const owner = callerScopeOf(caller.principal) ?? caller.principal.kind;
    return this.idempotency.runInTransaction(
      caller,
      CreateWebhookSubscription.subject,
      input,
      async (tx) => {
        const { subscription, secret } = await this.webhooks.createSubscription(
          { owner, scope: this.agencyCode, url: input.url, eventTypes: input.eventTypes ?? [] },
          tx,
        );
        return { subscription: subscriptionV1Of(subscription), secret };
      },
      { sealing: this.sealing },
    );
  }

  @HandleRequest(ListWebhookSubscriptions)
  async list(
    @Payload() request: ListWebhookSubscriptionsV1,
    @Caller() caller: RequestContext,
  ): Promise<WebhookSubscriptionPageV1> {
    requireWebhookManager(caller.principal, this.agencyCode);
    const page = await this.webhooks.listSubscriptions({ scope: this.agencyCode }, request);
    return {
      items: page.items.map(subscriptionV1Of),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }

  @HandleRequest(GetWebhookSubscription)
  async get(
    @Payload() request: WebhookSubscriptionRefV1,
    @Caller() caller: RequestContext,
  ): Promise<WebhookSubscriptionV1> {
    return subscriptionV1Of(await this.subscription(caller, request.subscriptionId));
  }

  @HandleRequest(UpdateWebhookSubscription)
  async update(
    @Payload() request: UpdateWebhookSubscriptionV1,
    @Caller() caller: RequestContext,
  ): Promise<WebhookSubscriptionV1> {
    await this.subscription(caller, request.subscriptionId);
    await this.webhooks.setSubscriptionEnabled(request.subscriptionId, request.enabled);
    return subscriptionV1Of(await this.subscription(caller, request.subscriptionId));
  }

  @HandleRequest(DeleteWebhookSubscription)
  async delete(
    @Payload() request: WebhookSubscriptionRefV1,
    @Caller() caller: RequestContext,
  ): Promise<{ deleted: true }> {
    await this.subscription(caller, request.subscriptionId);
    await this.webhooks.deleteSubscription(request.subscriptionId);
    return { deleted: true };
  }

  @HandleRequest(RotateWebhookSecret)
  async rotate(
    @Payload() request: WebhookSubscriptionRefV1,
    @Caller() caller: RequestContext,
  ): Promise<WebhookSubscriptionCreatedV1> {
    await this.subscription(caller, request.subscriptionId);
    return this.idempotency.runInTransaction(
      caller,
      RotateWebhookSecret.subject,
      request,
      async (tx) => {
        const rotated = await this.webhooks.rotateSecret(request.subscriptionId, tx);
        if (!rotated) throw notFound(request.subscriptionId);
        return {
          subscription: subscriptionV1Of(rotated.subscription),
          secret: rotated.secret,
          previousSecretExpiresAt: rotated.previousSecretUntil.toISOString(),
        };
      },
      { sealing: this.sealing },
    );
  }

  @HandleRequest(ListWebhookDeliveries)
  async deliveries(
    @Payload() request: ListWebhookDeliveriesV1,
    @Caller() caller: RequestContext,
  ): Promise<WebhookDeliveryPageV1> {
    await this.subscription(caller, request.subscriptionId);
    const page = await this.webhooks.listDeliveries(request.subscriptionId, {
      limit: request.limit,
      ...(request.cursor ? { cursor: request.cursor } : {}),
      ...(request.status ? { status: request.status } : {}),
    });
    return {
      items: page.items.map(deliveryV1Of),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }

  @HandleRequest(ReplayWebhookDelivery)
  async replay(
    @Payload() request: ReplayWebhookDeliveryV1,
    @Caller() caller: RequestContext,
  ): Promise<WebhookReplayV1> {
    await this.subscription(caller, request.subscriptionId);
    await this.webhooks.deliveryOf(request.subscriptionId, request.deliveryId);
    return this.idempotency.runInTransaction(
      caller,
      ReplayWebhookDelivery.subject,
      request,
      async (tx) => ({
        replayed: 1,
        deliveryId: await this.webhooks.replayDelivery(request.deliveryId, tx),
      }),
    );
  }

  @HandleRequest(ReplayWebhookDeliveries)
  async replayRange(
    @Payload() request: ReplayWebhookDeliveriesV1,
    @Caller() caller: RequestContext,
  ): Promise<WebhookReplayV1> {
    await this.subscription(caller, request.subscriptionId);
    const from = new Date(request.from);
    const to = new Date(request.to);
    if (!(from < to)) throw DomainError.validation([{ field: 'to', code: 'webhook_range' }]);
    const range = { from, to, ...(request.onlyDead ? { onlyDead: true } : {}) };
    return this.idempotency.runInTransaction(
      caller,
      ReplayWebhookDeliveries.subject,
      request,
      async (tx) => ({
        replayed: await this.webhooks.replayRange(request.subscriptionId, range, tx),
      }),
    );
  }

  private async subscription(caller: RequestContext, id: string) {
    requireWebhookManager(caller.principal, this.agencyCode);
    return this.webhooks.subscriptionOf(this.agencyCode, id);
  }
}

const notFound = (subscriptionId: string) =>
  new DomainError('webhook_subscription_not_found', 404, [], { subscriptionId });
