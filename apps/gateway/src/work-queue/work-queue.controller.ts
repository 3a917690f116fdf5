import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { DomainError, SUBJECT_TOKEN_PATTERN } from '@satupintu/common';
import { ListWorkQueue } from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import { Problem } from '../openapi/problem.schema';
import { WorkQueuePage, WorkQueueQuery } from './work-queue.dto';

const problem = { type: Problem, description: 'application/problem+json' };

@ApiTags('agencies')
@ApiExtraModels(Problem)
@Controller('v1/agencies')
export class WorkQueueController {
  constructor(private readonly rpc: RpcClient) {}

  @Get(':agencyCode/work-queue')
  @ApiOperation({
    summary: "An agency's work queue",
    description:
      'The cases waiting on one agency, oldest submission first, a page at a time. The request ' +
      "goes to that agency's own deployment, which decides who may see it: its officers, mall " +
      "administrators, and the agency's system (scope `agency:<CODE>:work`). Carries no personal data.",
  })
  @ApiParam({
    name: 'agencyCode',
    example: 'DUKCAPIL',
    schema: { pattern: '^[A-Z0-9-]{2,32}$', maxLength: 32 },
  })
  @ApiOkResponse({ type: WorkQueuePage })
  @ApiBadRequestResponse({ ...problem, description: 'A malformed agency code, filter or cursor' })
  @ApiUnauthorizedResponse({ ...problem, description: 'No credentials: sign in' })
  @ApiForbiddenResponse({ ...problem, description: 'Not an officer or system of this agency' })
  @ApiServiceUnavailableResponse({
    ...problem,
    description: 'No deployment of this agency is answering (unknown or stopped), or NATS is away',
  })
  list(
    @Param('agencyCode') agencyCode: string,
    @Query() query: WorkQueueQuery,
  ): Promise<WorkQueuePage> {
    if (!SUBJECT_TOKEN_PATTERN.test(agencyCode)) {
      throw DomainError.validation([{ field: 'agencyCode', code: 'agency_code_format' }]);
    }
    return this.rpc.request(
      ListWorkQueue,
      {
        limit: query.limit ?? 20,
        ...(query.status ? { status: query.status } : {}),
        ...(query.serviceCode ? { serviceCode: query.serviceCode } : {}),
        ...(query.cursor ? { cursor: query.cursor } : {}),
      },
      { to: agencyCode },
    );
  }
}
