import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DomainError, SUBJECT_TOKEN_PATTERN } from '@satupintu/common';
import { CreateAgency, ListAgencies, UpdateAgency } from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import { Callers, Public } from '../auth/access';
import { AGENCY_CODE } from '../openapi/formats';
import { ApiProblemResponse, ApiUpstreamProblems } from '../openapi/problem.responses';
import { pathParam } from './account-formats';
import { ApiAccountAccess, ApiBodyProblems, BEARER } from './accounts.openapi';
import {
  CreateAgencyRequest,
  UpdateAgencyRequest,
  toCreateAgencyV1,
  toUpdateAgencyV1,
} from './agency.request';
import {
  AGENCY_EXAMPLE,
  AgenciesResponse,
  AgencyResponse,
  toAgencyResponse,
} from './agency.response';
import {
  ApiIdempotencyKey,
  REPLAYED_HEADERS,
  invalidIdempotencyKeyExample,
} from '../idempotency/idempotency.openapi';

const MALL_ADMINS = 'The caller is not a mall admin';

@ApiTags('agencies')
@Controller('v1/agencies')
export class AgenciesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Public()
  @ApiOperation({
    operationId: 'listAgencies',
    summary: "The mall's agencies",
    description: 'Every agency of the mall, by code, with its time zone and whether it is active.',
    security: [],
  })
  @ApiResponse({
    status: 200,
    description: 'The agencies',
    type: AgenciesResponse,
    examples: { demo: { summary: 'One agency', value: { items: [AGENCY_EXAMPLE] } } },
  })
  @ApiUpstreamProblems('identity', '/v1/agencies')
  async list(): Promise<AgenciesResponse> {
    const { items } = await this.rpc.request(ListAgencies, {});
    return { items: items.slice(0, 500).map(toAgencyResponse) };
  }

  @Post()
  @Callers({ officer: ['MALL_ADMIN'] })
  @HttpCode(201)
  @ApiOperation({
    operationId: 'createAgency',
    summary: 'Add an agency',
    description:
      "A mall admin adds an agency to the mall. Intake's catalog receives it (AgencyChanged); an agency " +
      'deployment for its code can then be started.',
    security: BEARER,
  })
  @ApiBody({
    type: CreateAgencyRequest,
    examples: {
      bpjs: {
        summary: 'BPJS Kesehatan, in WIB',
        value: {
          code: 'BPJS',
          name: 'BPJS Kesehatan',
          timeZone: 'Asia/Jakarta',
        } satisfies CreateAgencyRequest,
      },
    },
  })
  @ApiResponse({
    status: 201,
    description: 'Added, at version 1',
    type: AgencyResponse,
    headers: REPLAYED_HEADERS,
    examples: {
      added: {
        summary: 'Added',
        value: { ...AGENCY_EXAMPLE, code: 'BPJS', name: 'BPJS Kesehatan' },
      },
    },
  })
  @ApiBodyProblems(
    '/v1/agencies',
    DomainError.validation([{ field: 'code', code: 'agency_code_format' }]),
    'A code in lower case',
    invalidIdempotencyKeyExample('/v1/agencies'),
  )
  @ApiIdempotencyKey('/v1/agencies', {
    409: {
      description: 'An agency with this code exists',
      examples: {
        exists: {
          summary: 'Added before',
          error: new DomainError('agency_exists', 409, [], { code: 'BPJS' }),
          instance: '/v1/agencies',
        },
      },
    },
  })
  @ApiAccountAccess('agencies', '/v1/agencies', MALL_ADMINS)
  async create(@Body() body: CreateAgencyRequest): Promise<AgencyResponse> {
    return toAgencyResponse(await this.rpc.request(CreateAgency, toCreateAgencyV1(body)));
  }

  @Patch(':code')
  @Callers({ officer: ['MALL_ADMIN'] })
  @ApiOperation({
    operationId: 'updateAgency',
    summary: 'Change an agency',
    description:
      'A mall admin changes the fields given (name, time zone, whether it is active). Every change is a new ' +
      "version, which intake's catalog receives.",
    security: BEARER,
  })
  @ApiParam({
    name: 'code',
    description: 'The agency',
    schema: { type: 'string', maxLength: AGENCY_CODE.maxLength, pattern: AGENCY_CODE.pattern },
    example: 'DUKCAPIL',
  })
  @ApiBody({
    type: UpdateAgencyRequest,
    examples: {
      rename: {
        summary: 'A new name',
        value: { name: 'Disdukcapil Kabupaten Bogor' } satisfies UpdateAgencyRequest,
      },
    },
  })
  @ApiResponse({
    status: 200,
    description: 'The agency after the change',
    type: AgencyResponse,
    examples: {
      changed: {
        summary: 'Version 2',
        value: { ...AGENCY_EXAMPLE, name: 'Disdukcapil Kabupaten Bogor', version: 2 },
      },
    },
  })
  @ApiBodyProblems(
    '/v1/agencies/DUKCAPIL',
    DomainError.validation([{ field: 'timeZone', code: 'must_be_one_of' }]),
    'A time zone that is not WIB, WITA or WIT',
  )
  @ApiProblemResponse(404, 'No agency has this code', {
    notFound: {
      summary: 'Unknown code',
      error: new DomainError('agency_not_found', 404, [], { code: 'NOPE' }),
      instance: '/v1/agencies/NOPE',
    },
  })
  @ApiAccountAccess('agencies', '/v1/agencies/DUKCAPIL', MALL_ADMINS)
  async update(
    @Param('code') code: string,
    @Body() body: UpdateAgencyRequest,
  ): Promise<AgencyResponse> {
    pathParam('code', code, SUBJECT_TOKEN_PATTERN, 'agency_code_format');
    return toAgencyResponse(await this.rpc.request(UpdateAgency, toUpdateAgencyV1(code, body)));
  }
}
