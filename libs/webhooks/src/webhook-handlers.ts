import { Controller, Inject, type Type } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DomainError, type RequestContext } from '@satupintu/common';
import type {
  CreateWebhookSubscriptionV1,
  ListWebhookDeliveriesV1,
  ListWebhookSubscriptionsV1,
  Principal,
  ReplayWebhookDeliveriesV1,
  ReplayWebhookDeliveryV1,
  UpdateWebhookSubscriptionV1,
  WebhookDeliveryPageV1,
  WebhookRequests,
  WebhookReplayV1,
  WebhookSubscriptionCreatedV1,
  WebhookSubscriptionPageV1,
  WebhookSubscriptionRefV1,
  WebhookSubscriptionV1,
} from '@satupintu/contracts';
import {
  type AnswerSealing,
  Caller,
  HandleRequest,
  IdempotencyKeys,
  callerScopeOf,
} from '@satupintu/messaging';
import { deliveryV1Of, subscriptionV1Of } from './webhook-views';
import { Webhooks } from './webhooks.module';

export const WEBHOOK_ANSWER_SEALING = Symbol('WEBHOOK_ANSWER_SEALING');

export interface WebhookHandlersSpec {
  contracts: WebhookRequests;
  /**
   * The scope whose subscriptions this caller manages (an agency's code, a client's id), or the
   * 401/403 problem thrown.
   */
  scopeOf(principal: Principal): string;
  /** What the scope is called in the answers. */
  scopeIs: 'agencyCode' | 'clientId';
}

/**
 * The handlers of a service's webhook subscriptions, their delivery logs and replays (ADR 0020),
 * for the managers of one scope only: a subscription of another scope is not found, whether it
 * exists or not. Creating and rotating answer the secret once, or again to a retry under the
 * same `Idempotency-Key`, for which the answer is kept with its secret sealed (ADR 0017). The
 * service provides `WEBHOOK_ANSWER_SEALING`.
 */
export function webhookHandlers(spec: WebhookHandlersSpec): Type<unknown> {
  const { contracts, scopeIs } = spec;
  const view = (subscription: Parameters<typeof subscriptionV1Of>[0]) =>
    subscriptionV1Of(subscription, scopeIs);

  @Controller()
  class WebhookHandlers {
    constructor(
      readonly webhooks: Webhooks,
      readonly idempotency: IdempotencyKeys,
      @Inject(WEBHOOK_ANSWER_SEALING)
      readonly sealing: AnswerSealing<WebhookSubscriptionCreatedV1>,
    ) {}

    @HandleRequest(contracts.create)
    create(
      @Payload() input: CreateWebhookSubscriptionV1,
      @Caller() caller: RequestContext,
    ): Promise<WebhookSubscriptionCreatedV1> {
      const scope = spec.scopeOf(caller.principal);
      const owner = callerScopeOf(caller.principal) ?? caller.principal.kind;
      return this.idempotency.runInTransaction(
        caller,
        contracts.create.subject,
        input,
        async (tx) => {
          const { subscription, secret } = await this.webhooks.createSubscription(
            { owner, scope, url: input.url, eventTypes: input.eventTypes ?? [] },
            tx,
          );
          return { subscription: view(subscription), secret };
        },
        { sealing: this.sealing },
      );
    }

    @HandleRequest(contracts.list)
    async list(
      @Payload() request: ListWebhookSubscriptionsV1,
      @Caller() caller: RequestContext,
    ): Promise<WebhookSubscriptionPageV1> {
      const scope = spec.scopeOf(caller.principal);
      const page = await this.webhooks.listSubscriptions({ scope }, request);
      return {
        items: page.items.map(view),
        ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
      };
    }

    @HandleRequest(contracts.get)
    async get(
      @Payload() request: WebhookSubscriptionRefV1,
      @Caller() caller: RequestContext,
    ): Promise<WebhookSubscriptionV1> {
      return view(await this.subscription(caller, request.subscriptionId));
    }

    @HandleRequest(contracts.update)
    async update(
      @Payload() request: UpdateWebhookSubscriptionV1,
      @Caller() caller: RequestContext,
    ): Promise<WebhookSubscriptionV1> {
      await this.subscription(caller, request.subscriptionId);
      await this.webhooks.setSubscriptionEnabled(request.subscriptionId, request.enabled);
      return view(await this.subscription(caller, request.subscriptionId));
    }

    @HandleRequest(contracts.delete)
    async delete(
      @Payload() request: WebhookSubscriptionRefV1,
      @Caller() caller: RequestContext,
    ): Promise<{ deleted: true }> {
      await this.subscription(caller, request.subscriptionId);
      await this.webhooks.deleteSubscription(request.subscriptionId);
      return { deleted: true };
    }

    @HandleRequest(contracts.rotate)
    async rotate(
      @Payload() request: WebhookSubscriptionRefV1,
      @Caller() caller: RequestContext,
    ): Promise<WebhookSubscriptionCreatedV1> {
      await this.subscription(caller, request.subscriptionId);
      return this.idempotency.runInTransaction(
        caller,
        contracts.rotate.subject,
        request,
        async (tx) => {
          const rotated = await this.webhooks.rotateSecret(request.subscriptionId, tx);
          if (!rotated) throw notFound(request.subscriptionId);
          return {
            subscription: view(rotated.subscription),
            secret: rotated.secret,
            previousSecretExpiresAt: rotated.previousSecretUntil.toISOString(),
          };
        },
        { sealing: this.sealing },
      );
    }

    @HandleRequest(contracts.deliveries)
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

    @HandleRequest(contracts.replay)
    async replay(
      @Payload() request: ReplayWebhookDeliveryV1,
      @Caller() caller: RequestContext,
    ): Promise<WebhookReplayV1> {
      await this.subscription(caller, request.subscriptionId);
      await this.webhooks.deliveryOf(request.subscriptionId, request.deliveryId);
      return this.idempotency.runInTransaction(
        caller,
        contracts.replay.subject,
        request,
        async (tx) => ({
          replayed: 1,
          deliveryId: await this.webhooks.replayDelivery(request.deliveryId, tx),
        }),
      );
    }

    @HandleRequest(contracts.replayRange)
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
        contracts.replayRange.subject,
        request,
        async (tx) => ({
          replayed: await this.webhooks.replayRange(request.subscriptionId, range, tx),
        }),
      );
    }

    async subscription(caller: RequestContext, id: string) {
      return this.webhooks.subscriptionOf(spec.scopeOf(caller.principal), id);
    }
  }
  return WebhookHandlers;
}

const notFound = (subscriptionId: string) =>
  new DomainError('webhook_subscription_not_found', 404, [], { subscriptionId });
