import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiBody, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import {
  GetApplication,
  GetTimeline,
  ListApplications,
  ResubmitApplication,
  SubmitApplication,
  WithdrawApplication,
} from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import { ApiBodyProblems } from '../accounts/accounts.openapi';
import { Callers, type CallerRule } from '../auth/access';
import {
  ApiIdempotencyKey,
  REPLAYED_HEADERS,
  invalidIdempotencyKeyExample,
} from '../idempotency/idempotency.openapi';
import { securityOf } from '../openapi/security';
import { ApiProblemResponse, ApiUpstreamProblems } from '../openapi/problem.responses';
import {
  APPLICATION_EXAMPLE,
  ApplicationResponse,
  toApplicationResponse,
} from './application.response';
import { ApplicationsPageResponse, toApplicationsPageResponse } from './applications-page.response';
import { ListApplicationsRequest, toListApplicationsV1 } from './list-applications.request';
import {
  ApplicationReceiptResponse,
  toApplicationReceiptResponse,
} from './application-receipt.response';
import { RECEIPT_EXAMPLE, SUBMIT_EXAMPLES, TIMELINE_EXAMPLE } from './applications.examples';
import { SubmitApplicationRequest, toSubmitApplicationV2 } from './submit-application.request';
import {
  ResubmitApplicationRequest,
  toResubmitApplicationV1,
} from './resubmit-application.request';
import { TimelineResponse, toTimelineResponse } from './timeline.response';
import {
  ApiTrackingNoParam,
  ApiTypedTrackingNo,
  mistypedTrackingNoExample,
  trackingNoFromPath,
} from './tracking-number.param';

/** Who may submit: an applicant for themselves, the front desk for a walk-in, a client with the scope. */
export const SUBMITTERS = {
  applicant: true,
  officer: ['FRONT_DESK'],
  client: ['applications:submit'],
} as const satisfies CallerRule;

/** The caller's own applications: an applicant's, or an API client's submissions. */
export const OWN_APPLICATIONS_LISTERS = {
  applicant: true,
  client: ['applications:read'],
} as const satisfies CallerRule;

/** Who may read an application: its applicant, or the API client that submitted it. */
export const APPLICATION_READERS = OWN_APPLICATIONS_LISTERS;

/** Who may withdraw one: its applicant. */
export const WITHDRAWERS = { applicant: true } as const satisfies CallerRule;

/**
 * Who may send corrections after NEEDS_REVISION: its applicant, or the API client that submitted
 * it (intake checks whose it is). Not the front desk: a walk-in applicant corrects their own case.
 */
export const RESUBMITTERS = {
  applicant: true,
  client: ['applications:submit'],
} as const satisfies CallerRule;

/**
 * Who may ask for a timeline at all: anyone signed in. Tracking decides whose timeline each may
 * read (an agency's system reads its agency's by `agency:<CODE>:work`, a scope no list here can
 * name), and answers the others as for an unknown number.
 */
export const TIMELINE_READERS = {
  applicant: true,
  officer: true,
  client: true,
} as const satisfies CallerRule;

@ApiTags('applications')
@Controller('v1/applications')
export class ApplicationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Callers(SUBMITTERS)
  @HttpCode(201)
  @ApiOperation({
    operationId: 'submitApplication',
    summary: 'Submit an application',
    description:
      'Intake checks the NIK (region, birth date, serial), the service code, and the `form` against the ' +
      "service's standard (`GET /v1/services/{serviceCode}`), stores the application and " +
      'answers with its tracking number. The owning agency picks it up and starts verifying it; its ' +
      'timeline can answer 404 for a moment after the 201, until the tracking service has caught up. ' +
      'The body must be JSON (`Content-Type: application/json`), at most 64 KiB; unknown fields are refused. ' +
      'Send an `Idempotency-Key` to make a retry safe: it never submits twice.',
    security: securityOf(SUBMITTERS),
  })
  @ApiIdempotencyKey('/v1/applications', {
    409: {
      description:
        "The API client's `externalReference` names an application it submitted before (its tracking number given)",
      examples: {
        externalReference: {
          summary: 'A case number the client used before',
          error: new DomainError('external_reference_exists', 409, [], {
            externalReference: 'OSS-2026-000123',
            trackingNo: 'K7M39QX2C',
          }),
          instance: '/v1/applications',
        },
      },
    },
    422: {
      description:
        "Well formed, but a NIK that cannot exist, an unknown service, form data the service's standard refuses, documents the caller cannot attach, a front-desk submission without the applicant's consent, or a queue ticket not called to the officer's counter",
      examples: {
        form: {
          summary: "Form data that does not meet the service's standard",
          error: DomainError.validation(
            [
              { field: 'form.childName', code: 'required' },
              { field: 'form.birthDate', code: 'must_be_date' },
              { field: 'form.pet', code: 'unknown_field' },
            ],
            422,
          ),
          instance: '/v1/applications',
        },
        consent: {
          summary: "A front-desk submission without the applicant's consent",
          error: DomainError.validation(
            [{ field: 'applicant.consent', code: 'consent_required' }],
            422,
          ),
          instance: '/v1/applications',
        },
        unknownService: {
          summary: 'A service code that is not in the catalog',
          error: DomainError.validation(
            [
              {
                field: 'serviceCode',
                code: 'unknown_service',
                params: { serviceCode: 'DUKCAPIL-XX' },
              },
            ],
            422,
          ),
          instance: '/v1/applications',
        },
        nikRegion: {
          summary: 'A NIK whose region code does not exist',
          error: DomainError.validation([{ field: 'applicant.nik', code: 'nik_region' }], 422),
          instance: '/v1/applications',
        },
        documents: {
          summary: 'A document attached already, and one the caller did not upload',
          error: DomainError.validation(
            [
              { field: 'documents[0].documentId', code: 'document_already_attached' },
              { field: 'documents[1].documentId', code: 'document_not_found' },
            ],
            422,
          ),
          instance: '/v1/applications',
        },
      },
    },
  })
  @ApiBody({ type: SubmitApplicationRequest, examples: SUBMIT_EXAMPLES })
  @ApiResponse({
    status: 201,
    description: 'Accepted: the receipt, with the tracking number to follow the application by',
    type: ApplicationReceiptResponse,
    examples: { kiosk: { summary: 'Submitted at a kiosk', value: RECEIPT_EXAMPLE } },
    headers: {
      Location: {
        description: 'The timeline of the new application',
        required: true,
        schema: {
          type: 'string',
          maxLength: 64,
          pattern: '^/v1/applications/[0-9A-HJKMNP-TV-Z]{9}/timeline$',
          example: '/v1/applications/K7M39QX2C/timeline',
        },
      },
      ...REPLAYED_HEADERS,
    },
  })
  @ApiProblemResponse(400, 'The body is not JSON, or a field is missing, mistyped or unknown', {
    validation: {
      summary: 'A malformed NIK and an unknown field',
      error: DomainError.validation([
        { field: 'applicant.nik', code: 'nik_format' },
        { field: 'priority', code: 'unknown_field' },
      ]),
      instance: '/v1/applications',
    },
    malformedJson: {
      summary: 'A body that is not JSON',
      error: new DomainError('malformed_json', 400),
      instance: '/v1/applications',
    },
    ...invalidIdempotencyKeyExample('/v1/applications'),
  })
  @ApiProblemResponse(413, 'The body is larger than 64 KiB', {
    tooLarge: {
      summary: 'A body over the limit',
      error: new DomainError('payload_too_large', 413, [], { limit: 65536 }),
      instance: '/v1/applications',
    },
  })
  @ApiProblemResponse(415, 'The body is not sent as `application/json`', {
    notJson: {
      summary: 'A form-encoded body',
      error: new DomainError('unsupported_media_type', 415),
      instance: '/v1/applications',
    },
  })
  @ApiUpstreamProblems('intake', '/v1/applications')
  async submit(
    @Body() body: SubmitApplicationRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ApplicationReceiptResponse> {
    const receipt = await this.rpc.request(SubmitApplication, toSubmitApplicationV2(body));
    void reply.header('location', `/v1/applications/${receipt.trackingNo}/timeline`);
    return toApplicationReceiptResponse(receipt);
  }

  @Get()
  @Callers(OWN_APPLICATIONS_LISTERS)
  @ApiOperation({
    operationId: 'listApplications',
    summary: 'My applications',
    description:
      "The caller's own applications, newest first, a page at a time (`nextCursor`): a signed-in " +
      "applicant's, or those an API client with `applications:read` submitted. Officers work from " +
      "their agency's queue instead.",
    security: securityOf(OWN_APPLICATIONS_LISTERS),
  })
  @ApiOkResponse({
    description: 'A page of applications',
    type: ApplicationsPageResponse,
    examples: {
      page: {
        summary: 'One application, more to come',
        value: {
          items: [
            {
              applicationId: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
              trackingNo: 'K7M39QX2C',
              serviceCode: 'DUKCAPIL-KK',
              agencyCode: 'DUKCAPIL',
              channel: 'WEB',
              submittedAt: '2026-11-23T10:45:12.123+07:00',
            },
          ],
          nextCursor: 'WyIyMDI2LTExLTIzVDAzOjQ1OjEyLjEyM1oiLCI2ZjFjIl0',
        },
      },
    },
  })
  @ApiProblemResponse(400, 'A page size out of range, or a cursor this list did not make', {
    cursor: {
      summary: 'A cursor this list did not make',
      error: new DomainError('invalid_cursor', 400),
      instance: '/v1/applications?cursor=bm9wZQ',
    },
  })
  @ApiUpstreamProblems('intake', '/v1/applications')
  async list(@Query() query: ListApplicationsRequest): Promise<ApplicationsPageResponse> {
    return toApplicationsPageResponse(
      await this.rpc.request(ListApplications, toListApplicationsV1(query)),
    );
  }

  @Get(':trackingNo/timeline')
  @Callers(TIMELINE_READERS)
  @ApiOperation({
    operationId: 'getApplicationTimeline',
    summary: 'Follow an application',
    description:
      'Every status the application has had, from every agency, oldest first, and its current status. ' +
      'The tracking number may be typed with hyphens, spaces and lower case, and `I`, `L`, `O` for ' +
      '`1`, `1`, `0`; a mistyped one is caught by its check symbol (400) instead of finding another case.',
    security: securityOf(TIMELINE_READERS),
  })
  @ApiTypedTrackingNo(
    'The tracking number, canonical or as a person types it',
    { canonical: 'K7M39QX2C', typed: 'k7m3-9qx2-c' },
    '/v1/applications/K7M39QX2D/timeline',
  )
  @ApiOkResponse({
    description: 'The timeline',
    type: TimelineResponse,
    examples: { verifying: { summary: 'Submitted, now being verified', value: TIMELINE_EXAMPLE } },
  })
  @ApiProblemResponse(404, 'No application has this tracking number (yet)', {
    notFound: {
      summary: 'A well-formed number nobody has',
      error: new DomainError('application_not_found', 404, [], { trackingNo: '000000000' }),
      instance: '/v1/applications/00000000-0/timeline',
    },
  })
  @ApiUpstreamProblems('tracking', '/v1/applications/K7M39QX2C/timeline')
  async timeline(@Param('trackingNo') raw: string): Promise<TimelineResponse> {
    const trackingNo = trackingNoFromPath(raw);
    return toTimelineResponse(await this.rpc.request(GetTimeline, { trackingNo }));
  }

  @Get(':trackingNo')
  @Callers(APPLICATION_READERS)
  @ApiOperation({
    operationId: 'getApplication',
    summary: 'My application',
    description:
      'What was submitted and where it stands, to its applicant (or the API client with ' +
      '`applications:read` that submitted it). Anyone else is answered 404, as for a number nobody ' +
      "has. The status is intake's, a moment behind the agency's timeline.",
    security: securityOf(APPLICATION_READERS),
  })
  @ApiTypedTrackingNo(
    'The tracking number, canonical or as a person types it',
    { canonical: 'K7M39QX2C', typed: 'k7m3-9qx2-c' },
    '/v1/applications/K7M39QX2D',
  )
  @ApiOkResponse({
    description: 'The application',
    type: ApplicationResponse,
    examples: { verifying: { summary: 'Being verified', value: APPLICATION_EXAMPLE } },
  })
  @ApiProblemResponse(404, 'No application of the caller has this tracking number', {
    notFound: {
      summary: 'Not theirs, or nobody’s',
      error: new DomainError('application_not_found', 404, [], { trackingNo: 'K7M39QX2C' }),
      instance: '/v1/applications/K7M39QX2C',
    },
  })
  @ApiUpstreamProblems('intake', '/v1/applications/K7M39QX2C')
  async get(@Param('trackingNo') raw: string): Promise<ApplicationResponse> {
    return toApplicationResponse(
      await this.rpc.request(GetApplication, { trackingNo: trackingNoFromPath(raw) }),
    );
  }

  @Post(':trackingNo/withdraw')
  @Callers(WITHDRAWERS)
  @HttpCode(200)
  @ApiOperation({
    operationId: 'withdrawApplication',
    summary: 'Withdraw my application',
    description:
      'The applicant withdraws their application while no decision is made (before APPROVED, ' +
      'ISSUED or REJECTED); the owning agency is told. Withdrawing is final. No body.',
    security: securityOf(WITHDRAWERS),
  })
  @ApiTypedTrackingNo(
    'The tracking number, canonical or as a person types it',
    { canonical: 'K7M39QX2C', typed: 'k7m3-9qx2-c' },
    '/v1/applications/K7M39QX2D/withdraw',
  )
  @ApiOkResponse({
    description: 'Withdrawn',
    type: ApplicationResponse,
    examples: {
      withdrawn: {
        summary: 'Withdrawn while being verified',
        value: {
          ...APPLICATION_EXAMPLE,
          requirements: undefined,
          status: 'WITHDRAWN',
          statusChangedAt: '2026-11-23T11:02:40.500+07:00',
        },
      },
    },
  })
  @ApiProblemResponse(404, 'No application of the caller has this tracking number', {
    notFound: {
      summary: 'Not theirs, or nobody’s',
      error: new DomainError('application_not_found', 404, [], { trackingNo: 'K7M39QX2C' }),
      instance: '/v1/applications/K7M39QX2C/withdraw',
    },
  })
  @ApiProblemResponse(409, 'A decision is made, or it is withdrawn already', {
    decided: {
      summary: 'Issued already',
      error: new DomainError('application_not_withdrawable', 409, [], {
        trackingNo: 'K7M39QX2C',
        status: 'ISSUED',
      }),
      instance: '/v1/applications/K7M39QX2C/withdraw',
    },
  })
  @ApiUpstreamProblems('intake', '/v1/applications/K7M39QX2C/withdraw')
  async withdraw(@Param('trackingNo') raw: string): Promise<ApplicationResponse> {
    return toApplicationResponse(
      await this.rpc.request(WithdrawApplication, { trackingNo: trackingNoFromPath(raw) }),
    );
  }

  @Post(':trackingNo/resubmit')
  @Callers(RESUBMITTERS)
  @HttpCode(200)
  @ApiOperation({
    operationId: 'resubmitApplication',
    summary: 'Send corrections after NEEDS_REVISION',
    description:
      'When the agency sent the application back (`NEEDS_REVISION`), its applicant (or the API ' +
      'client with `applications:submit` that submitted it) sends only what was corrected: `form` ' +
      'fields, merged over the stored form and checked again against the service’s standard as a ' +
      'whole, and `documents`, each replacing the document attached for its requirement. At least ' +
      'one of them. Everything is applied together or not at all, and the owning agency is told ' +
      '(the event names what changed, never the values). The status stays `NEEDS_REVISION`, with ' +
      '`resubmittedAt`, until the agency takes the case up again (`VERIFYING` on the timeline); ' +
      'more corrections may be sent meanwhile. Send an `Idempotency-Key` to make a retry safe.',
    security: securityOf(RESUBMITTERS),
  })
  @ApiTrackingNoParam('The tracking number, canonical or as a person types it', {
    canonical: 'K7M39QX2C',
    typed: 'k7m3-9qx2-c',
  })
  @ApiIdempotencyKey('/v1/applications/K7M39QX2C/resubmit', {
    422: {
      description:
        "Nothing to resubmit, a merged form the service's standard refuses, or documents the caller cannot attach",
      examples: {
        form: {
          summary: 'A corrected field the standard refuses',
          error: DomainError.validation([{ field: 'form.birthDate', code: 'must_be_date' }], 422),
          instance: '/v1/applications/K7M39QX2C/resubmit',
        },
        nothing: {
          summary: 'Neither form fields nor documents',
          error: DomainError.validation([{ field: 'form', code: 'nothing_to_resubmit' }], 422),
          instance: '/v1/applications/K7M39QX2C/resubmit',
        },
        documents: {
          summary: 'A document attached already, and two for one requirement',
          error: DomainError.validation(
            [
              { field: 'documents[0].documentId', code: 'document_already_attached' },
              { field: 'documents[2].requirement', code: 'requirement_offered_twice' },
            ],
            422,
          ),
          instance: '/v1/applications/K7M39QX2C/resubmit',
        },
      },
    },
    409: {
      description: 'The application is not awaiting corrections',
      examples: {
        notRevisable: {
          summary: 'Being verified, not sent back',
          error: new DomainError('application_not_resubmittable', 409, [], {
            trackingNo: 'K7M39QX2C',
            status: 'VERIFYING',
          }),
          instance: '/v1/applications/K7M39QX2C/resubmit',
        },
      },
    },
  })
  @ApiBody({
    type: ResubmitApplicationRequest,
    examples: {
      field: {
        summary: 'One corrected field',
        value: { form: { childName: 'Ayu Lestari' } },
      },
      document: {
        summary: 'A clearer scan of one document',
        value: {
          documents: [{ requirement: 'KTP', documentId: '3d0c8f6e-7a51-4b8e-9c1f-6a2b4d5e7f80' }],
        },
      },
    },
  })
  @ApiResponse({
    status: 200,
    description: 'Corrections received: the application, still NEEDS_REVISION, with resubmittedAt',
    type: ApplicationResponse,
    examples: {
      resubmitted: {
        summary: 'Corrected, awaiting the agency',
        value: {
          ...APPLICATION_EXAMPLE,
          status: 'NEEDS_REVISION',
          statusChangedAt: '2026-11-24T09:15:00.000+07:00',
          resubmittedAt: '2026-11-24T19:30:21.400+07:00',
        },
      },
    },
    headers: { ...REPLAYED_HEADERS },
  })
  @ApiBodyProblems(
    '/v1/applications/K7M39QX2C/resubmit',
    DomainError.validation([{ field: 'priority', code: 'unknown_field' }]),
    'An unknown field',
    {
      ...invalidIdempotencyKeyExample('/v1/applications/K7M39QX2C/resubmit'),
      ...mistypedTrackingNoExample('/v1/applications/K7M39QX2D/resubmit'),
    },
  )
  @ApiProblemResponse(404, 'No application of the caller has this tracking number', {
    notFound: {
      summary: 'Not theirs, or nobody’s',
      error: new DomainError('application_not_found', 404, [], { trackingNo: 'K7M39QX2C' }),
      instance: '/v1/applications/K7M39QX2C/resubmit',
    },
  })
  @ApiUpstreamProblems('intake', '/v1/applications/K7M39QX2C/resubmit')
  async resubmit(
    @Param('trackingNo') raw: string,
    @Body() body: ResubmitApplicationRequest,
  ): Promise<ApplicationResponse> {
    return toApplicationResponse(
      await this.rpc.request(
        ResubmitApplication,
        toResubmitApplicationV1(trackingNoFromPath(raw), body),
      ),
    );
  }
}
