import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  SubmitApplication,
  type ApplicationReceiptV1,
  SubmitApplicationV1,
} from '@satupintu/contracts';
import { generateTrackingNumber, type RegionIndex } from '@satupintu/domain';
import { HandleRequest } from '@satupintu/messaging';
import { randomBytes, randomUUID } from 'node:crypto';
import { CatalogRepository } from '../catalog/catalog.repository';
import { ApplicationsRepository } from './applications.repository';
import { REGIONS } from './regions.provider';
import { submitApplication } from './submit-application';

@Controller()
export class ApplicationsHandlers {
  constructor(
    private readonly catalog: CatalogRepository,
    private readonly applications: ApplicationsRepository,
    @Inject(REGIONS) private readonly regions: RegionIndex,
  ) {}

  @HandleRequest(SubmitApplication)
  submit(@Payload() input: SubmitApplicationV1): Promise<ApplicationReceiptV1> {
    return submitApplication(input, {
      regions: this.regions,
      findService: (code) => this.catalog.findActiveService(code),
      add: (application, event) => this.applications.addSubmitted(application, event),
      newId: randomUUID,
      newTrackingNo: () => generateTrackingNumber(randomBytes),
      now: () => new Date(),
    });
  }
}
