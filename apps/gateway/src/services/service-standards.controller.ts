import { Body, Controller, Param, Put } from '@nestjs/common';
import {
  ApiBody,
  ApiExtension,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { DomainError, SUBJECT_TOKEN_PATTERN } from '@satupintu/common';
import { PublishServiceStandard, SERVICE_CODE_PATTERN } from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import { Callers, OfAgency, type CallerRule } from '../auth/access';
import { AGENCY_CODE } from '../openapi/formats';
import { ApiProblemResponse, ApiUpstreamProblems } from '../openapi/problem.responses';
import { securityOf } from '../openapi/security';
import { ServiceStandardRequest, toPublishServiceStandardV1 } from './service-standard.request';
import {
  BIRTH_CERTIFICATE_EXAMPLE,
  ServiceStandardResponse,
  toServiceStandardResponse,
} from './service-standard.response';

const INSTANCE = '/v1/agencies/DUKCAPIL/services/DUKCAPIL-AKTA-LAHIR';

/** An agency's admin, or a mall admin; the agency decides again. */
export const STANDARD_PUBLISHERS = {
  officer: ['AGENCY_ADMIN', 'MALL_ADMIN'],
} as const satisfies CallerRule;

const {
  code: _code,
  agencyCode: _agency,
  version: _version,
  ...BIRTH_CERTIFICATE_BODY
} = BIRTH_CERTIFICATE_EXAMPLE;

@ApiTags('agencies')
@Controller('v1/agencies')
export class ServiceStandardsController {
  constructor(private readonly rpc: RpcClient) {}

  @Put(':agencyCode/services/:serviceCode')
  @Callers(STANDARD_PUBLISHERS)
  @OfAgency('agencyCode')
  @ApiOperation({
    operationId: 'publishServiceStandard',
    summary: "Publish a service's standard",
    description:
      'An agency admin (or a mall admin) creates or replaces the standard of one of the agency’s ' +
      'services (after PermenPANRB 15/2014). The request goes to that agency’s own deployment, which ' +
      'owns its standards: it stores the next version and tells the mall’s catalog, which shows it ' +
      'within moments (`GET /v1/services/{serviceCode}`). The service code starts with the agency ' +
      'code (`DUKCAPIL-…`). Repeating the same body publishes it again as a new version.',
    security: securityOf(STANDARD_PUBLISHERS),
  })
  @ApiParam({
    name: 'agencyCode',
    description: 'The agency that owns the service',
    schema: { type: 'string', maxLength: AGENCY_CODE.maxLength, pattern: AGENCY_CODE.pattern },
    example: 'DUKCAPIL',
  })
  @ApiParam({
    name: 'serviceCode',
    description: 'The service code, starting with the agency code',
    schema: { type: 'string', maxLength: 48, pattern: SERVICE_CODE_PATTERN.source },
    example: 'DUKCAPIL-AKTA-LAHIR',
  })
  @ApiExtension(
    'x-missing-resource',
    'A new service code creates the service; an agency nobody runs is answered 503 naming it.',
  )
  @ApiBody({
    type: ServiceStandardRequest,
    examples: { birth: { summary: 'A birth certificate', value: BIRTH_CERTIFICATE_BODY } },
  })
  @ApiOkResponse({
    description: 'Published: the standard with its new version',
    type: ServiceStandardResponse,
    examples: {
      birth: { summary: 'Version 1 of a birth certificate', value: BIRTH_CERTIFICATE_EXAMPLE },
    },
  })
  @ApiProblemResponse(
    400,
    'The body is not JSON, or a field is missing, mistyped, unknown or out of bounds',
    {
      validation: {
        summary: 'A document over 10 MiB and an unknown field type',
        error: DomainError.validation([
          { field: 'requirements.documents.0.maxBytes', code: 'invalid' },
          {
            field: 'requirements.fields.2.type',
            code: 'must_be_one_of',
            params: { values: 'text, number, …' },
          },
        ]),
        instance: INSTANCE,
      },
      serviceCode: {
        summary: 'A service code in lower case',
        error: DomainError.validation([{ field: 'serviceCode', code: 'service_code_format' }]),
        instance: '/v1/agencies/DUKCAPIL/services/dukcapil-kk',
      },
    },
  )
  @ApiProblemResponse(401, 'No authenticated caller', {
    anonymous: {
      summary: 'An anonymous caller',
      error: new DomainError('unauthenticated', 401, [], { resource: 'services of DUKCAPIL' }),
      instance: INSTANCE,
    },
  })
  @ApiProblemResponse(403, 'The caller is not an admin of this agency, nor a mall admin', {
    otherAgency: {
      summary: 'The admin of another agency',
      error: new DomainError('forbidden', 403, [], { resource: 'services of DUKCAPIL' }),
      instance: INSTANCE,
    },
  })
  @ApiProblemResponse(413, 'The body is larger than 64 KiB', {
    tooLarge: {
      summary: 'A body over the limit',
      error: new DomainError('payload_too_large', 413, [], { limit: 65536 }),
      instance: INSTANCE,
    },
  })
  @ApiProblemResponse(415, 'The body is not sent as `application/json`', {
    notJson: {
      summary: 'A form-encoded body',
      error: new DomainError('unsupported_media_type', 415),
      instance: INSTANCE,
    },
  })
  @ApiProblemResponse(
    422,
    'Well formed, but the fields do not fit together or the code is another agency’s',
    {
      standard: {
        summary: 'Another agency’s code, and an enum without options',
        error: DomainError.validation(
          [
            { field: 'code', code: 'service_code_not_of_agency', params: { prefix: 'DUKCAPIL-' } },
            { field: 'requirements.fields.1.options', code: 'required' },
          ],
          422,
        ),
        instance: '/v1/agencies/DUKCAPIL/services/PUPR-PBG',
      },
    },
  )
  @ApiUpstreamProblems('DUKCAPIL', INSTANCE)
  async publish(
    @Param('agencyCode') agencyCode: string,
    @Param('serviceCode') serviceCode: string,
    @Body() body: ServiceStandardRequest,
  ): Promise<ServiceStandardResponse> {
    const errors = [];
    if (!SUBJECT_TOKEN_PATTERN.test(agencyCode))
      errors.push({ field: 'agencyCode', code: 'agency_code_format' });
    if (!SERVICE_CODE_PATTERN.test(serviceCode))
      errors.push({ field: 'serviceCode', code: 'service_code_format' });
    if (errors.length > 0) throw DomainError.validation(errors);
    const standard = await this.rpc.request(
      PublishServiceStandard,
      toPublishServiceStandardV1(serviceCode, body),
      { to: agencyCode },
    );
    return toServiceStandardResponse(standard);
  }
}
