import { Module } from '@nestjs/common';
import { AgenciesController } from './agencies.controller';
import { ApiClientsController } from './api-clients.controller';
import { ApplicantsController } from './applicants.controller';
import { BusinessesController } from './businesses.controller';
import { OfficersController } from './officers.controller';

/** The REST face of identity's accounts: each route asks identity over NATS. */
@Module({
  controllers: [
    ApplicantsController,
    BusinessesController,
    AgenciesController,
    OfficersController,
    ApiClientsController,
  ],
})
export class AccountsModule {}
