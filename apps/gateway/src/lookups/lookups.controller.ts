import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import { PublicLookup } from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import type { FastifyReply } from 'fastify';
import { ApiBodyProblems } from '../accounts/accounts.openapi';
import { mistypedTrackingNoExample } from '../applications/tracking-number.param';
import { Public } from '../auth/access';
import { ApiProblemResponse, ApiUpstreamProblems } from '../openapi/problem.responses';
import { RateLimiter } from '../rate-limits/rate-limiter';
import { PublicLookupRequest, toPublicLookupV1 } from './public-lookup.request';
import {
  PUBLIC_TIMELINE_EXAMPLE,
  PublicTimelineResponse,
  toPublicTimelineResponse,
} from './public-timeline.response';

const INSTANCE = '/v1/lookups';

/**
 * Anyone follows an application by its tracking number and a second factor its applicant
 * knows, without an account (ADR 0023): the number alone is written on receipts and read aloud
 * over the phone, so it opens nothing by itself.
 */
@ApiTags('applications')
@Controller('v1/lookups')
export class LookupsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly limiter: RateLimiter,
  ) {}

  @Post()
  @Public()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'lookUpApplication',
    summary: 'Look up an application without signing in',
    description:
      'Where an application stands, for anyone who has its tracking number and one second ' +
      "factor its applicant knows: the applicant's `birthDate`, or for a business's application " +
      'its `nib`. Exactly one of them, in the body (never in the URL, where it would be logged). ' +
      'The answer has the status, every step (status, time, agency), the submission and the ' +
      'deadline, and no personal data: no name, NIK, birth date, address or id. With it comes a ' +
      '`lookupToken` that lets this browser follow the case live ' +
      '(`GET /v1/applications/{trackingNo}/events?lookupToken=…`) for 15 minutes. A wrong ' +
      'factor is answered exactly as a number nobody has (404), so neither tells which numbers ' +
      'exist. A mistyped number is caught by its check symbol (400) before anything is looked ' +
      'up. Limited per IP and, whoever asks, per tracking number (429 with `Retry-After`). ' +
      'Changes nothing, so no `Idempotency-Key`.',
    security: [],
  })
  @ApiBody({
    type: PublicLookupRequest,
    examples: {
      birthDate: {
        summary: "By the applicant's birth date",
        value: { trackingNo: 'K7M3-9QX2-C', birthDate: '1990-06-05' },
      },
      nib: {
        summary: "A business's application, by its NIB",
        value: { trackingNo: 'K7M39QX2C', nib: '9120001234567' },
      },
    },
  })
  @ApiOkResponse({
    description: 'The case, as anyone with its number and second factor may see it',
    type: PublicTimelineResponse,
    examples: {
      verifying: { summary: 'Submitted, now being verified', value: PUBLIC_TIMELINE_EXAMPLE },
    },
    headers: {
      'Cache-Control': {
        description: 'The answer carries a token: no cache keeps it',
        schema: { type: 'string', enum: ['no-store'], example: 'no-store' },
      },
    },
  })
  @ApiBodyProblems(
    INSTANCE,
    DomainError.validation([{ field: 'birthDate', code: 'must_be_date' }]),
    'A birth date that is not YYYY-MM-DD',
    {
      ...mistypedTrackingNoExample(INSTANCE),
      bothOrNeither: {
        summary: 'Both factors, or none',
        error: DomainError.validation([{ field: 'birthDate', code: 'one_lookup_factor' }]),
        instance: INSTANCE,
      },
    },
  )
  @ApiProblemResponse(
    404,
    'No application has this tracking number, or the second factor is not its own: the same answer',
    {
      notFound: {
        summary: 'A number nobody has, or the wrong birth date or NIB',
        error: new DomainError('application_not_found', 404, [], { trackingNo: 'K7M39QX2C' }),
        instance: INSTANCE,
      },
    },
  )
  @ApiProblemResponse(
    429,
    'Too many lookups from this IP, or of this tracking number from anywhere, in the current window',
    {
      perIp: {
        summary: 'This IP’s lookups for the window are spent',
        error: new DomainError('rate_limited', 429, [], {
          limit: 20,
          windowSeconds: 60,
          retryAfterSeconds: 42,
        }),
        instance: INSTANCE,
      },
      perNumber: {
        summary: 'This tracking number’s lookups for the window are spent',
        error: new DomainError('rate_limited', 429, [], {
          limit: 5,
          windowSeconds: 60,
          retryAfterSeconds: 42,
        }),
        instance: INSTANCE,
      },
    },
  )
  @ApiUpstreamProblems('tracking', INSTANCE)
  async lookUp(
    @Body() body: PublicLookupRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PublicTimelineResponse> {
    const lookup = toPublicLookupV1(body);
    // On the 404 as on the 200: the two answers differ in nothing but status and body.
    void reply.header('cache-control', 'no-store');
    await this.limiter.countLookedUpNumber(reply, lookup.trackingNo);
    return toPublicTimelineResponse(await this.rpc.request(PublicLookup, lookup));
  }
}
