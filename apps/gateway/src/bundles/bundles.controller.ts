import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiExtension,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import {
  BUNDLE_CODE,
  DefineBundle,
  GetBundle,
  GetBundleCase,
  ListBundles,
  SubmitBundle,
} from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import type { FastifyReply } from 'fastify';
import { pathParam } from '../accounts/account-formats';
import { ApiIdempotencyKey, REPLAYED_HEADERS } from '../idempotency/idempotency.openapi';
import { ApiAccountAccess, ApiBodyProblems, BEARER } from '../accounts/accounts.openapi';
import { OWN_APPLICATIONS_LISTERS, SUBMITTERS } from '../applications/applications.controller';
import { ApiTypedTrackingNo, trackingNoFromPath } from '../applications/tracking-number.param';
import { Callers, Public } from '../auth/access';
import { securityOf } from '../openapi/security';
import { ApiProblemResponse, ApiUpstreamProblems } from '../openapi/problem.responses';
import { BundleCaseResponse, toBundleCaseResponse } from './bundle-case.response';
import {
  BundleResponse,
  BundlesPageResponse,
  toBundleResponse,
  toBundlesPageResponse,
} from './bundle.response';
import {
  BUNDLE_CASE_EXAMPLE,
  BUNDLE_EXAMPLE,
  DEFINE_EXAMPLE,
  SUBMIT_BUNDLE_EXAMPLES,
} from './bundles.examples';
import { DefineBundleRequest, toDefineBundleV1 } from './define-bundle.request';
import { ListBundlesRequest, toListBundlesV1 } from './list-bundles.request';
import { SubmitBundleRequest, toSubmitBundleV1 } from './submit-bundle.request';

const CODE_PARAM = {
  name: 'code',
  description: 'The bundle',
  schema: { type: 'string', maxLength: 48, pattern: BUNDLE_CODE.source },
  example: 'START-SMALL-BUSINESS',
} as const;

const UNKNOWN_BUNDLE = {
  notFound: {
    summary: 'A code no bundle has',
    error: new DomainError('bundle_not_found', 404, [], { code: 'NO-SUCH-BUNDLE' }),
    instance: '/v1/bundles/NO-SUCH-BUNDLE',
  },
};

@ApiTags('bundles')
@Controller('v1/bundles')
export class BundlesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Public()
  @ApiOperation({
    operationId: 'listBundles',
    summary: "The mall's bundles",
    description:
      'Bundles join services of several agencies into one output (start a small business, the birth ' +
      'of a child): one submission, and each step opens at its agency once the steps it depends on ' +
      'are issued. By code, a page at a time (`nextCursor`).',
    security: [],
  })
  @ApiOkResponse({
    description: 'A page of bundles',
    type: BundlesPageResponse,
    examples: { page: { summary: 'One bundle, the last', value: { items: [BUNDLE_EXAMPLE] } } },
  })
  @ApiProblemResponse(400, 'A page size out of range, or a cursor this list did not make', {
    cursor: {
      summary: 'A cursor this list did not make',
      error: new DomainError('invalid_cursor', 400),
      instance: '/v1/bundles?cursor=bm9wZQ',
    },
  })
  @ApiUpstreamProblems('intake', '/v1/bundles')
  async list(@Query() query: ListBundlesRequest): Promise<BundlesPageResponse> {
    return toBundlesPageResponse(await this.rpc.request(ListBundles, toListBundlesV1(query)));
  }

  @Get(':code')
  @Public()
  @ApiOperation({
    operationId: 'getBundle',
    summary: 'A bundle',
    description: 'Its steps, each after those it depends on, with the agency of each.',
    security: [],
  })
  @ApiParam(CODE_PARAM)
  @ApiOkResponse({
    description: 'The bundle',
    type: BundleResponse,
    examples: { demo: { summary: 'Start a small business', value: BUNDLE_EXAMPLE } },
  })
  @ApiProblemResponse(400, 'A code that cannot be a bundle’s', {
    format: {
      summary: 'Lower case',
      error: DomainError.validation([{ field: 'code', code: 'bundle_code_format' }]),
      instance: '/v1/bundles/start',
    },
  })
  @ApiProblemResponse(404, 'No bundle has this code', UNKNOWN_BUNDLE)
  @ApiUpstreamProblems('intake', '/v1/bundles/START-SMALL-BUSINESS')
  async get(@Param('code') code: string): Promise<BundleResponse> {
    pathParam('code', code, BUNDLE_CODE, 'bundle_code_format');
    return toBundleResponse(await this.rpc.request(GetBundle, { code }));
  }

  @Put(':code')
  @Callers({ officer: ['MALL_ADMIN'] })
  @ApiOperation({
    operationId: 'defineBundle',
    summary: 'Define a bundle',
    description:
      'A mall admin defines the bundle under this code, or redefines it (its version goes up; bundles ' +
      'already submitted keep the steps they were submitted with). The steps must form a DAG through ' +
      '`dependsOn` of services in the catalog, and a step takes as `inputs` only outputs of steps it ' +
      'depends on, directly or through others: a cycle, a self-dependency, an unknown step or an ' +
      'unknown service is a 422 naming the field.',
    security: BEARER,
  })
  @ApiParam(CODE_PARAM)
  @ApiBody({
    type: DefineBundleRequest,
    examples: {
      smallBusiness: { summary: 'Three agencies, the NIB first', value: DEFINE_EXAMPLE },
    },
  })
  @ApiResponse({
    status: 200,
    description: 'The bundle as stored, steps in dependency order',
    type: BundleResponse,
    examples: { defined: { summary: 'Version 1', value: BUNDLE_EXAMPLE } },
  })
  @ApiBodyProblems(
    '/v1/bundles/START-SMALL-BUSINESS',
    DomainError.validation([{ field: 'steps.0.key', code: 'step_key_format' }]),
    'A step key in capitals',
  )
  @ApiExtension(
    'x-missing-resource',
    'None: PUT defines the bundle under any well-formed code that has none.',
  )
  @ApiProblemResponse(422, 'Not a DAG of known services', {
    cycle: {
      summary: 'Two steps that wait for each other',
      error: DomainError.validation(
        [
          { field: 'steps.0.dependsOn', code: 'dependency_cycle', params: { step: 'nib' } },
          { field: 'steps.1.dependsOn', code: 'dependency_cycle', params: { step: 'pbg' } },
        ],
        422,
      ),
      instance: '/v1/bundles/START-SMALL-BUSINESS',
    },
    unknownService: {
      summary: 'A service not in the catalog',
      error: DomainError.validation(
        [
          {
            field: 'steps.2.serviceCode',
            code: 'unknown_service',
            params: { serviceCode: 'BPJS-X' },
          },
        ],
        422,
      ),
      instance: '/v1/bundles/START-SMALL-BUSINESS',
    },
  })
  @ApiAccountAccess(
    'bundles',
    '/v1/bundles/START-SMALL-BUSINESS',
    'The caller is not a mall admin',
    'intake',
  )
  async define(
    @Param('code') code: string,
    @Body() body: DefineBundleRequest,
  ): Promise<BundleResponse> {
    pathParam('code', code, BUNDLE_CODE, 'bundle_code_format');
    return toBundleResponse(await this.rpc.request(DefineBundle, toDefineBundleV1(code, body)));
  }

  @Post(':code/applications')
  @Callers(SUBMITTERS)
  @HttpCode(201)
  @ApiOperation({
    operationId: 'submitBundle',
    summary: 'Apply for a bundle',
    description:
      'One submission for every step: one set of data (`form`) and one set of documents, by the same ' +
      'callers, for the same applicants, through the same channels as a single application. The bundle ' +
      'becomes one case with its own tracking number; the steps that depend on nothing open at once as ' +
      'applications at their agencies, the others when their dependencies are issued, receiving the ' +
      'data, the documents and the upstream outputs without anything entered again. A rejected step ' +
      'fails the bundle and cancels the rest. Each document must be the caller’s own upload, given ' +
      'to nothing else, for a requirement of at least one step’s service, of a type and size it ' +
      'allows; it is then readable by the officers of each step’s agency once that step is open.',
    security: securityOf(SUBMITTERS),
  })
  @ApiParam(CODE_PARAM)
  @ApiBody({ type: SubmitBundleRequest, examples: SUBMIT_BUNDLE_EXAMPLES })
  @ApiResponse({
    status: 201,
    description: 'Accepted: the bundle as one case, its first steps open',
    type: BundleCaseResponse,
    examples: { opened: { summary: 'The NIB issued, two steps open', value: BUNDLE_CASE_EXAMPLE } },
    headers: {
      Location: {
        description: 'The bundle case',
        required: true,
        schema: {
          type: 'string',
          maxLength: 64,
          pattern: '^/v1/bundles/applications/[0-9A-HJKMNP-TV-Z]{9}$',
          example: '/v1/bundles/applications/B8N4R2W7P',
        },
      },
      ...REPLAYED_HEADERS,
    },
  })
  @ApiBodyProblems(
    '/v1/bundles/START-SMALL-BUSINESS/applications',
    DomainError.validation([{ field: 'documents.0.documentId', code: 'invalid' }]),
    'A document id that is not a UUID',
  )
  @ApiExtension(
    'x-missing-resource',
    'An unknown bundle is a 422 on `bundleCode`, with the other problems of the submission.',
  )
  @ApiIdempotencyKey('/v1/bundles/START-SMALL-BUSINESS/applications', {
    422: {
      description:
        'Well formed, but an unknown bundle, a NIK that cannot exist, data that is not flat, or documents the bundle cannot take',
      examples: {
        documents: {
          summary: 'A requirement no step asks for, and a document that is not the caller’s',
          error: DomainError.validation(
            [
              {
                field: 'documents[0].requirement',
                code: 'unknown_requirement',
                params: { requirement: 'NPWP' },
              },
              { field: 'documents[1].documentId', code: 'document_not_found' },
            ],
            422,
          ),
          instance: '/v1/bundles/START-SMALL-BUSINESS/applications',
        },
        unknownBundle: {
          summary: 'A bundle that does not exist',
          error: DomainError.validation(
            [
              {
                field: 'bundleCode',
                code: 'unknown_bundle',
                params: { bundleCode: 'NO-SUCH-BUNDLE' },
              },
            ],
            422,
          ),
          instance: '/v1/bundles/NO-SUCH-BUNDLE/applications',
        },
      },
    },
  })
  @ApiAccountAccess(
    'applications',
    '/v1/bundles/START-SMALL-BUSINESS/applications',
    'The caller may not submit (a verifier, a client without `applications:submit`)',
    'intake',
  )
  async submit(
    @Param('code') code: string,
    @Body() body: SubmitBundleRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BundleCaseResponse> {
    pathParam('code', code, BUNDLE_CODE, 'bundle_code_format');
    const bundleCase = await this.rpc.request(SubmitBundle, toSubmitBundleV1(code, body));
    void reply.header('location', `/v1/bundles/applications/${bundleCase.trackingNo}`);
    return toBundleCaseResponse(bundleCase);
  }

  @Get('applications/:trackingNo')
  @Callers(OWN_APPLICATIONS_LISTERS)
  @ApiOperation({
    operationId: 'getBundleApplication',
    summary: 'Follow a bundle',
    description:
      'The bundle as one case: its status, and each step with its agency, its status, its own ' +
      "application's tracking number once opened, and its output once issued; when COMPLETED, the " +
      'joint output; when FAILED, the step and the reason. For its applicant, or the API client that ' +
      'submitted it; anyone else gets the 404 of an unknown number.',
    security: securityOf(OWN_APPLICATIONS_LISTERS),
  })
  @ApiTypedTrackingNo(
    'The bundle’s tracking number, canonical or as a person types it',
    { canonical: 'B8N4R2W7P', typed: 'b8n4-r2w7-p' },
    '/v1/bundles/applications/B8N4R2W7Q',
  )
  @ApiOkResponse({
    description: 'The bundle case',
    type: BundleCaseResponse,
    examples: { inProgress: { summary: 'Two steps open', value: BUNDLE_CASE_EXAMPLE } },
  })
  @ApiProblemResponse(404, 'No bundle case with this number that the caller may see', {
    notFound: {
      summary: 'Unknown, or another’s',
      error: new DomainError('bundle_case_not_found', 404, [], { trackingNo: '000000000' }),
      instance: '/v1/bundles/applications/000000000',
    },
  })
  @ApiAccountAccess(
    'applications',
    '/v1/bundles/applications/B8N4R2W7P',
    'The caller is neither an applicant nor an API client with `applications:read`',
    'intake',
  )
  async getCase(@Param('trackingNo') raw: string): Promise<BundleCaseResponse> {
    const trackingNo = trackingNoFromPath(raw);
    return toBundleCaseResponse(await this.rpc.request(GetBundleCase, { trackingNo }));
  }
}
