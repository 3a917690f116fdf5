import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiBody,
  ApiExtension,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import { ConfirmPaymentCallback, PAYMENT_CALLBACK_MAX_BYTES } from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import type { FastifyRequest } from 'fastify';
import { Public } from '../auth/access';
import { AGENCY_CODE } from '../openapi/formats';
import { ApiProblemResponse, ApiUpstreamProblems } from '../openapi/problem.responses';
import { agencyCodeOf } from '../work-queue/cases.controller';

const INSTANCE = '/v1/agencies/PUPR/payments/callback';
const CODE = '880800123456789012';

/** What a payer posts: documented here, read by the agency from the raw text. */
export class PaymentCallbackRequest {
  @ApiProperty({
    description: 'The payment code the applicant paid against (18 digits, Luhn-checked)',
    pattern: '^\\d{18}$',
    maxLength: 18,
    example: CODE,
  })
  paymentCode: string;

  @ApiProperty({
    description: 'The amount paid, in whole rupiah: it must be the amount asked for',
    type: 'integer',
    minimum: 1,
    maximum: 1_000_000_000_000,
    example: 1_250_000,
  })
  amount: number;

  @ApiProperty({
    description: 'When it was paid (ISO 8601 with an offset); after the code expired it is refused',
    format: 'date-time',
    maxLength: 40,
    example: '2026-11-24T09:30:00+07:00',
  })
  paidAt: string;

  @ApiProperty({
    description:
      "The payer's own id of the transaction: the same payment told again carries the same one",
    minLength: 1,
    maxLength: 64,
    example: 'BNI-20261124-000123',
  })
  reference: string;
}

export class PaymentCallbackResponse {
  @ApiProperty({
    enum: ['applied', 'repeat'],
    description: '`applied`: the case goes on to review; `repeat`: told before, nothing changed',
    example: 'applied',
  })
  outcome: 'applied' | 'repeat';

  @ApiProperty({ pattern: '^\\d{18}$', maxLength: 18, example: CODE })
  paymentCode: string;
}

const BODY = {
  paymentCode: CODE,
  amount: 1_250_000,
  paidAt: '2026-11-24T09:30:00+07:00',
  reference: 'BNI-20261124-000123',
};

@ApiTags('payments')
@Controller('v1/agencies')
export class PaymentsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post(':agencyCode/payments/callback')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'confirmPaymentCallback',
    summary: 'Payment callback from the bank or payment gateway',
    description:
      'The bank or payment gateway tells the agency that a fee was paid against a payment code ' +
      '(ADR 0022). No token: the callback is authenticated by its signature. Sign it with the ' +
      'secret the agency shared with you (`PAYMENT_CALLBACK_SECRETS`): `Payment-Timestamp` is ' +
      'the current Unix time in seconds; `Payment-Signature` is `v1=` followed by the lower-case ' +
      'hex HMAC-SHA256, under the secret, of the timestamp, a full stop and the exact bytes of ' +
      'the body (`<timestamp>.<body>`, UTF-8). The body is checked as sent, never re-serialized: ' +
      'sign the bytes you send. A timestamp more than 5 minutes from the agency’s clock is ' +
      'refused. Send `Content-Type: application/json`, at most 8 KiB.\n\n' +
      'Every callback is recorded, refused ones too. A genuine payment in full and before the ' +
      'code expired moves the case from AWAITING_PAYMENT to IN_REVIEW (`applied`); the same ' +
      'payment told again (same `reference`) is acknowledged with 200 `repeat` and changes ' +
      'nothing, so retry until you get an answer. A refusal is a problem+json: 401 (signature ' +
      'or time), 400 (malformed body), 404 (unknown code), 409 (the code was paid already under ' +
      'another reference: refund it), 422 (wrong amount, or paid after the code expired: refund ' +
      'it). Requests from one address are rate-limited like every anonymous caller.',
    security: [],
  })
  @ApiParam({
    name: 'agencyCode',
    description: 'The agency that asked for the fee',
    schema: { type: 'string', maxLength: AGENCY_CODE.maxLength, pattern: AGENCY_CODE.pattern },
    example: 'PUPR',
  })
  @ApiHeader({
    name: 'Payment-Timestamp',
    required: true,
    description: 'Unix time in seconds when the callback was signed',
    schema: { type: 'string', pattern: '^\\d{1,12}$', maxLength: 12, example: '1795998600' },
  })
  @ApiHeader({
    name: 'Payment-Signature',
    required: true,
    description: '`v1=` and the hex HMAC-SHA256 of `<Payment-Timestamp>.<raw body>`',
    schema: {
      type: 'string',
      pattern: '^v1=[0-9a-f]{64}$',
      maxLength: 67,
      example: 'v1=5f2b0c8e3a9d4f7b6e1c2a3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a7b',
    },
  })
  @ApiExtension(
    'x-missing-resource',
    'A payment code the agency never issued is a 404 (recorded); an agency nobody runs is answered 503 naming it.',
  )
  @ApiBody({
    type: PaymentCallbackRequest,
    examples: {
      paid: { summary: 'Paid in full at a BNI teller', value: BODY },
    },
  })
  @ApiOkResponse({
    description: 'Genuine: applied now, or told again',
    type: PaymentCallbackResponse,
    examples: {
      applied: {
        summary: 'Applied: the case goes to review',
        value: { outcome: 'applied', paymentCode: CODE },
      },
      repeat: {
        summary: 'The same payment again: nothing changed',
        value: { outcome: 'repeat', paymentCode: CODE },
      },
    },
  })
  @ApiProblemResponse(400, 'A genuine callback whose body is not a payment report (recorded)', {
    amount: {
      summary: 'The amount as a string',
      error: DomainError.validation([
        {
          field: 'amount',
          code: 'must_be_integer_between',
          params: { min: 1, max: 1_000_000_000_000 },
        },
      ]),
      instance: INSTANCE,
    },
    agencyCode: {
      summary: 'An agency code in lower case (not forwarded)',
      error: DomainError.validation([{ field: 'agencyCode', code: 'agency_code_format' }]),
      instance: '/v1/agencies/pupr/payments/callback',
    },
  })
  @ApiProblemResponse(
    401,
    'Not verified: no signature, a wrong one, or a stale timestamp (recorded)',
    {
      forged: {
        summary: 'A signature that is not the payer’s',
        error: new DomainError('payment_callback_unverified', 401, [], { reason: 'bad_signature' }),
        instance: INSTANCE,
      },
      stale: {
        summary: 'Signed more than 5 minutes ago (a replay)',
        error: new DomainError('payment_callback_unverified', 401, [], {
          reason: 'stale_timestamp',
        }),
        instance: INSTANCE,
      },
      missing: {
        summary: 'Without the Payment-* headers',
        error: new DomainError('payment_callback_unverified', 401, [], {
          reason: 'signature_missing',
        }),
        instance: INSTANCE,
      },
    },
  )
  @ApiProblemResponse(404, 'The agency asked for no payment with this code (recorded)', {
    unknown: {
      summary: 'An unknown code',
      error: new DomainError('payment_code_unknown', 404, [], { paymentCode: CODE }),
      instance: INSTANCE,
    },
  })
  @ApiProblemResponse(
    409,
    'Paid already under another reference, or the case no longer awaits payment (recorded)',
    {
      paid: {
        summary: 'A second payment of a paid code',
        error: new DomainError('payment_already_paid', 409, [], { paymentCode: CODE }),
        instance: INSTANCE,
      },
      withdrawn: {
        summary: 'The application was withdrawn meanwhile',
        error: new DomainError('illegal_transition', 409, [], {
          status: 'WITHDRAWN',
          action: 'CONFIRM_PAYMENT',
        }),
        instance: INSTANCE,
      },
    },
  )
  @ApiProblemResponse(413, 'A body over 8 KiB (not forwarded)', {
    large: {
      summary: 'Too large',
      error: new DomainError('payload_too_large', 413, [], { limit: PAYMENT_CALLBACK_MAX_BYTES }),
      instance: INSTANCE,
    },
  })
  @ApiProblemResponse(415, 'A body that is not `application/json` (not forwarded)', {
    text: {
      summary: 'Sent as text/plain',
      error: new DomainError('unsupported_media_type', 415),
      instance: INSTANCE,
    },
  })
  @ApiProblemResponse(422, 'The wrong amount, or paid after the code expired (recorded)', {
    amount: {
      summary: 'Less than asked',
      error: new DomainError('payment_amount_mismatch', 422, [], {
        paymentCode: CODE,
        due: 1_250_000,
        paid: 125_000,
      }),
      instance: INSTANCE,
    },
    expired: {
      summary: 'Paid after the code expired',
      error: new DomainError('payment_expired', 422, [], {
        paymentCode: CODE,
        expiresAt: '2026-11-26T10:00:00.000+07:00',
      }),
      instance: INSTANCE,
    },
  })
  @ApiUpstreamProblems('PUPR', INSTANCE)
  async callback(
    @Param('agencyCode') agencyCode: string,
    @Req() request: FastifyRequest,
  ): Promise<PaymentCallbackResponse> {
    const to = agencyCodeOf(agencyCode);
    // The raw text (see RawCallbackBody); no body at all is checked, and refused, as empty.
    const rawBody = typeof request.body === 'string' ? request.body : '';
    if (Buffer.byteLength(rawBody, 'utf8') > PAYMENT_CALLBACK_MAX_BYTES)
      throw new DomainError('payload_too_large', 413, [], { limit: PAYMENT_CALLBACK_MAX_BYTES });
    const timestamp = headerOf(request, 'payment-timestamp');
    const signature = headerOf(request, 'payment-signature');
    const answer = await this.rpc.request(
      ConfirmPaymentCallback,
      {
        rawBody,
        ...(timestamp !== undefined ? { timestamp: timestamp.slice(0, 32) } : {}),
        ...(signature !== undefined ? { signature: signature.slice(0, 256) } : {}),
      },
      { to },
    );
    return { outcome: answer.outcome, paymentCode: answer.paymentCode };
  }
}

/** One value, or none: a header sent twice is as good as none (and the signature fails). */
function headerOf(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}
