import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import {
  ActOnComplaint,
  FollowComplaint,
  GetComplaint,
  ListComplaints,
  SubmitComplaint,
  type ComplaintActionV1,
} from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import type { FastifyReply } from 'fastify';
import { RateLimiter } from '../rate-limits/rate-limiter';
import { ApiBodyProblems } from '../accounts/accounts.openapi';
import { mistypedTrackingNoExample } from '../applications/tracking-number.param';
import { Callers, Public, type CallerRule } from '../auth/access';
import {
  ApiIdempotencyKey,
  REPLAYED_HEADERS,
  invalidIdempotencyKeyExample,
} from '../idempotency/idempotency.openapi';
import {
  ApiProblemResponse,
  ApiUpstreamProblems,
  type ProblemExample,
} from '../openapi/problem.responses';
import { securityOf } from '../openapi/security';
import {
  COMPLAINT_NO_INPUT_MAX_LENGTH,
  ComplaintActionRequest,
  DisputeComplaintRequest,
  FollowComplaintRequest,
  ListComplaintsRequest,
  SubmitComplaintRequest,
  complaintNoFrom,
  toListComplaintsV1,
  toSubmitComplaintV1,
} from './complaint-requests';
import {
  COMPLAINT_EXAMPLE,
  ComplaintReceiptResponse,
  ComplaintResponse,
  ComplaintsPageResponse,
  RECEIPT_EXAMPLE,
  toComplaintReceiptResponse,
  toComplaintResponse,
  toComplaintsPageResponse,
} from './complaint-responses';

/** Who reads a complaint by number when signed in: surveys decides whose it is. */
export const COMPLAINT_READERS = { applicant: true, officer: true } as const satisfies CallerRule;
/** The mall verifies and routes. */
export const COMPLAINT_ROUTERS = { officer: ['MALL_ADMIN'] } as const satisfies CallerRule;
/** The owning agency's officers answer (surveys checks the agency). */
export const COMPLAINT_ANSWERERS = {
  officer: ['FRONT_DESK', 'VERIFIER', 'APPROVER', 'AGENCY_ADMIN'],
} as const satisfies CallerRule;
/** Lists: mall admins (any agency), an agency's officers (their own). */
export const COMPLAINT_LISTERS = {
  officer: ['MALL_ADMIN', 'FRONT_DESK', 'VERIFIER', 'APPROVER', 'AGENCY_ADMIN'],
} as const satisfies CallerRule;

const INSTANCE = '/v1/complaints';
const ONE = '/v1/complaints/ADUK7M39QX2C';

const mistypedComplaintNo = (instance: string): Record<string, ProblemExample> => ({
  mistypedComplaintNo: {
    summary: 'A complaint number typed wrong',
    error: new DomainError('invalid_complaint_number', 400),
    instance,
  },
});
const notFound = (instance: string, summary: string): Record<string, ProblemExample> => ({
  notFound: {
    summary,
    error: new DomainError('complaint_not_found', 404, [], { complaintNo: 'ADUK7M39QX2C' }),
    instance,
  },
});
const refused = (instance: string, action: string, status: string, reason: string) => ({
  refused: {
    summary: `${action} on a ${status} complaint`,
    error: new DomainError('complaint_action_refused', 409, [], { action, status, reason }),
    instance,
  },
});
const unauthenticated = (instance: string) => ({
  anonymous: {
    summary: 'No token',
    error: new DomainError('unauthenticated', 401, [], { resource: `POST ${instance}` }),
    instance,
  },
});
const ApiComplaintNoParam = () =>
  ApiParam({
    name: 'complaintNo',
    description: 'The complaint number, canonical or as typed',
    schema: {
      type: 'string',
      minLength: 12,
      maxLength: COMPLAINT_NO_INPUT_MAX_LENGTH,
      pattern: '^[0-9A-Za-z -]+$',
    },
    examples: {
      canonical: { summary: 'As the receipt gives it', value: 'ADUK7M39QX2C' },
      typed: { summary: 'As a person may type it', value: 'adu-k7m3-9qx2-c' },
    },
  });
const ACTION_BODY_PROBLEM = DomainError.validation([{ field: 'text', code: 'required' }]);

/**
 * Complaints, suggestions and requests for information after SP4N-LAPOR! (ADR 0034): anyone
 * submits, the mall routes, the owning agency answers, the reporter follows and may dispute once.
 */
@ApiTags('complaints')
@Controller('v1/complaints')
export class ComplaintsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly limiter: RateLimiter,
  ) {}

  @Post()
  @Public()
  @HttpCode(201)
  @ApiOperation({
    operationId: 'submitComplaint',
    summary: 'Submit a complaint, a suggestion or a request for information',
    description:
      "Anyone may submit, without an account; with an applicant's token it is theirs and they " +
      'read it signed in. It is about an application or one step of a bundle (its tracking ' +
      'number) or a service (its code), and goes to the agency that owns it (a bundle step: ' +
      "that step's agency). The mall verifies and routes it within 3 working days of the mall's " +
      "calendar, in the agency's time zone; the agency answers within 5; an answer not " +
      'disputed closes it after 10; a missed deadline is escalated to mall management. The ' +
      'receipt gives the complaint number (`ADU` and 9 symbols, with a check symbol) and a ' +
      '`followSecret`, shown only here, to follow and dispute it without signing in. Send an ' +
      '`Idempotency-Key` to make a retry safe: it never submits twice.',
    security: [],
  })
  @ApiIdempotencyKey(INSTANCE, {
    422: {
      description: 'A subject named the wrong way (a tracking number for a service, or none)',
      examples: {
        subject: {
          summary: 'SERVICE without a service code',
          error: DomainError.validation([{ field: 'serviceCode', code: 'required' }], 422),
          instance: INSTANCE,
        },
      },
    },
  })
  @ApiBody({
    type: SubmitComplaintRequest,
    examples: {
      service: {
        summary: 'An anonymous complaint about a service',
        value: {
          kind: 'PENGADUAN',
          subjectKind: 'SERVICE',
          serviceCode: 'DUKCAPIL-AKTA-LAHIR',
          text: 'Petugas loket meminta biaya tambahan untuk mempercepat akta kelahiran.',
        },
      },
      application: {
        summary: 'A question about one application',
        value: {
          kind: 'PERMINTAAN_INFORMASI',
          subjectKind: 'APPLICATION',
          trackingNo: 'K7M3-9QX2-C',
          text: 'Sudah dua minggu belum ada kabar, apakah berkas saya lengkap?',
          contactEmail: 'pelapor@example.id',
        },
      },
    },
  })
  @ApiResponse({
    status: 201,
    description: 'Received: the number and the follow secret',
    type: ComplaintReceiptResponse,
    examples: { anonymous: { summary: 'An anonymous complaint', value: RECEIPT_EXAMPLE } },
    headers: REPLAYED_HEADERS,
  })
  @ApiBodyProblems(
    INSTANCE,
    DomainError.validation([{ field: 'kind', code: 'must_be_one_of' }]),
    'An unknown kind',
    { ...mistypedTrackingNoExample(INSTANCE), ...invalidIdempotencyKeyExample(INSTANCE) },
  )
  @ApiProblemResponse(404, 'No application, bundle step or service is what it names', {
    subject: {
      summary: 'A tracking number nobody has',
      error: new DomainError('complaint_subject_not_found', 404),
      instance: INSTANCE,
    },
  })
  @ApiProblemResponse(403, 'Officers and API clients do not submit as reporters', {
    officer: {
      summary: 'An officer',
      error: new DomainError('forbidden', 403, [], { resource: 'complaints' }),
      instance: INSTANCE,
    },
  })
  @ApiUpstreamProblems('surveys', INSTANCE)
  async submit(@Body() body: SubmitComplaintRequest): Promise<ComplaintReceiptResponse> {
    return toComplaintReceiptResponse(
      await this.rpc.request(SubmitComplaint, toSubmitComplaintV1(body)),
    );
  }

  @Post('lookups')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'followComplaint',
    summary: 'Follow a complaint without signing in',
    description:
      'The complaint and each of its steps, for whoever holds its number and the follow secret ' +
      'its receipt gave (in the body, never the URL). A wrong secret is answered exactly as a ' +
      'number nobody has (404). A mistyped number is caught by its check symbol (400). Limited ' +
      'per IP with the public lookup, and per complaint number from anywhere (429 with ' +
      '`Retry-After`). Changes nothing, so no `Idempotency-Key`.',
    security: [],
  })
  @ApiBody({
    type: FollowComplaintRequest,
    examples: {
      typed: {
        summary: 'As typed from the receipt',
        value: { complaintNo: 'ADU-K7M3-9QX2-C', followSecret: 'q3V9x2mB7kLp0ZrT4sWd1A' },
      },
    },
  })
  @ApiOkResponse({
    description: 'The complaint and its steps',
    type: ComplaintResponse,
    examples: { routed: { summary: 'Escalated once, then routed', value: COMPLAINT_EXAMPLE } },
    headers: {
      'Cache-Control': {
        description: 'Personal data: no cache keeps it',
        schema: { type: 'string', enum: ['no-store'], example: 'no-store' },
      },
    },
  })
  @ApiBodyProblems(
    `${INSTANCE}/lookups`,
    DomainError.validation([{ field: 'followSecret', code: 'follow_secret_format' }]),
    'A secret of the wrong shape',
    mistypedComplaintNo(`${INSTANCE}/lookups`),
  )
  @ApiProblemResponse(
    404,
    'No complaint has this number, or the secret is not its own: the same answer',
    notFound(`${INSTANCE}/lookups`, 'A number nobody has, or the wrong secret'),
  )
  @ApiProblemResponse(429, 'Too many lookups from this IP, or of this number', {
    limited: {
      summary: 'This IP’s lookups for the window are spent',
      error: new DomainError('rate_limited', 429, [], {
        limit: 20,
        windowSeconds: 60,
        retryAfterSeconds: 42,
      }),
      instance: `${INSTANCE}/lookups`,
    },
  })
  @ApiUpstreamProblems('surveys', `${INSTANCE}/lookups`)
  async follow(
    @Body() body: FollowComplaintRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ComplaintResponse> {
    const complaintNo = complaintNoFrom(body.complaintNo);
    void reply.header('cache-control', 'no-store');
    await this.limiter.countComplaintNumber(reply, complaintNo);
    return toComplaintResponse(
      await this.rpc.request(FollowComplaint, { complaintNo, followSecret: body.followSecret }),
    );
  }

  @Get()
  @Callers(COMPLAINT_LISTERS)
  @ApiOperation({
    operationId: 'listComplaints',
    summary: 'Complaints to handle',
    description:
      "One agency's complaints (`agencyCode`: its officers, who see those the mall routed, and " +
      "mall admins), or every agency's " +
      '(mall admins), the latest submitted first, a page at a time (`nextCursor`), each with ' +
      'what it waits for and until when.',
    security: securityOf(COMPLAINT_LISTERS),
  })
  @ApiOkResponse({
    description: 'A page of complaints',
    type: ComplaintsPageResponse,
    examples: {
      page: {
        summary: 'One waiting to be routed',
        value: {
          items: [
            {
              complaintNo: 'ADUK7M39QX2C',
              kind: 'PENGADUAN',
              status: 'SUBMITTED',
              agencyCode: 'DUKCAPIL',
              submittedAt: '2026-03-17T10:00:00.000+07:00',
              due: { what: 'ROUTE', by: '2026-03-28T00:00:00.000+07:00' },
            },
          ],
        },
      },
    },
  })
  @ApiProblemResponse(400, 'A malformed filter or cursor', {
    cursor: {
      summary: 'A cursor this list did not make',
      error: new DomainError('invalid_cursor', 400),
      instance: `${INSTANCE}?cursor=bm9wZQ`,
    },
  })
  @ApiProblemResponse(401, 'No authenticated caller', {
    anonymous: {
      summary: 'No token',
      error: new DomainError('unauthenticated', 401, [], { resource: 'GET /v1/complaints' }),
      instance: INSTANCE,
    },
  })
  @ApiProblemResponse(
    403,
    "Another agency's complaints, or every agency's without being a mall admin",
    {
      otherAgency: {
        summary: 'An officer of another agency',
        error: new DomainError('forbidden', 403, [], { resource: 'complaints of DUKCAPIL' }),
        instance: `${INSTANCE}?agencyCode=DUKCAPIL`,
      },
    },
  )
  @ApiUpstreamProblems('surveys', INSTANCE)
  async list(@Query() query: ListComplaintsRequest): Promise<ComplaintsPageResponse> {
    return toComplaintsPageResponse(
      await this.rpc.request(ListComplaints, toListComplaintsV1(query)),
    );
  }

  @Get(':complaintNo')
  @Callers(COMPLAINT_READERS)
  @ApiOperation({
    operationId: 'getComplaint',
    summary: 'A complaint and its steps',
    description:
      'For its signed-in reporter, mall admins and, once the mall has routed it, the officers of ' +
      'the agency that owns it. ' +
      'Anyone else is answered 404, whether it exists or not.',
    security: securityOf(COMPLAINT_READERS),
  })
  @ApiComplaintNoParam()
  @ApiOkResponse({
    description: 'The complaint',
    type: ComplaintResponse,
    examples: { routed: { summary: 'Escalated once, then routed', value: COMPLAINT_EXAMPLE } },
  })
  @ApiProblemResponse(400, 'The complaint number is mistyped', mistypedComplaintNo(ONE))
  @ApiProblemResponse(401, 'No authenticated caller', {
    anonymous: {
      summary: 'No token',
      error: new DomainError('unauthenticated', 401, [], {
        resource: 'GET /v1/complaints/:complaintNo',
      }),
      instance: ONE,
    },
  })
  @ApiProblemResponse(403, 'An API client', {
    client: {
      summary: 'An API client',
      error: new DomainError('forbidden', 403, [], { resource: 'GET /v1/complaints/:complaintNo' }),
      instance: ONE,
    },
  })
  @ApiProblemResponse(
    404,
    'No complaint the caller may see has this number',
    notFound(ONE, 'Not theirs, or none'),
  )
  @ApiUpstreamProblems('surveys', ONE)
  async get(@Param('complaintNo') raw: string): Promise<ComplaintResponse> {
    return toComplaintResponse(
      await this.rpc.request(GetComplaint, { complaintNo: complaintNoFrom(raw) }),
    );
  }

  @Post(':complaintNo/route')
  @Callers(COMPLAINT_ROUTERS)
  @HttpCode(200)
  @ApiOperation({
    operationId: 'routeComplaint',
    summary: 'Verify a complaint and route it to its agency',
    description:
      'Mall admins, once they have verified it: the owning agency then has 5 working days to ' +
      'answer. Routing after the deadline is allowed (the complaint was escalated already). ' +
      'Not a creating request: no `Idempotency-Key`; a repeat is refused (409).',
    security: securityOf(COMPLAINT_ROUTERS),
  })
  @ApiComplaintNoParam()
  @ApiBody({
    type: ComplaintActionRequest,
    examples: { note: { summary: 'A routing note', value: { text: 'Diteruskan ke Dukcapil.' } } },
  })
  @ApiOkResponse({
    description: 'The complaint, routed',
    type: ComplaintResponse,
    examples: { routed: { summary: 'Routed', value: COMPLAINT_EXAMPLE } },
  })
  @ApiBodyProblems(
    `${ONE}/route`,
    ACTION_BODY_PROBLEM,
    'No text',
    mistypedComplaintNo(`${ONE}/route`),
  )
  @ApiProblemResponse(401, 'No authenticated caller', unauthenticated(`${ONE}/route`))
  @ApiProblemResponse(403, 'Not a mall admin', {
    officer: {
      summary: "The owning agency's verifier",
      error: new DomainError('forbidden', 403, [], { resource: 'complaint ADUK7M39QX2C' }),
      instance: `${ONE}/route`,
    },
  })
  @ApiProblemResponse(404, 'No such complaint', notFound(`${ONE}/route`, 'A number nobody has'))
  @ApiProblemResponse(
    409,
    'Routed already',
    refused(`${ONE}/route`, 'ROUTE', 'ROUTED', 'illegal_transition'),
  )
  @ApiUpstreamProblems('surveys', `${ONE}/route`)
  route(
    @Param('complaintNo') raw: string,
    @Body() body: ComplaintActionRequest,
  ): Promise<ComplaintResponse> {
    return this.act(raw, 'ROUTE', body.text);
  }

  @Post(':complaintNo/answer')
  @Callers(COMPLAINT_ANSWERERS)
  @HttpCode(200)
  @ApiOperation({
    operationId: 'answerComplaint',
    summary: 'Answer a routed or reopened complaint',
    description:
      'The officers of the agency that owns it. The reporter may dispute the answer once within ' +
      '10 working days; otherwise it closes by itself. Not a creating request: no ' +
      '`Idempotency-Key`; a repeat is refused (409).',
    security: securityOf(COMPLAINT_ANSWERERS),
  })
  @ApiComplaintNoParam()
  @ApiBody({
    type: ComplaintActionRequest,
    examples: { answer: { summary: 'An answer', value: { text: 'Petugas sudah ditegur.' } } },
  })
  @ApiOkResponse({
    description: 'The complaint, answered',
    type: ComplaintResponse,
    examples: {
      answered: {
        summary: 'Answered',
        value: { ...COMPLAINT_EXAMPLE, status: 'ANSWERED', disputable: true },
      },
    },
  })
  @ApiBodyProblems(
    `${ONE}/answer`,
    ACTION_BODY_PROBLEM,
    'No text',
    mistypedComplaintNo(`${ONE}/answer`),
  )
  @ApiProblemResponse(401, 'No authenticated caller', unauthenticated(`${ONE}/answer`))
  @ApiProblemResponse(403, 'A mall admin: the agency answers', {
    mallAdmin: {
      summary: 'A mall admin',
      error: new DomainError('forbidden', 403, [], { resource: 'complaint ADUK7M39QX2C' }),
      instance: `${ONE}/answer`,
    },
  })
  @ApiProblemResponse(
    404,
    "No such complaint of the officer's agency",
    notFound(`${ONE}/answer`, "Another agency's complaint"),
  )
  @ApiProblemResponse(
    409,
    'Not routed yet, or answered already',
    refused(`${ONE}/answer`, 'ANSWER', 'SUBMITTED', 'illegal_transition'),
  )
  @ApiUpstreamProblems('surveys', `${ONE}/answer`)
  answer(
    @Param('complaintNo') raw: string,
    @Body() body: ComplaintActionRequest,
  ): Promise<ComplaintResponse> {
    return this.act(raw, 'ANSWER', body.text);
  }

  @Post(':complaintNo/dispute')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'disputeComplaint',
    summary: 'Dispute the answer to a complaint (once)',
    description:
      'Its reporter: signed in, or with the `followSecret` of the receipt. Reopens it for a new ' +
      'answer within 5 working days; a second dispute, or one after the 10 working days, is ' +
      'refused (409). Limited like the public lookup (429). Not a creating request: no ' +
      '`Idempotency-Key`.',
    security: [],
  })
  @ApiComplaintNoParam()
  @ApiBody({
    type: DisputeComplaintRequest,
    examples: {
      anonymous: {
        summary: 'An anonymous reporter, by the secret',
        value: { text: 'Biaya tetap diminta kemarin.', followSecret: 'q3V9x2mB7kLp0ZrT4sWd1A' },
      },
    },
  })
  @ApiOkResponse({
    description: 'The complaint, reopened',
    type: ComplaintResponse,
    examples: {
      reopened: { summary: 'Reopened', value: { ...COMPLAINT_EXAMPLE, status: 'REOPENED' } },
    },
  })
  @ApiBodyProblems(
    `${ONE}/dispute`,
    ACTION_BODY_PROBLEM,
    'No text',
    mistypedComplaintNo(`${ONE}/dispute`),
  )
  @ApiProblemResponse(403, 'A handler of the complaint, not its reporter', {
    officer: {
      summary: "The agency's officer",
      error: new DomainError('forbidden', 403, [], { resource: 'complaint ADUK7M39QX2C' }),
      instance: `${ONE}/dispute`,
    },
  })
  @ApiProblemResponse(
    404,
    'No such complaint, or not the reporter (the same answer)',
    notFound(`${ONE}/dispute`, 'The wrong secret'),
  )
  @ApiProblemResponse(
    409,
    'Not answered, disputed already, or too late',
    refused(`${ONE}/dispute`, 'DISPUTE', 'ANSWERED', 'dispute_used'),
  )
  @ApiProblemResponse(429, 'Too many attempts from this IP, or on this number', {
    limited: {
      summary: 'The window’s attempts are spent',
      error: new DomainError('rate_limited', 429, [], {
        limit: 5,
        windowSeconds: 60,
        retryAfterSeconds: 42,
      }),
      instance: `${ONE}/dispute`,
    },
  })
  @ApiUpstreamProblems('surveys', `${ONE}/dispute`)
  async dispute(
    @Param('complaintNo') raw: string,
    @Body() body: DisputeComplaintRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ComplaintResponse> {
    await this.limiter.countComplaintNumber(reply, complaintNoFrom(raw));
    return this.act(raw, 'DISPUTE', body.text, body.followSecret);
  }

  private async act(
    raw: string,
    action: ComplaintActionV1,
    text: string,
    followSecret?: string,
  ): Promise<ComplaintResponse> {
    const complaint = await this.rpc.request(ActOnComplaint, {
      complaintNo: complaintNoFrom(raw),
      action,
      text,
      ...(followSecret ? { followSecret } : {}),
    });
    return toComplaintResponse(complaint);
  }
}
