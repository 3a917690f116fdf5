import { IsDefined, IsOptional, IsString, MaxLength } from 'class-validator';
import { defineRequest } from '../contract';

/** The most a payment callback's body may be: a few short fields, far less than this. */
export const PAYMENT_CALLBACK_MAX_BYTES = 8 * 1024;

/**
 * A bank's or payment gateway's callback as it arrived at the gateway, forwarded untouched to
 * the agency that asked for the fee (routed by the agency code of the callback's URL). The
 * body stays the raw text: the signature covers its exact bytes, so nobody parses it before
 * the agency has checked it (ADR 0022). The headers are optional here so that a callback
 * without them is refused (and recorded) by the agency, not lost at the gateway.
 */
export class ConfirmPaymentCallbackV1 {
  @IsDefined()
  @IsString()
  @MaxLength(PAYMENT_CALLBACK_MAX_BYTES)
  rawBody: string;

  @IsOptional()
  @IsString()
  @MaxLength(32)
  timestamp?: string;

  @IsOptional()
  @IsString()
  @MaxLength(256)
  signature?: string;
}

/** A genuine callback acknowledged: applied now, or told again (nothing changed). */
export interface PaymentCallbackOutcomeV1 {
  outcome: 'applied' | 'repeat';
  paymentCode: string;
}

/** Every callback is recorded, refused ones too; a refusal is a problem naming why. */
export const ConfirmPaymentCallback = defineRequest<
  ConfirmPaymentCallbackV1,
  PaymentCallbackOutcomeV1
>({
  subject: 'agency.payment.callback.v1',
  service: 'agency',
  routedBy: 'agency',
  payload: ConfirmPaymentCallbackV1,
});
