import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import { GetService, ListServices } from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import { Public } from '../auth/access';
import { SERVICE_CODE_MAX_LENGTH } from '../openapi/formats';
import { ApiProblemResponse, ApiUpstreamProblems } from '../openapi/problem.responses';
import { ListServicesRequest, toListServicesV1 } from './list-services.request';
import {
  BIRTH_CERTIFICATE_EXAMPLE,
  SERVICES_PAGE_EXAMPLE,
  ServiceStandardResponse,
  ServicesPageResponse,
  toServiceStandardResponse,
  toServicesPageResponse,
} from './service-standard.response';

/** The mall's catalog: public, so a citizen can read what a service needs before signing in. */
@ApiTags('services')
@Controller('v1/services')
export class ServicesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Public()
  @ApiOperation({
    operationId: 'listServices',
    summary: "The mall's services",
    description:
      'The services of the mall’s active agencies, by code, a page at a time (`nextCursor`), each ' +
      'with its name, description, categories, time limit, fee and channels. Narrow the list by ' +
      'words (`q`, every word found in the code, names or descriptions, in Indonesian or English), ' +
      'by agency and by life event or sector (`category`). Each agency publishes its own services’ ' +
      'standards; the catalog follows them within moments.',
    security: [],
  })
  @ApiOkResponse({
    description: 'A page of services',
    type: ServicesPageResponse,
    examples: {
      birth: { summary: 'Services for a birth, more to come', value: SERVICES_PAGE_EXAMPLE },
    },
  })
  @ApiProblemResponse(400, 'A filter out of bounds, or a cursor this list did not make', {
    category: {
      summary: 'A category that does not exist',
      error: DomainError.validation([
        { field: 'category', code: 'must_be_one_of', params: { values: 'BUSINESS, BIRTH, …' } },
      ]),
      instance: '/v1/services?category=PETS',
    },
    cursor: {
      summary: 'A cursor this list did not make',
      error: new DomainError('invalid_cursor', 400),
      instance: '/v1/services?cursor=bm9wZQ',
    },
  })
  @ApiUpstreamProblems('intake', '/v1/services')
  async list(@Query() query: ListServicesRequest): Promise<ServicesPageResponse> {
    return toServicesPageResponse(await this.rpc.request(ListServices, toListServicesV1(query)));
  }

  @Get(':serviceCode')
  @Public()
  @ApiOperation({
    operationId: 'getService',
    summary: 'A service and its standard',
    description:
      'One service of the catalog with the whole standard its agency published (after PermenPANRB ' +
      '15/2014): the form’s data fields and the documents to upload, the procedure, the time limit, ' +
      'the fee and its legal basis, the output, the channels and where to complain. An application ' +
      'gives the fields in its `form`.',
    security: [],
  })
  @ApiParam({
    name: 'serviceCode',
    description: 'The service code',
    schema: { type: 'string', maxLength: SERVICE_CODE_MAX_LENGTH },
    example: 'DUKCAPIL-AKTA-LAHIR',
  })
  @ApiOkResponse({
    description: 'The service',
    type: ServiceStandardResponse,
    examples: { birth: { summary: 'A birth certificate', value: BIRTH_CERTIFICATE_EXAMPLE } },
  })
  @ApiProblemResponse(404, 'No active service has this code', {
    unknown: {
      summary: 'A code that is not in the catalog',
      error: new DomainError('service_not_found', 404, [], { code: 'DUKCAPIL-XX' }),
      instance: '/v1/services/DUKCAPIL-XX',
    },
  })
  @ApiUpstreamProblems('intake', '/v1/services/DUKCAPIL-AKTA-LAHIR')
  async get(@Param('serviceCode') code: string): Promise<ServiceStandardResponse> {
    if (code.length > SERVICE_CODE_MAX_LENGTH)
      throw new DomainError('service_not_found', 404, [], { code: code.slice(0, 64) });
    return toServiceStandardResponse(await this.rpc.request(GetService, { code }));
  }
}
