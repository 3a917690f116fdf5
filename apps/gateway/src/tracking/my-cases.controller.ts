import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import { ListMyBundles, ListMyCases } from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import { Callers, type CallerRule } from '../auth/access';
import { securityOf } from '../openapi/security';
import { ApiProblemResponse, ApiUpstreamProblems } from '../openapi/problem.responses';
import { ApiStatusFilter } from '../work-queue/work-queue.controller';
import {
  MyBundlesRequest,
  MyCasesRequest,
  toListMyBundlesV1,
  toListMyCasesV1,
} from './tracking-views.request';
import {
  MyBundlesPageResponse,
  MyCasesPageResponse,
  toMyBundlesPageResponse,
  toMyCasesPageResponse,
} from './tracking-views.response';
import { MY_BUNDLES_EXAMPLE, MY_CASES_EXAMPLE } from './tracking-views.examples';

/** A signed-in applicant, for their own cases: tracking reads whose they are from the token. */
export const OWN_CASE_READERS = { applicant: true } as const satisfies CallerRule;

const badCursor = (instance: string) =>
  ApiProblemResponse(400, 'A malformed filter or page size, or a cursor this list did not make', {
    cursor: {
      summary: 'A cursor this list did not make',
      error: new DomainError('invalid_cursor', 400),
      instance: `${instance}?cursor=bm9wZQ`,
    },
  });

const noToken = (instance: string, resource: string) =>
  ApiProblemResponse(401, 'No authenticated caller', {
    anonymous: {
      summary: 'An anonymous caller',
      error: new DomainError('unauthenticated', 401, [], { resource }),
      instance,
    },
  });

const notAnApplicant = (instance: string, resource: string) =>
  ApiProblemResponse(403, 'The caller is not an applicant', {
    officer: {
      summary: 'An officer',
      error: new DomainError('forbidden', 403, [], { resource }),
      instance,
    },
  });

/**
 * The applicant's own cases as tracking follows them across agencies. Beside intake's
 * `GET /v1/applications` (what was submitted): here is where each stands, by when, and what the
 * applicant must do now.
 */
@ApiTags('tracking')
@Controller('v1/me')
export class MyCasesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('cases')
  @Callers(OWN_CASE_READERS)
  @ApiOperation({
    operationId: 'listMyCases',
    summary: 'My cases and what I must do now',
    description:
      "The signed-in applicant's cases in every agency, newest first, a page at a time " +
      '(`nextCursor`): status, deadline, whether the clock is paused waiting on them, the bundle ' +
      'step a case is, and `expected`: what they must do now (revise with the agency’s reason, ' +
      'pay a fee with its payment code, collect an issued output, or nothing). A case shows here ' +
      'a moment after it is submitted, once tracking has caught up. Filter by `status`, ' +
      '`serviceCode` and `open`.',
    security: securityOf(OWN_CASE_READERS),
  })
  @ApiStatusFilter('Only cases in these statuses')
  @ApiOkResponse({
    description: 'A page of cases',
    type: MyCasesPageResponse,
    examples: { page: { summary: 'A revision asked for, more to come', value: MY_CASES_EXAMPLE } },
  })
  @badCursor('/v1/me/cases')
  @noToken('/v1/me/cases', 'cases')
  @notAnApplicant('/v1/me/cases', 'cases')
  @ApiUpstreamProblems('tracking', '/v1/me/cases')
  async cases(@Query() query: MyCasesRequest): Promise<MyCasesPageResponse> {
    return toMyCasesPageResponse(await this.rpc.request(ListMyCases, toListMyCasesV1(query)));
  }

  @Get('bundles')
  @Callers(OWN_CASE_READERS)
  @ApiOperation({
    operationId: 'listMyBundles',
    summary: 'My bundles, step by step',
    description:
      "The signed-in applicant's bundles (one request served by several agencies in turn), " +
      'the most recently started first, a page at a time (`nextCursor`): each with the steps ' +
      'opened so far, as `GET /v1/me/cases` shows them (agency, status, deadline, `expected`). ' +
      "A step still waiting on an earlier step's output is not a case yet; " +
      '`GET /v1/bundles/applications/{trackingNo}` lists every step of the bundle.',
    security: securityOf(OWN_CASE_READERS),
  })
  @ApiOkResponse({
    description: 'A page of bundles',
    type: MyBundlesPageResponse,
    examples: { page: { summary: 'A bundle in its second step', value: MY_BUNDLES_EXAMPLE } },
  })
  @badCursor('/v1/me/bundles')
  @noToken('/v1/me/bundles', 'bundles')
  @notAnApplicant('/v1/me/bundles', 'bundles')
  @ApiUpstreamProblems('tracking', '/v1/me/bundles')
  async bundles(@Query() query: MyBundlesRequest): Promise<MyBundlesPageResponse> {
    return toMyBundlesPageResponse(await this.rpc.request(ListMyBundles, toListMyBundlesV1(query)));
  }
}
