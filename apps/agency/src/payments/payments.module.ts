import { type DynamicModule, Global, Module } from '@nestjs/common';
import { AGENCY_CODE } from '../cases/agency-code';
import { PAYMENTS_SETTINGS, PaymentDues, type PaymentsSettings } from './payment-dues';
import { PaymentsHandlers } from './payments.handlers';

/** Fees: the due asked for on entering AWAITING_PAYMENT, and the payers' callbacks (ADR 0022). */
@Global()
@Module({})
export class PaymentsModule {
  static forRoot(agencyCode: string, settings: PaymentsSettings): DynamicModule {
    return {
      module: PaymentsModule,
      controllers: [PaymentsHandlers],
      providers: [
        PaymentDues,
        { provide: PAYMENTS_SETTINGS, useValue: settings },
        { provide: AGENCY_CODE, useValue: agencyCode },
      ],
      exports: [PaymentDues],
    };
  }
}
