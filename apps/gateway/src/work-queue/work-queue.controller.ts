import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiExtension,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { DomainError, SUBJECT_TOKEN_PATTERN } from '@satupintu/common';
import { ListWorkQueue, STATUSES } from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import { AGENCY_CODE } from '../openapi/formats';
import { Callers, type CallerRule, OfAgency } from '../auth/access';
import { securityOf } from '../openapi/security';
import { ApiProblemResponse, ApiUpstreamProblems } from '../openapi/problem.responses';
import { WorkQueueRequest, toListWorkQueueV1 } from './work-queue.request';
import { WorkQueuePageResponse, toWorkQueuePageResponse } from './work-queue.response';

const INSTANCE = '/v1/agencies/DUKCAPIL/work-queue';

/** Officers of the agency (mall admins of any) and the agency's own system; the agency decides too. */
export const WORK_QUEUE_READERS = {
  officer: ['VERIFIER', 'APPROVER', 'AGENCY_ADMIN', 'FRONT_DESK', 'MALL_ADMIN'],
  client: true,
} as const satisfies CallerRule;

/** `?status=`, documented here: Nest's schema of the query class would drop `maxItems`. */
export const ApiStatusFilter = (description: string) =>
  ApiQuery({
    name: 'status',
    required: false,
    description: `${description} (repeat the parameter, or separate with commas)`,
    style: 'form',
    explode: true,
    schema: {
      type: 'array',
      maxItems: STATUSES.length,
      items: { type: 'string', enum: [...STATUSES] },
    },
    example: ['VERIFYING'],
  });

@ApiTags('agencies')
@Controller('v1/agencies')
export class WorkQueueController {
  constructor(private readonly rpc: RpcClient) {}

  @Get(':agencyCode/work-queue')
  @Callers(WORK_QUEUE_READERS)
  @OfAgency('agencyCode')
  @ApiOperation({
    operationId: 'listWorkQueue',
    summary: "An agency's work queue",
    description:
      'The cases of one agency, the nearest deadline first (a paused case, waiting on the ' +
      'applicant, shows the one it would have if the applicant answered now), then those ' +
      'without a deadline, each by submission, a page at a time (`nextCursor`). ' +
      "The request goes to that agency's own deployment, which decides who may see it: its " +
      "officers, mall administrators, and the agency's own system (scope `agency:<CODE>:work`). " +
      'No personal data. The gateway refuses early an officer of another agency and a client ' +
      'without `agency:<CODE>:work` (403).',
    security: securityOf(WORK_QUEUE_READERS),
  })
  @ApiParam({
    name: 'agencyCode',
    description: 'The agency whose queue to list',
    schema: { type: 'string', maxLength: AGENCY_CODE.maxLength, pattern: AGENCY_CODE.pattern },
    example: 'DUKCAPIL',
  })
  @ApiExtension(
    'x-missing-resource',
    'An agency nobody runs is answered 503 naming it: no deployment of it answers the request.',
  )
  @ApiStatusFilter('Only cases in these statuses')
  @ApiOkResponse({
    description: 'A page of the queue',
    type: WorkQueuePageResponse,
    examples: {
      page: {
        summary: 'Two cases, more to come',
        value: {
          agencyCode: 'DUKCAPIL',
          items: [
            {
              applicationId: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
              trackingNo: 'K7M39QX2C',
              serviceCode: 'DUKCAPIL-KK',
              status: 'VERIFYING',
              channel: 'KIOSK',
              submittedAt: '2026-11-23T10:45:12.123+07:00',
              receivedAt: '2026-11-23T10:45:12.456+07:00',
              deadline: '2026-11-25T00:00:00.000+07:00',
              paused: false,
            },
          ],
          nextCursor:
            'WyIyMDI2LTExLTI0VDE3OjAwOjAwLjAwMFoiLCIyMDI2LTExLTIzVDAzOjQ1OjEyLjEyM1oiLCI2ZjFjIl0',
        },
      },
    },
  })
  @ApiProblemResponse(400, 'A malformed agency code, filter or cursor', {
    agencyCode: {
      summary: 'An agency code in lower case',
      error: DomainError.validation([{ field: 'agencyCode', code: 'agency_code_format' }]),
      instance: '/v1/agencies/dukcapil/work-queue',
    },
    cursor: {
      summary: 'A cursor this list did not make',
      error: new DomainError('invalid_cursor', 400),
      instance: `${INSTANCE}?cursor=bm9wZQ`,
    },
  })
  @ApiProblemResponse(401, 'No authenticated caller', {
    anonymous: {
      summary: 'An anonymous caller',
      error: new DomainError('unauthenticated', 401, [], { resource: 'work queue DUKCAPIL' }),
      instance: INSTANCE,
    },
  })
  @ApiProblemResponse(403, 'The caller is not an officer or the system of this agency', {
    otherAgency: {
      summary: 'An officer of another agency',
      error: new DomainError('forbidden', 403, [], { resource: 'work queue DUKCAPIL' }),
      instance: INSTANCE,
    },
  })
  @ApiUpstreamProblems('DUKCAPIL', INSTANCE)
  async list(
    @Param('agencyCode') agencyCode: string,
    @Query() query: WorkQueueRequest,
  ): Promise<WorkQueuePageResponse> {
    if (!SUBJECT_TOKEN_PATTERN.test(agencyCode)) {
      throw DomainError.validation([{ field: 'agencyCode', code: 'agency_code_format' }]);
    }
    const page = await this.rpc.request(ListWorkQueue, toListWorkQueueV1(query), {
      to: agencyCode,
    });
    return toWorkQueuePageResponse(page);
  }
}
