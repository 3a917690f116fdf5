import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import {
  AddBusinessMember,
  ListMyBusinesses,
  RegisterBusiness,
  UpdateBusiness,
} from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import { Callers } from '../auth/access';
import { ApiProblemResponse } from '../openapi/problem.responses';
import { UUID, UUID_PATTERN, pathParam } from './account-formats';
import { ApiAccountAccess, ApiBodyProblems, BEARER } from './accounts.openapi';
import {
  AddBusinessMemberRequest,
  RegisterBusinessRequest,
  UpdateBusinessRequest,
  toAddBusinessMemberV1,
  toRegisterBusinessV1,
  toUpdateBusinessV1,
} from './business.request';
import {
  BUSINESS_EXAMPLE,
  BusinessResponse,
  BusinessesResponse,
  toBusinessResponse,
  toBusinessesResponse,
} from './business.response';
import {
  ApiIdempotencyKey,
  REPLAYED_HEADERS,
  invalidIdempotencyKeyExample,
} from '../idempotency/idempotency.openapi';

const ONE = `/v1/businesses/${BUSINESS_EXAMPLE.businessId}`;
const NOT_FOUND = {
  notFound: {
    summary: 'Not a business the caller owns or acts for',
    error: new DomainError('business_not_found', 404, [], {
      businessId: BUSINESS_EXAMPLE.businessId,
    }),
    instance: ONE,
  },
};
const BUSINESS_ID = {
  name: 'businessId',
  description: 'The business',
  schema: { type: 'string', format: 'uuid', maxLength: 36, pattern: UUID.pattern },
  example: BUSINESS_EXAMPLE.businessId,
};

@ApiTags('businesses')
@Controller('v1/businesses')
@Callers({ applicant: true })
export class BusinessesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    operationId: 'registerBusiness',
    summary: 'Register a business I own',
    description:
      'The signed-in applicant registers a business (NIB, name, KBLI 2020 codes, address, NPWP) and becomes its ' +
      'owner. Intake and the agencies receive it, with who acts for it. A NIB registers once.',
    security: BEARER,
  })
  @ApiBody({
    type: RegisterBusinessRequest,
    examples: {
      warung: {
        summary: 'A small restaurant',
        value: {
          nib: '9120000000001',
          name: 'Warung Makan Sejahtera',
          kbli: ['56101'],
          address: { line: 'Jl. Raya Cibinong No. 5', districtCode: '32.01.01' },
          npwp: '012345678901234',
        } satisfies RegisterBusinessRequest,
      },
    },
  })
  @ApiResponse({
    status: 201,
    description: 'Registered; the caller is its owner',
    type: BusinessResponse,
    headers: REPLAYED_HEADERS,
    examples: { registered: { summary: 'Registered', value: BUSINESS_EXAMPLE } },
  })
  @ApiBodyProblems(
    '/v1/businesses',
    DomainError.validation([{ field: 'kbli.0', code: 'kbli_format' }]),
    'A KBLI code of four digits',
    invalidIdempotencyKeyExample('/v1/businesses'),
  )
  @ApiIdempotencyKey('/v1/businesses', {
    409: {
      description: 'The NIB is registered already',
      examples: {
        exists: {
          summary: 'Registered before',
          error: new DomainError('business_exists', 409),
          instance: '/v1/businesses',
        },
      },
    },
  })
  @ApiAccountAccess('businesses', '/v1/businesses', 'The caller is not an applicant')
  async register(@Body() body: RegisterBusinessRequest): Promise<BusinessResponse> {
    return toBusinessResponse(await this.rpc.request(RegisterBusiness, toRegisterBusinessV1(body)));
  }

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    operationId: 'listMyBusinesses',
    summary: 'The businesses I own or act for',
    description:
      'Every business the signed-in applicant owns or represents (at most 100), by name.',
    security: BEARER,
  })
  @ApiResponse({
    status: 200,
    description: 'The businesses',
    type: BusinessesResponse,
    examples: { one: { summary: 'One business', value: { items: [BUSINESS_EXAMPLE] } } },
  })
  @ApiAccountAccess('businesses', '/v1/businesses', 'The caller is not an applicant')
  async list(): Promise<BusinessesResponse> {
    return toBusinessesResponse(await this.rpc.request(ListMyBusinesses, {}));
  }

  @Patch(':businessId')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    operationId: 'updateBusiness',
    summary: 'Change a business I own',
    description:
      'Its owner changes the fields given (name, KBLI codes, address, NPWP); each change is a new version that ' +
      'intake and the agencies receive. A representative is refused (403); to anyone else the business is not ' +
      'there (404).',
    security: BEARER,
  })
  @ApiParam(BUSINESS_ID)
  @ApiBody({
    type: UpdateBusinessRequest,
    examples: {
      kbli: {
        summary: 'Another KBLI code',
        value: { kbli: ['56101', '10710'] } satisfies UpdateBusinessRequest,
      },
    },
  })
  @ApiResponse({
    status: 200,
    description: 'The business after the change',
    type: BusinessResponse,
    examples: {
      changed: {
        summary: 'A new version',
        value: { ...BUSINESS_EXAMPLE, kbli: ['56101', '10710'], version: 2 },
      },
    },
  })
  @ApiBodyProblems(
    ONE,
    DomainError.validation([{ field: 'npwp', code: 'npwp_format' }]),
    'An NPWP of 14 digits',
  )
  @ApiProblemResponse(404, 'Not a business of the caller', NOT_FOUND)
  @ApiAccountAccess(
    `business ${BUSINESS_EXAMPLE.businessId}`,
    ONE,
    'The caller is not an applicant, or only represents the business',
  )
  async update(
    @Param('businessId') businessId: string,
    @Body() body: UpdateBusinessRequest,
  ): Promise<BusinessResponse> {
    const id = pathParam('businessId', businessId, UUID_PATTERN);
    return toBusinessResponse(await this.rpc.request(UpdateBusiness, toUpdateBusinessV1(id, body)));
  }

  @Post(':businessId/members')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    operationId: 'addBusinessMember',
    summary: 'Let someone act for my business',
    description:
      'Its owner names a registered applicant (by NIK) who may then act for the business as its representative. ' +
      'Intake and the agencies receive the new list of who acts for it. A retry under the same `Idempotency-Key` ' +
      'answers the first answer instead of saying that they act for it already.',
    security: BEARER,
  })
  @ApiParam(BUSINESS_ID)
  @ApiBody({
    type: AddBusinessMemberRequest,
    examples: {
      rep: {
        summary: 'A representative',
        value: { nik: '3201011203850002' } satisfies AddBusinessMemberRequest,
      },
    },
  })
  @ApiResponse({
    status: 200,
    description: 'The business with its members',
    type: BusinessResponse,
    headers: REPLAYED_HEADERS,
    examples: {
      added: {
        summary: 'Owner and representative',
        value: {
          ...BUSINESS_EXAMPLE,
          members: [
            ...BUSINESS_EXAMPLE.members,
            { applicantId: '1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6', role: 'REPRESENTATIVE' },
          ],
          version: 2,
        },
      },
    },
  })
  @ApiBodyProblems(
    `${ONE}/members`,
    DomainError.validation([{ field: 'nik', code: 'nik_format' }]),
    'A NIK of the wrong length',
    invalidIdempotencyKeyExample(`${ONE}/members`),
  )
  @ApiProblemResponse(404, 'Not a business of the caller', NOT_FOUND)
  @ApiIdempotencyKey(`${ONE}/members`, {
    422: {
      description: 'Nobody registered has this NIK, or they act for it already',
      examples: {
        unknown: {
          summary: 'Not registered',
          error: DomainError.validation([{ field: 'nik', code: 'member_not_registered' }], 422),
          instance: `${ONE}/members`,
        },
      },
    },
  })
  @ApiAccountAccess(
    `business ${BUSINESS_EXAMPLE.businessId}`,
    `${ONE}/members`,
    'The caller is not an applicant, or only represents the business',
  )
  async addMember(
    @Param('businessId') businessId: string,
    @Body() body: AddBusinessMemberRequest,
  ): Promise<BusinessResponse> {
    const id = pathParam('businessId', businessId, UUID_PATTERN);
    return toBusinessResponse(
      await this.rpc.request(AddBusinessMember, toAddBusinessMemberV1(id, body)),
    );
  }
}
