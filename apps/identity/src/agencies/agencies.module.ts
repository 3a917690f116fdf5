import { Module } from '@nestjs/common';
import { AgenciesHandlers } from './agencies.handlers';
import { AgenciesRepository } from './agencies.repository';

/** The mall's agencies: identity owns them; intake's catalog follows AgencyChanged. */
@Module({
  controllers: [AgenciesHandlers],
  providers: [AgenciesRepository],
  exports: [AgenciesRepository],
})
export class AgenciesModule {}
