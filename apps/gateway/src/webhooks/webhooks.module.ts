import { Module } from '@nestjs/common';
import { ClientWebhooksController, WebhooksController } from './webhooks.controller';

@Module({ controllers: [WebhooksController, ClientWebhooksController] })
export class WebhooksModule {}
