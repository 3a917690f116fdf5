import { Module } from '@nestjs/common';
import { ApplicationsHandlers } from './applications.handlers';
import { ApplicationsRepository } from './applications.repository';
import { REGIONS, regionsProvider } from './regions.provider';

@Module({
  controllers: [ApplicationsHandlers],
  providers: [ApplicationsRepository, regionsProvider],
  exports: [ApplicationsRepository, REGIONS],
})
export class ApplicationsModule {}
