import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiGatewayTimeoutResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import {
  ApplicationReceiptV1,
  GetTimeline,
  SubmitApplication,
  SubmitApplicationV1,
  TimelineV1,
} from '@satupintu/contracts';
import { normalizeTrackingNumber } from '@satupintu/domain';
import { RpcClient } from '@satupintu/messaging';

import { Problem } from '../openapi/problem.schema';

const problem = { type: Problem, description: 'application/problem+json' };

@ApiTags('applications')
@ApiExtraModels(Problem)
@ApiServiceUnavailableResponse({
  ...problem,
  description: 'A service behind the gateway is not answering',
})
@ApiGatewayTimeoutResponse({
  ...problem,
  description: 'A service behind the gateway answered too slowly',
})
@Controller('v1/applications')
export class ApplicationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Submit an application',
    description:
      'Intake checks the NIK (region, birth date, serial) and the service code, stores the application and ' +
      'answers with its tracking number. The owning agency picks it up and starts verifying it.',
  })
  @ApiCreatedResponse({ type: ApplicationReceiptV1 })
  @ApiBadRequestResponse({
    ...problem,
    description: 'Missing or malformed fields, or a body that is not JSON',
  })
  @ApiUnprocessableEntityResponse({
    ...problem,
    description: 'A NIK that cannot exist, or an unknown service',
  })
  async submit(
    @Body() body: SubmitApplicationV1,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ApplicationReceiptV1> {
    const receipt = await this.rpc.request(SubmitApplication, body);
    void reply.header('location', `/v1/applications/${receipt.trackingNo}/timeline`);
    return receipt;
  }

  @Get(':trackingNo/timeline')
  @ApiOperation({
    summary: 'Follow an application',
    description:
      'Every status the application has had, from every agency, oldest first. Hyphens, spaces and ' +
      'lower case in the tracking number are accepted; a mistyped one is caught by its check character.',
  })
  @ApiParam({ name: 'trackingNo', example: 'K7M3-9QX2-C' })
  @ApiOkResponse({ type: TimelineV1 })
  @ApiBadRequestResponse({ ...problem, description: 'The tracking number is mistyped' })
  @ApiNotFoundResponse({ ...problem, description: 'No application has this tracking number (yet)' })
  timeline(@Param('trackingNo') raw: string): Promise<TimelineV1> {
    const trackingNo = normalizeTrackingNumber(raw);
    if (!trackingNo) throw new DomainError('invalid_tracking_number', 400);
    return this.rpc.request(GetTimeline, { trackingNo });
  }
}
