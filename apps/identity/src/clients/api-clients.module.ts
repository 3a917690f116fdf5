import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { ApiClientsHandlers } from './api-clients.handlers';
import { ApiClientsRepository } from './api-clients.repository';

/** API clients (agency systems, kiosks, the national portal), their scopes and secrets. */
@Module({
  imports: [AgenciesModule],
  controllers: [ApiClientsHandlers],
  providers: [ApiClientsRepository],
  exports: [ApiClientsRepository],
})
export class ApiClientsModule {}
