import { Module } from '@nestjs/common';
import { PaymentsController } from './payments.controller';
import { RawCallbackBody } from './raw-callback-body';

@Module({ controllers: [PaymentsController], providers: [RawCallbackBody] })
export class PaymentsModule {}
