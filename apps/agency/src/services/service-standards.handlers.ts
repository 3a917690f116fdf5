import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import type { RequestContext } from '@satupintu/common';
import {
  PublishServiceStandard,
  PublishServiceStandardV1,
  type ServiceStandardV1,
} from '@satupintu/contracts';
import { Caller, HandleRequest } from '@satupintu/messaging';
import { AGENCY_CODE } from '../cases/agency-code';
import { publishServiceStandard } from './publish-service-standard';
import { ServiceStandardsRepository } from './service-standards.repository';

/** Requests about this agency's service standards (its code ends their subject). */
@Controller()
export class ServiceStandardsHandlers {
  constructor(
    private readonly repository: ServiceStandardsRepository,
    @Inject(AGENCY_CODE) private readonly agencyCode: string,
  ) {}

  @HandleRequest(PublishServiceStandard)
  publish(
    @Payload() request: PublishServiceStandardV1,
    @Caller() caller: RequestContext,
  ): Promise<ServiceStandardV1> {
    return publishServiceStandard(this.agencyCode, caller.principal, request, {
      publish: (code, content) => this.repository.publish(code, content),
    });
  }
}
