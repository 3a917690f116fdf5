import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  GetService,
  GetServiceV1,
  ListServices,
  ListServicesV1,
  type ServiceStandardV1,
  type ServicesPageV1,
} from '@satupintu/contracts';
import { HandleRequest } from '@satupintu/messaging';
import { CatalogRepository } from './catalog.repository';
import { getService, listServices } from './list-services';

/** The catalog's public reads: anyone may ask, so no caller is needed. */
@Controller()
export class CatalogHandlers {
  constructor(private readonly catalog: CatalogRepository) {}

  @HandleRequest(ListServices)
  list(@Payload() request: ListServicesV1): Promise<ServicesPageV1> {
    return listServices(request, this.catalog);
  }

  @HandleRequest(GetService)
  get(@Payload() request: GetServiceV1): Promise<ServiceStandardV1> {
    return getService(request.code, this.catalog);
  }
}
